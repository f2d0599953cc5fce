import { defineHandler } from '../../shared/http/handler.ts';
import { facilityRoutes } from '../../shared/routes/facilities.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { isRecognisedBy } from '../../shared/domain/recognition.ts';
import { facilityView, listFacilities } from '../../shared/store/facilities.ts';

export const handler = defineHandler(facilityRoutes.listFacilities, async ({ query, deps }) => {
  const { authority } = query;
  const on = query.recognisedOn ?? brusselsDateOf(deps.clock());
  const page = await listFacilities(deps, {
    limit: query.limit,
    ...(query.province ? { province: query.province } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(authority ? { where: (f) => isRecognisedBy(Object.values(f.recognitions ?? {}), authority, on) } : {}),
  });
  return { status: 200, body: { items: page.items.map(facilityView), nextCursor: page.nextCursor } };
});
