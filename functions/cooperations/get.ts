import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { cooperationRoutes } from '../../shared/routes/cooperations.ts';
import { cooperationView, getCooperation } from '../../shared/store/cooperations.ts';

export const handler = defineHandler(cooperationRoutes.getCooperation, async ({ params, deps }) => {
  const record = await getCooperation(deps, params.cooperationId);
  if (!record) throw problems.notFound('The samenwerkingsverband');
  return { status: 200, body: cooperationView(record), etag: etagOf(record.version) };
});
