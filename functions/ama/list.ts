import { defineHandler } from '../../shared/http/handler.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { agreementSummary, listAgreements } from '../../shared/store/ama.ts';

/**
 * A begeleider lists its own agreements (its facility, whatever `begeleider` says); the department lists all,
 * or one begeleider's. Filters: status and a period of start dates. Lines carry no participant data.
 */
export const handler = defineHandler(amaRoutes.listAgreements, async ({ query, principal, deps }) => {
  const begeleider = hasRole(principal, 'department') ? query.begeleider : principal.facility;
  if (!hasRole(principal, 'department') && !begeleider) throw problems.forbidden();
  const page = await listAgreements(deps, {
    ...(begeleider ? { begeleider } : {}),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (a) =>
      (!query.status || a.status === query.status) &&
      (!query.startsFrom || a.startDate >= query.startsFrom) &&
      (!query.startsUntil || a.startDate <= query.startsUntil) &&
      (!query.submission || a.submission?.status === query.submission),
  });
  return { status: 200, body: { items: page.items.map(agreementSummary), nextCursor: page.nextCursor } };
});
