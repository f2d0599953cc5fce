import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { routes } from '../../shared/routes.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { isRecognisedBy } from '../../shared/domain/recognition.ts';
import { InvalidCursorError } from '../../shared/store/cursor.ts';
import { facilityView, listFacilities } from '../../shared/store/facilities.ts';

export const handler = defineHandler(routes.listFacilities, async ({ query, deps }) => {
  const { authority } = query;
  const on = query.recognisedOn ?? brusselsDateOf(deps.clock());
  try {
    const page = await listFacilities(deps, {
      limit: query.limit,
      ...(query.province ? { province: query.province } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(authority ? { where: (f) => isRecognisedBy(Object.values(f.recognitions ?? {}), authority, on) } : {}),
    });
    return { status: 200, body: { items: page.items.map(facilityView), nextCursor: page.nextCursor } };
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw problems.badRequest('The cursor is not valid for this list.', [{ path: 'cursor', message: error.message }]);
    }
    throw error;
  }
});
