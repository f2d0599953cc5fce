import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems, type FieldError } from '../../shared/http/problem.ts';
import { cooperationRoutes } from '../../shared/routes/cooperations.ts';
import { cooperationCompositionViolations, cooperationMandatePeriod } from '../../shared/domain/cooperation.ts';
import { mandateConditionViolations } from '../../shared/domain/trajectory-rules.ts';
import { REGIME_2022_FROM } from '../../shared/domain/rules/parameters.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { cooperationView, insertCooperation, newCooperationRecord } from '../../shared/store/cooperations.ts';

/**
 * The department mandates a samenwerkingsverband Zorg for a werkingsgebied: rules `cooperation-composition`
 * and `mandate-conditions` (each member, on the mandate's first day) and `cooperation-mandate-period`.
 */
export const handler = defineHandler(cooperationRoutes.registerCooperation, async ({ body, principal, deps }) => {
  const members = body.members.map((m) => m.enterpriseNumber);
  const errors: FieldError[] = [];
  if (body.validFrom < REGIME_2022_FROM) {
    errors.push({
      path: 'validFrom',
      rule: 'cooperation-mandate-period',
      message: `Samenwerkingsverbanden Zorg are mandated from ${REGIME_2022_FROM} (decree of 8 July 2022).`,
    });
  }
  errors.push(...cooperationCompositionViolations({ members, lead: body.leadEnterpriseNumber, date: body.validFrom }));
  const facilities = await getFacilities(deps, members);
  body.members.forEach((member, i) => {
    const facility = facilities.get(member.enterpriseNumber);
    if (!facility) {
      errors.push({ path: `members[${i}].enterpriseNumber`, message: 'Not a registered facility.' });
      return;
    }
    errors.push(
      ...mandateConditionViolations({
        icfTrainedStaff: member.icfTrainedStaff,
        recognitions: Object.values(facility.recognitions ?? {}),
        date: body.validFrom,
        path: `members[${i}]`,
      }),
    );
  });
  if (errors.length > 0) throw problems.validation(errors, 'The samenwerkingsverband does not meet the rules; see errors.');
  const record = newCooperationRecord(
    {
      cooperationId: randomUUID(),
      name: body.name,
      werkingsgebied: body.werkingsgebied,
      leadEnterpriseNumber: body.leadEnterpriseNumber,
      members: body.members,
      mandate: cooperationMandatePeriod(body.validFrom),
    },
    { actor: principal.userId, now: deps.clock() },
  );
  const outcome = await insertCooperation(deps, record);
  if (!outcome.ok) {
    throw problems.refusedBy(
      'one-cooperation-per-werkingsgebied',
      409,
      `Another samenwerkingsverband Zorg is mandated for ${body.werkingsgebied} on or after ${body.validFrom}.`,
    );
  }
  deps.logger.info('cooperation registered', { cooperationId: record.cooperationId, werkingsgebied: record.werkingsgebied });
  return {
    status: 201,
    body: cooperationView(record),
    etag: etagOf(record.version),
    headers: { location: `/cooperations/${record.cooperationId}` },
  };
});
