import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  criterionMeans,
  decide,
  evaluateApplication,
  rankRegion,
  tieBreakCriterion,
  weightedScore,
  type ApplicationToEvaluate,
  type Evaluation,
} from '../../shared/domain/selection.ts';
import { missingReviews } from '../../shared/domain/selection-start.ts';
import { isWithinObjectionPeriod, objectionDeadline } from '../../shared/domain/objection.ts';

const CRITERIA = [
  { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 4 },
  { id: 'network', title: 'Netwerk', weight: 2, maxScore: 10 },
  { id: 'reach', title: 'Bereik', weight: 1, maxScore: 5 },
];

function app(
  id: string,
  scores: Array<[number, number, number]>,
  overrides: Partial<ApplicationToEvaluate> = {},
): ApplicationToEvaluate {
  return {
    applicationId: id,
    region: 'GENT',
    submittedAt: '2026-11-20T10:00:00.000Z',
    eligible: true,
    failedRules: [],
    reviews: scores.map(([approach, network, reach]) => ({ scores: { approach, network, reach } })),
    ...overrides,
  };
}

const evaluate = (a: ApplicationToEvaluate) => evaluateApplication(CRITERIA, a);

describe('scoring', () => {
  it('means per criterion over reviewers, weighted and normalized to 0–100', () => {
    expect(
      criterionMeans(
        CRITERIA,
        app('a', [
          [9, 9, 5],
          [10, 8, 5],
        ]).reviews,
      ),
    ).toEqual({ approach: 9.5, network: 8.5, reach: 5 });
    expect(weightedScore(CRITERIA, { approach: 9.5, network: 8.5, reach: 5 })).toBe(92.5);
    expect(weightedScore(CRITERIA, { approach: 10, network: 10, reach: 5 })).toBe(100);
    expect(weightedScore(CRITERIA, { approach: 0, network: 0, reach: 0 })).toBe(0);
  });

  it('rounds to 4 decimals so that mathematically equal scores tie exactly', () => {
    const a = evaluate(app('a', [[8, 5, 5]]));
    const b = evaluate(app('b', [[6, 8, 5]]));
    expect(a.score).toBe(73.3333);
    expect(b.score).toBe(a.score);
  });

  it('an application under a minScore is not selectable, with the reason', () => {
    const e = evaluate(
      app('a', [
        [3, 10, 5],
        [4, 10, 5],
      ]),
    );
    expect(e.selectable).toBe(false);
    expect(e.reasons).toEqual(['Scored 3.5 on "Aanpak" (approach), under its minimum of 4: not selectable.']);
    expect(e.reasonsNl).toEqual(['Score 3,5 op "Aanpak", onder het minimum van 4: niet selecteerbaar.']);
    expect(evaluate(app('b', [[4, 0, 0]])).selectable).toBe(true);
  });

  it('an ineligible application scores 0 and carries the failed rules as reasons', () => {
    const e = evaluate(
      app('a', [[10, 10, 5]], { eligible: false, failedRules: ['No member holds …'], failedRuleIds: ['required-recognition'] }),
    );
    expect(e).toMatchObject({ score: 0, selectable: false, reasons: ['No member holds …'] });
    // In Dutch for the facility's email: the rule's Dutch title from the registry.
    expect(e.reasonsNl).toEqual(['Niet ontvankelijk: niet voldaan aan de regel "Het netwerk telt de erkenningen die de oproep vraagt".']);
  });

  it('the tie-break criterion is the highest weight, the first of equals', () => {
    expect(tieBreakCriterion(CRITERIA)?.id).toBe('approach');
    expect(
      tieBreakCriterion([
        { id: 'x', title: 'X', weight: 2, maxScore: 5 },
        { id: 'y', title: 'Y', weight: 2, maxScore: 5 },
      ])?.id,
    ).toBe('x');
  });
});

