/**
 * A problem type's page as the API serves it (`GET /problems/{slug}`), and its HTML. Kept apart from the
 * list of pages (shared/http/problem-types.ts, which also reads the rules registry) so that the Reference
 * function renders a page it holds as data without loading either.
 */
export interface ProblemTypeDoc {
  /** The status it comes with. */
  status: number;
  title: string;
  /** What it means. */
  meaning: string;
  /** What the caller should do. */
  whatToDo: string;
}

/** A problem type's page: the listed one, or (a refusal by a rule of the registry) one made from the rule. */
export interface ProblemTypePage extends Omit<ProblemTypeDoc, 'status'> {
  slug: string;
  /** The status it comes with; a rule's refusal is a 409 (the state of a record) or a 422 (the request's content). */
  status?: number;
  type: string;
  /** The rule of the registry behind it (GET /rules), when there is one. */
  rule?: string;
}

/** The pages change only with a release: caches may keep them an hour. */
export const PROBLEM_PAGE_CACHE_CONTROL = 'public, max-age=3600';

/** The page as HTML, for a browser. Every text is escaped. */
export function problemTypeHtml(page: ProblemTypePage): string {
  const rule = page.rule ? `<p>Rule: <code>${escapeHtml(page.rule)}</code> (see <code>GET /rules</code>).</p>` : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5">',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p><code>${escapeHtml(page.type)}</code>${page.status === undefined ? '' : `, HTTP ${page.status}`}</p>`,
    `<h2>What it means</h2><p>${escapeHtml(page.meaning)}</p>`,
    `<h2>What to do</h2><p>${escapeHtml(page.whatToDo)}</p>`,
    rule,
    '<p>Every error of this API is an RFC 9457 problem document; the API reference is at <a href="/openapi.json">/openapi.json</a>.</p>',
    '</body></html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
