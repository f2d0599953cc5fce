import { accepts, defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { PROBLEM_PAGE_CACHE_CONTROL, problemTypeHtml, problemTypePage } from '../../shared/http/problem-types.ts';
import { systemRoutes } from '../../shared/routes/system.ts';

/**
 * `GET /problems/{slug}`: what a problem type means and what to do (shared/http/problem-types.ts), so that the
 * `type` of every problem document resolves. HTML for a browser, JSON otherwise. Reads nothing from the table.
 */
export const handler = defineHandler(systemRoutes.getProblemType, ({ params, event }) => {
  const page = problemTypePage(params.slug);
  if (!page) throw problems.notFound('The problem type');
  if (accepts(event, 'text/html')) {
    return Promise.resolve({
      status: 200,
      body: problemTypeHtml(page),
      contentType: 'text/html; charset=utf-8',
      headers: { 'cache-control': PROBLEM_PAGE_CACHE_CONTROL },
    });
  }
  return Promise.resolve({ status: 200, body: page, headers: { 'cache-control': PROBLEM_PAGE_CACHE_CONTROL } });
});
