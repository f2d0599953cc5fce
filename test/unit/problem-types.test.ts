import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { problems, RULE_OF_PROBLEM } from '../../shared/http/problem.ts';
import { PROBLEM_TYPES, problemTypeHtml, problemTypePage } from '../../shared/http/problem-types.ts';
import { RULES, ruleById } from '../../shared/domain/rules/registry.ts';
import { routeList } from '../../shared/routes.ts';

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

const SOURCES = ['functions', 'shared', 'infra/local'].flatMap(sourcesUnder).filter((file) => !file.endsWith('.generated.ts'));

/**
 * The call sites whose slug is not written where the problem is made, with every slug they can give. A new
 * one fails the test until it is listed here (and its slugs have pages).
 */
const DYNAMIC_SLUGS: Record<string, readonly string[]> = {
  // sign(): { ok: false, reason: 'not-draft' | 'already-signed' } (shared/domain/ama.ts)
  'functions/ama/sign.ts': ['not-draft', 'already-signed'],
  // selectionStartRefusal(): SelectionStartRefusal (shared/domain/selection-start.ts)
  'functions/selection/start.ts': ['call-not-published', 'selection-running', 'call-decided', 'deadline-not-passed'],
  // refusal.rule: a rule id of the registry, whose page comes from the registry
  'functions/ama/submit.ts': RULES.map((rule) => rule.id),
};

/** Every slug a problem can carry: the fixed ones of `problems`, and each slug written in the code. */
function emittedSlugs(): Map<string, string> {
  const slugs = new Map<string, string>();
  const fixed = [
    problems.malformedJson(''),
    problems.badRequest('', []),
    problems.unauthorized(),
    problems.forbidden(),
    problems.notFound(),
    problems.preconditionFailed(),
    problems.payloadTooLarge(1),
    problems.unsupportedMediaType(),
    problems.validation([]),
    problems.preconditionRequired(),
    problems.serviceUnavailable(1),
    problems.internal(),
  ];
  for (const problem of fixed) slugs.set(problem.type.replace('/problems/', ''), 'shared/http/problem.ts');
  for (const file of SOURCES) {
    const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const match of source.matchAll(/(?:problems\.(?:conflict|refusedBy)\(\s*|\bslug:\s*)(['"`])([^'"`]+)\1/g)) {
      slugs.set(match[2]!, file);
    }
    for (const match of source.matchAll(/problems\.(?:conflict|refusedBy)\(\s*([^\s'"`][^,]*),/g)) {
      if (file === 'shared/http/problem.ts') continue;
      const listed = DYNAMIC_SLUGS[file];
      expect(
        listed,
        `${file}: problems.…(${match[1]}, …) has a slug that is not written there: list its slugs in DYNAMIC_SLUGS`,
      ).toBeDefined();
      for (const slug of listed ?? []) slugs.set(slug, file);
    }
  }
  slugs.delete('slug');
  return slugs;
}

describe('the problem type pages', () => {
  it('every problem type the code can emit has a page, with a meaning and what to do', () => {
    const slugs = emittedSlugs();
    expect(slugs.size).toBeGreaterThan(40);
    for (const [slug, file] of slugs) {
      const page = problemTypePage(slug);
      expect(page, `/problems/${slug} (from ${file}) has no page: add it to PROBLEM_TYPES`).toBeDefined();
      expect(page!.type).toBe(`/problems/${slug}`);
      expect(page!.meaning.length, slug).toBeGreaterThan(20);
      expect(page!.whatToDo.length, slug).toBeGreaterThan(3);
    }
  });

  it('a refusal by a rule has the page of its rule; a slug that stands for a rule names it', () => {
    expect(problemTypePage('call-open')).toMatchObject({ rule: 'call-open', type: '/problems/call-open' });
    expect(problemTypePage('call-open')!.meaning).toContain(ruleById('call-open')!.source);
    for (const [slug, rule] of Object.entries(RULE_OF_PROBLEM)) expect(problemTypePage(slug)?.rule, slug).toBe(rule);
  });

  it('the fixed problems have the title and status of their page', () => {
    for (const problem of [
      problems.preconditionFailed(),
      problems.validation([]),
      problems.unauthorized(),
      problems.internal(),
    ]) {
      const page = problemTypePage(problem.type.replace('/problems/', ''))!;
      expect(page.title).toBe(problem.title);
      expect(page.status).toBe(problem.status);
    }
  });

  it('lists no page that is not a problem of the code and no rule id (those come from the registry)', () => {
    const slugs = emittedSlugs();
    for (const slug of Object.keys(PROBLEM_TYPES)) {
      expect(slugs.has(slug), `${slug} is never emitted`).toBe(true);
      expect(ruleById(slug), `${slug} is a rule id: its page comes from the registry`).toBeUndefined();
    }
  });

  it('an unknown slug has no page; the HTML escapes what it shows', () => {
    expect(problemTypePage('no-such-problem')).toBeUndefined();
    expect(problemTypePage('constructor')).toBeUndefined();
    const html = problemTypeHtml({ slug: 'x', type: '/problems/x', title: '<b>', meaning: 'a & b', whatToDo: '"c"' });
    expect(html).toContain('&#60;b&#62;');
    expect(html).not.toContain('<b>');
  });

  it('every rule a route names as refusing it is in the registry', () => {
    for (const spec of routeList) {
      for (const rule of spec.refusedBy ?? []) expect(ruleById(rule), `${spec.operationId}: ${rule}`).toBeDefined();
    }
    expect(routeList.filter((spec) => (spec.refusedBy ?? []).length > 0).length).toBeGreaterThan(30);
  });
});
