import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { RULES, rulesInForce, type RuleDefinition } from '../shared/domain/rules/registry.ts';
import { REFERENCE_ROUTES } from '../shared/reference-answers.generated.ts';
import { subpathImportFile } from './local/paths.ts';
import { addDays } from '../shared/domain/trajectory-dates.ts';
import { routeKeyOf } from '../shared/http/dispatch.ts';
import { PROBLEM_PAGE_CACHE_CONTROL, PROBLEM_TYPES, problemTypePage } from '../shared/http/problem-types.ts';
import type { ReferenceAnswers, ReferenceRoute, ReferenceRoutes } from '../shared/http/reference-answers.ts';
import { routeSpecsOf } from '../shared/functions.ts';
import { processingRegister } from '../shared/store/processing-register.ts';

/**
 * Build time: what the Reference function answers from data (shared/http/reference-answers.ts), computed
 * with the very functions its routes' handlers call (`rulesInForce`, `processingRegister`, `problemTypePage`).
 * `npm run reference:write` writes the answers to shared/reference-answers.json (`#reference-answers` in
 * package.json "imports") and the routes to shared/reference-answers.generated.ts.
 */

/** The earliest date asked for; before the registry's first date nothing is in force. */
const FIRST_DAY = '0000-01-01';

/**
 * The days on which an answer can change: every date the registry gives (a rule's start and end, a
 * parameter's new value), and the day after each (a rule ends after its `validUntil`). Between two of them
 * every answer stays the same: `rulesInForce` and the register (whose retention periods are parameters of
 * the registry's rules) compare dates with these and nothing else. A test checks the answers against those
 * functions for every day of 2000–2050.
 */
export function changeDays(): string[] {
  const named = (RULES as readonly RuleDefinition[]).flatMap((rule) => [
    rule.validFrom,
    ...(rule.validUntil ? [rule.validUntil] : []),
    ...Object.values(rule.parameters ?? {}).flatMap((parameter) => parameter.values.map((value) => value.from)),
  ]);
  const days = new Set([FIRST_DAY, ...named, ...named.map((day) => addDays(day, 1))]);
  return [...days].sort();
}

/** Each distinct value once, by its JSON: the list and every value's index in it. */
function indexer() {
  const values: unknown[] = [];
  const indexOf = new Map<string, number>();
  return {
    values,
    add(value: unknown): number {
      const key = JSON.stringify(value);
      let index = indexOf.get(key);
      if (index === undefined) {
        index = values.push(value) - 1;
        indexOf.set(key, index);
      }
      return index;
    },
  };
}

/**
 * The register's lines on `day`; none before its retention rules are in force (the system's start), when
 * the route's handler fails as it would (`retentionPeriod` has no period to give).
 */
function registerOn(day: string, add: (line: unknown) => number): { register?: number[] } {
  try {
    return { register: processingRegister(day).map(add) };
  } catch (error) {
    if (error instanceof Error && / has no period on /.test(error.message)) return {};
    throw error;
  }
}

export function referenceAnswers(): ReferenceAnswers {
  const rules = indexer();
  const registerLines = indexer();
  const periods: ReferenceAnswers['periods'][number][] = [];
  for (const day of changeDays()) {
    const period = {
      from: day,
      rules: rulesInForce(day).map((rule) => rules.add(rule)),
      ...registerOn(day, (line) => registerLines.add(line)),
    };
    const previous = periods.at(-1);
    if (previous && JSON.stringify([previous.rules, previous.register]) === JSON.stringify([period.rules, period.register])) continue;
    periods.push(period);
  }
  const slugs = [...new Set([...Object.keys(PROBLEM_TYPES), ...RULES.map((rule) => rule.id)])].sort();
  const problems = Object.fromEntries(
    slugs.map((slug) => {
      const page = problemTypePage(slug);
      if (!page) throw new Error(`no problem type page for ${slug}`);
      return [slug, page];
    }),
  );
  return { rules: rules.values, registerLines: registerLines.values, periods, problems };
}

/** The Reference function's routes, from the route table: route key, operationId, who may call. */
export function referenceRoutes(): ReferenceRoutes {
  return Object.fromEntries(
    routeSpecsOf('Reference').map((spec) => {
      const route: ReferenceRoute = {
        operationId: spec.operationId as ReferenceRoute['operationId'],
        auth: spec.auth === 'public' ? 'public' : [...spec.auth],
        ...(spec.operationId === 'getProblemType' ? { cacheControl: PROBLEM_PAGE_CACHE_CONTROL } : {}),
      };
      return [routeKeyOf(spec), route];
    }),
  );
}

/** The answers as the function reads them (`#reference-answers`): JSON. */
export function referenceAnswersJson(): string {
  return `${JSON.stringify(referenceAnswers(), null, 2)}\n`;
}

/**
 * The generated module: the routes as a small literal (the handler names its operationIds at import and
 * checks the caller's role before it reads anything). The answers are a file of their own
 * (`referenceAnswersJson`), read on the first request that needs them: as a string in the bundle they would
 * cost every cold start about 35 µs per kB.
 */
export function referenceRoutesModuleSource(): string {
  return [
    '// Generated from the route table by `npm run reference:write`; do not edit (a test fails when it is stale).',
    "import type { ReferenceRoutes } from './http/reference-answers.ts';",
    '',
    "/** The Reference function's routes, by route key. */",
    `export const REFERENCE_ROUTES: ReferenceRoutes = ${JSON.stringify(referenceRoutes(), null, 2)};`,
    '',
  ].join('\n');
}

/**
 * The files CDK puts beside the functions' bundles, checked at synth (infra/app.ts) against what the rules
 * registry, the route table and the OpenAPI generator give now: a deployment never serves a stale copy,
 * even one made without running the tests. Returns what is stale, with the command that writes it.
 */
export function staleBuiltFiles(servedDocument: () => unknown): string[] {
  const stale: string[] = [];
  const committed = (specifier: `#${string}`) => JSON.parse(readFileSync(subpathImportFile(specifier), 'utf8')) as unknown;
  const fresh = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  if (!isDeepStrictEqual(committed('#reference-answers'), fresh(referenceAnswers())) || !isDeepStrictEqual(fresh(REFERENCE_ROUTES), fresh(referenceRoutes()))) {
    stale.push('shared/reference-answers.json or .generated.ts (npm run reference:write)');
  }
  if (!isDeepStrictEqual(committed('#openapi-document'), fresh(servedDocument()))) {
    stale.push('shared/openapi-document.json (npm run openapi:write)');
  }
  return stale;
}