describe('ranking', () => {
  it('selects the best maxNetworks; ties by the highest-weight criterion, then earlier submission, then id', () => {
    const evaluations = [
      evaluate(app('top', [[10, 10, 5]])),
      evaluate(app('same-score-less-approach', [[6, 8, 5]])),
      evaluate(app('same-score-more-approach', [[8, 5, 5]])),
      evaluate(app('later', [[7, 7, 4]], { submittedAt: '2026-11-21T00:00:00.000Z' })),
      evaluate(app('earlier', [[7, 7, 4]], { submittedAt: '2026-11-20T00:00:00.000Z' })),
      evaluate(app('id-b', [[5, 5, 2]])),
      evaluate(app('id-a', [[5, 5, 2]])),
      evaluate(app('under-min', [[2, 10, 5]])),
      evaluate(app('ineligible', [[10, 10, 5]], { eligible: false, failedRules: ['x'] })),
    ];
    const lines = rankRegion(CRITERIA, 2, evaluations);
    expect(lines.map((l) => [l.applicationId, l.rank, l.outcome])).toEqual([
      ['top', 1, 'SELECTED'],
      ['same-score-more-approach', 2, 'SELECTED'],
      ['same-score-less-approach', 3, 'NOT_SELECTED'],
      ['earlier', 4, 'NOT_SELECTED'],
      ['later', 5, 'NOT_SELECTED'],
      ['id-a', 6, 'NOT_SELECTED'],
      ['id-b', 7, 'NOT_SELECTED'],
      ['ineligible', null, 'INELIGIBLE'],
      ['under-min', null, 'NOT_SELECTED'],
    ]);
    expect(lines[2]!.reasons[1]).toContain('highest-weight criterion');
    expect(lines[2]!.reasonsNl![0]).toMatch(/^Gerangschikt als 3 van \d+ selecteerbare aanvragen/);
    expect(lines[2]!.reasonsNl![1]).toContain('het criterium met het hoogste gewicht');
  });

  it('explains a tie at the boundary decided by submission time and by id', () => {
    const bySubmission = rankRegion(CRITERIA, 1, [
      evaluate(app('later', [[7, 7, 4]], { submittedAt: '2026-11-21T00:00:00.000Z' })),
      evaluate(app('earlier', [[7, 7, 4]], { submittedAt: '2026-11-20T00:00:00.000Z' })),
    ]);
    expect(bySubmission[1]!.reasons[1]).toContain('decided by the earlier submission');
    const byId = rankRegion(CRITERIA, 1, [evaluate(app('b', [[7, 7, 4]])), evaluate(app('a', [[7, 7, 4]]))]);
    expect(byId.map((l) => l.applicationId)).toEqual(['a', 'b']);
    expect(byId[1]!.reasons[1]).toContain('decided by application id');
    expect(byId[1]!.reasonsNl![1]).toContain('beslist door het nummer van de aanvraag');
    expect(bySubmission[1]!.reasonsNl![1]).toContain('beslist door de vroegste indiening');
  });

  it('lists every region of the call, also those without applications, and regions outside the call after them', () => {
    const decision = decide({ regions: ['GENT', 'KEMPEN'], criteria: CRITERIA, maxNetworksPerRegion: 2 }, [
      evaluate(app('g', [[5, 5, 3]])),
      evaluate(app('x', [[5, 5, 3]], { region: 'BRUSSEL', eligible: false, failedRules: ['region'] })),
    ]);
    expect(decision.map((r) => [r.region, r.applications.map((a) => a.outcome)])).toEqual([
      ['GENT', ['SELECTED']],
      ['KEMPEN', []],
      ['BRUSSEL', ['INELIGIBLE']],
    ]);
  });

  it('property: the decision is a deterministic function of the inputs, whatever their order', () => {
    const scores = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }));
    const application = fc.record({
      region: fc.constantFrom('GENT', 'KEMPEN', 'LIMBURG'),
      day: fc.integer({ min: 1, max: 3 }),
      eligible: fc.boolean(),
      reviews: fc.array(scores, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.uuid(), application), { selector: ([id]) => id, maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        (apps, maxNetworks, seed) => {
          const evaluations: Evaluation[] = apps.map(([id, a]) =>
            evaluate(
              app(id, a.reviews, {
                region: a.region,
                submittedAt: `2026-11-0${a.day}T10:00:00.000Z`,
                eligible: a.eligible,
                failedRules: a.eligible ? [] : ['no'],
              }),
            ),
          );
          const call = { regions: ['GENT', 'KEMPEN', 'LIMBURG'], criteria: CRITERIA, maxNetworksPerRegion: maxNetworks };
          const shuffled = [...evaluations].sort(
            (x, y) => ((x.applicationId.charCodeAt(seed % 36) ^ seed) % 7) - ((y.applicationId.charCodeAt(seed % 36) ^ seed) % 7),
          );
          const reversed = [...evaluations].reverse();
          const expected = decide(call, evaluations);
          expect(decide(call, shuffled)).toEqual(expected);
          expect(decide(call, reversed)).toEqual(expected);
          for (const region of expected) {
            const selected = region.applications.filter((l) => l.outcome === 'SELECTED');
            expect(selected.length).toBeLessThanOrEqual(maxNetworks);
            expect(selected.map((l) => l.rank)).toEqual(selected.map((_, i) => i + 1));
          }
        },
      ),
    );
  });
});

describe('starting a selection', () => {
  it('lists the evaluable applications with too few reviews', () => {
    const applications = [
      { applicationId: 'a', trackingNumber: 'WZ-A', submittedVersions: 1, status: 'SUBMITTED' },
      { applicationId: 'b', trackingNumber: 'WZ-B', submittedVersions: 1, status: 'DRAFT' },
      { applicationId: 'c', trackingNumber: 'WZ-C', submittedVersions: 0, status: 'DRAFT' },
      { applicationId: 'd', trackingNumber: 'WZ-D', submittedVersions: 2, status: 'WITHDRAWN' },
    ];
    expect(missingReviews(applications, [{ applicationId: 'a' }, { applicationId: 'a' }], 2)).toEqual([
      { applicationId: 'b', trackingNumber: 'WZ-B', reviews: 0 },
    ]);
    expect(missingReviews(applications, [{ applicationId: 'a' }], 1)).toEqual([
      { applicationId: 'b', trackingNumber: 'WZ-B', reviews: 0 },
    ]);
  });
});

describe('objections', () => {
  it('are possible up to and including 30 calendar days (Brussels) after the outcome email', () => {
    const sent = new Date('2026-12-02T23:30:00.000Z'); // 3 December, 00:30 in Brussels
    expect(objectionDeadline(sent)).toBe('2027-01-02');
    expect(isWithinObjectionPeriod(sent, new Date('2027-01-02T22:59:59.000Z'))).toBe(true);
    expect(isWithinObjectionPeriod(sent, new Date('2027-01-02T23:00:00.000Z'))).toBe(false);
  });
});
