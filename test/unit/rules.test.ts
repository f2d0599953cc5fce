import { mayObjectTo } from '../../shared/domain/objection.ts';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, rulesInForce, ruleById } from '../../shared/domain/rules/registry.ts';
import { dated, valueOn } from '../../shared/domain/rules/dated.ts';
import { trajectoryRegimeOn } from '../../shared/domain/rules/parameters.ts';
import {
  clientAgeViolations,
  endDateViolations,
  extensionViolations,
  mandateConditionViolations,
  startAfterAppointmentViolations,
  whoStartsTrajectory,
} from '../../shared/domain/trajectory-rules.ts';
import {
  casemanagerZorgViolations,
  cooperationCompositionViolations,
  cooperationMandatePeriod,
  isCooperationMandatedOn,
  lastMandatedDay,
  renewalPeriod,
  withdrawCooperationMandate,
} from '../../shared/domain/cooperation.ts';
import { addDays } from '../../shared/domain/trajectory-dates.ts';
import {
  isDecidedBy,
  isDraftCall,
  isPublishedCall,
  isVisibleToFacilities,
  reviewPhase,
  runHoldsCall,
  selectingRunOf,
} from '../../shared/domain/call-rules.ts';
import { hasBeenSubmitted, isDraftApplication } from '../../shared/domain/application-status.ts';
import { holdsValidMandate, isAwaitingDecision, withdrawalViolations } from '../../shared/domain/mandate.ts';
import { followsFromAmaTrajectory, hasFreePlace, isAgreementActive, isAgreementEnded } from '../../shared/domain/ama.ts';
import { HttpProblem, RULE_OF_PROBLEM } from '../../shared/http/problem.ts';
import { RULES_TABLE_END, RULES_TABLE_START, rulesTableMarkdown } from '../../infra/rules-table.ts';

const day = fc
  .integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2032, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

describe('the rules registry', () => {
  it('has unique ids, each with a source, a period and a pure function that exists in shared/domain', async () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      expect(rule.title.nl && rule.title.en, rule.id).toBeTruthy();
      if ('validUntil' in rule) expect(rule.validUntil > rule.validFrom, rule.id).toBe(true);
      const [file, name] = rule.implementedBy.split('#') as [string, string];
      const module = (await import(`../../shared/domain/${file}`)) as Record<string, unknown>;
      expect(typeof module[name], rule.implementedBy).toBe('function');
    }
  });

  it('lists on each side of 1 July 2023 the start rule of its regime, with the parameters of the day', () => {
    const before = rulesInForce('2023-06-30').map((r) => r.id);
    const after = rulesInForce('2023-07-01').map((r) => r.id);
    expect(before).toContain('trajectory-start-by-casemanager-zorg');
    expect(before).toContain('casemanager-zorg-facility-mandate');
    expect(before).not.toContain('trajectory-start-decided-by-vdab');
    expect(before).not.toContain('cooperation-mandate-period');
    expect(after).toContain('trajectory-start-decided-by-vdab');
    expect(after).toContain('casemanager-zorg-of-cooperation');
    expect(after).not.toContain('trajectory-start-by-casemanager-zorg');
    expect(rulesInForce('2023-07-01').find((r) => r.id === 'cooperation-mandate-period')?.parameters).toEqual({
      years: { description: expect.any(String), value: 5 },
    });
    expect(rulesInForce('2018-03-18')).toEqual([]);
    expect(ruleById('trajectory-duration')?.kind).toBe('law');
  });

  it('every rule a refusal names in the code (`rule: …`, `refusedBy(…)`) is in the registry', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(new URL('../../', import.meta.url), { recursive: true }))
      .filter((f) => /^(functions|shared)\/.*\.ts$/.test(f) && !f.endsWith('.generated.ts'));
    const named = new Set<string>();
    for (const file of files) {
      const text = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const m of text.matchAll(/\brule: '([a-z0-9-]+)'|refusedBy\(\s*'([a-z0-9-]+)'/g)) named.add((m[1] ?? m[2])!);
    }
    expect(named.size).toBeGreaterThan(10);
    for (const id of named) expect(ruleById(id), id).toBeDefined();
    // Refusals whose slug is not a rule id carry the rule they map to.
    for (const [slug, id] of Object.entries(RULE_OF_PROBLEM)) expect(ruleById(id), slug).toBeDefined();
    expect(new HttpProblem({ status: 409, slug: 'deadline-passed', title: 't', detail: 'd' }).toBody()).toMatchObject({ rule: 'call-open' });
  });

  it('the README holds the table generated from the registry (npm run readme:rules)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(RULES_TABLE_START) + RULES_TABLE_START.length;
    const end = readme.indexOf(RULES_TABLE_END);
    expect(readme.slice(start, end).trim()).toBe(rulesTableMarkdown());
  });
});

describe('dated values', () => {
  const pensionAge = dated('pension age', [
    { from: '1900-01-01', value: 65 },
    { from: '2025-02-01', value: 66 },
    { from: '2030-02-01', value: 67 },
  ]);
  it('take the value in force on the day, changing on the day of the change', () => {
    expect(valueOn(pensionAge, '1899-12-31')).toBeUndefined();
    expect(valueOn(pensionAge, '2025-01-31')).toBe(65);
    expect(valueOn(pensionAge, '2025-02-01')).toBe(66);
    expect(valueOn(pensionAge, '2030-01-31')).toBe(66);
    expect(valueOn(pensionAge, '2030-02-01')).toBe(67);
  });
  it('refuse values out of date order', () => {
    expect(() => dated('x', [{ from: '2025-01-01', value: 1 }, { from: '2024-01-01', value: 2 }])).toThrow(/date order/);
  });
});

describe('who starts a trajectory (trajectory-start-*)', () => {
  it('the casemanager Zorg for a request up to 30 June 2023, VDAB’s casemanager Werk from 1 July 2023', () => {
    expect(whoStartsTrajectory('2023-06-30')).toEqual({ role: 'casemanager-zorg', rule: 'trajectory-start-by-casemanager-zorg' });
    expect(whoStartsTrajectory('2023-07-01')).toEqual({ role: 'casemanager-werk', rule: 'trajectory-start-decided-by-vdab' });
    expect(trajectoryRegimeOn('2023-06-30')).toBe('DECREE_2014');
    expect(trajectoryRegimeOn('2023-07-01')).toBe('DECREE_2022');
  });
});

describe('client-minimum-age', () => {
  it('accepts from the 18th birthday on, not the day before', () => {
    expect(clientAgeViolations('2008-03-10', '2026-03-10')).toEqual([]);
    expect(clientAgeViolations('2008-03-10', '2026-03-09')).toEqual([
      expect.objectContaining({ path: 'client.birthDate', rule: 'client-minimum-age' }),
    ]);
    expect(clientAgeViolations('2020-01-01', '2026-01-15')).toHaveLength(1);
  });
});

describe('start-after-network-appointment', () => {
  it('accepts the day of the appointment, not the day before', () => {
    expect(startAfterAppointmentViolations('2025-07-01', '2025-07-01')).toEqual([]);
    expect(startAfterAppointmentViolations('2025-06-30', '2025-07-01')).toEqual([
      expect.objectContaining({ path: 'startDate', rule: 'start-after-network-appointment' }),
    ]);
  });
});

describe('trajectory-end-date', () => {
  const base = { startDate: '2026-01-15', maxEndDate: '2027-07-14', today: '2026-11-25' };
  it('between the start and the earlier of the maximum end and today, both included', () => {
    expect(endDateViolations({ ...base, endDate: '2026-01-15' })).toEqual([]);
    expect(endDateViolations({ ...base, endDate: '2026-11-25' })).toEqual([]);
    expect(endDateViolations({ ...base, endDate: '2026-01-14' })[0]?.message).toMatch(/before the start/);
    expect(endDateViolations({ ...base, endDate: '2026-11-26' })[0]?.message).toMatch(/future/);
    expect(endDateViolations({ ...base, today: '2028-01-01', endDate: '2027-07-15' })[0]?.message).toMatch(/maximum end/);
    expect(endDateViolations({ ...base, today: '2028-01-01', endDate: '2027-07-14' })).toEqual([]);
    expect(endDateViolations({ ...base, endDate: '9999-12-31' })).toHaveLength(1);
  });
  it('for any dates: accepted exactly when start ≤ end ≤ min(maxEnd, today)', () => {
    fc.assert(
      fc.property(day, day, day, day, (startDate, maxEndDate, today, endDate) => {
        const ok = startDate <= endDate && endDate <= maxEndDate && endDate <= today;
        const violations = endDateViolations({ startDate, maxEndDate, today, endDate });
        expect(violations.length === 0).toBe(ok);
        for (const v of violations) expect(v).toMatchObject({ path: 'endDate', rule: 'trajectory-end-date' });
      }),
    );
  });
});

describe('trajectory-extension', () => {
  it('later than the current maximum end, by at most 6 months a request', () => {
    const at = { currentMaxEnd: '2027-07-14', requestDate: '2027-05-01' };
    expect(extensionViolations({ ...at, requestedEnd: '2027-07-14' })[0]?.message).toMatch(/beyond maxEndDate/);
    expect(extensionViolations({ ...at, requestedEnd: '2027-07-15' })).toEqual([]);
    expect(extensionViolations({ ...at, requestedEnd: '2028-01-14' })).toEqual([]);
    expect(extensionViolations({ ...at, requestedEnd: '2028-01-15' })[0]).toMatchObject({
      path: 'plannedEndDate',
      rule: 'trajectory-extension',
      message: expect.stringContaining('up to 2028-01-14'),
    });
    expect(extensionViolations({ ...at, requestedEnd: '2040-12-31' })).toHaveLength(1);
  });
  it('for any maximum end: the day after it is allowed, and nothing more than about 6 months on', () => {
    fc.assert(
      fc.property(day, (currentMaxEnd) => {
        expect(extensionViolations({ currentMaxEnd, requestDate: currentMaxEnd, requestedEnd: addDays(currentMaxEnd, 1) })).toEqual([]);
        expect(extensionViolations({ currentMaxEnd, requestDate: currentMaxEnd, requestedEnd: addDays(currentMaxEnd, 185) })).toHaveLength(1);
      }),
    );
  });
});

describe('mandate-conditions', () => {
  const vaph = { recognitionId: 'r', authority: 'VAPH' as const, reference: 'V', validFrom: '2018-01-01' };
  it('needs at least one ICF-trained staff member and a qualifying recognition valid on the date', () => {
    expect(mandateConditionViolations({ icfTrainedStaff: 1, recognitions: [vaph], date: '2026-01-01' })).toEqual([]);
    expect(mandateConditionViolations({ icfTrainedStaff: 0, recognitions: [vaph], date: '2026-01-01' })).toEqual([
      expect.objectContaining({ path: 'icfTrainedStaff', rule: 'mandate-conditions' }),
    ]);
    const other = { ...vaph, authority: 'OTHER' as const };
    expect(mandateConditionViolations({ icfTrainedStaff: 2, recognitions: [other], date: '2026-01-01' })).toEqual([
      expect.objectContaining({ path: 'recognitions', rule: 'mandate-conditions' }),
    ]);
    const withdrawn = { ...vaph, withdrawnOn: '2026-01-01' };
    expect(mandateConditionViolations({ icfTrainedStaff: 2, recognitions: [withdrawn], date: '2025-12-31' })).toEqual([]);
    expect(mandateConditionViolations({ icfTrainedStaff: 2, recognitions: [withdrawn], date: '2026-01-01' })).toHaveLength(1);
  });
});

describe('the samenwerkingsverband Zorg', () => {
  it('is mandated for five years: up to the day before the fifth anniversary; a renewal follows without gap', () => {
    const first = cooperationMandatePeriod('2023-07-01');
    expect(first).toEqual({ validFrom: '2023-07-01', validUntil: '2028-06-30' });
    expect(renewalPeriod([first])).toEqual({ validFrom: '2028-07-01', validUntil: '2033-06-30' });
    expect(isCooperationMandatedOn([first], '2023-06-30')).toBe(false);
    expect(isCooperationMandatedOn([first], '2023-07-01')).toBe(true);
    expect(isCooperationMandatedOn([first], '2028-06-30')).toBe(true);
    expect(isCooperationMandatedOn([first], '2028-07-01')).toBe(false);
    expect(isCooperationMandatedOn([{ ...first, withdrawnOn: '2025-01-01' }], '2025-01-01')).toBe(false);
    expect(isCooperationMandatedOn([{ ...first, withdrawnOn: '2025-01-01' }], '2024-12-31')).toBe(true);
  });
  it('has at least three distinct care facilities, its lead among them', () => {
    const ok = { members: ['a', 'b', 'c'], lead: 'a', date: '2026-01-01' };
    expect(cooperationCompositionViolations(ok)).toEqual([]);
    expect(cooperationCompositionViolations({ ...ok, members: ['a', 'b'] })).toEqual([
      expect.objectContaining({ path: 'members', rule: 'cooperation-composition' }),
    ]);
    expect(cooperationCompositionViolations({ ...ok, members: ['a', 'b', 'b'] }).map((v) => v.path)).toEqual(['members', 'members']);
    expect(cooperationCompositionViolations({ ...ok, lead: 'z' })).toEqual([
      expect.objectContaining({ path: 'leadEnterpriseNumber' }),
    ]);
  });
  it('provides the casemanager Zorg: a member facility, while its mandate runs', () => {
    const cooperation = {
      members: ['a', 'b', 'c'].map((enterpriseNumber) => ({ enterpriseNumber })),
      mandates: [cooperationMandatePeriod('2024-01-01')],
    };
    const at = { cooperation, date: '2026-01-01', path: 'casemanagerZorg' };
    expect(casemanagerZorgViolations({ ...at, enterpriseNumber: 'b' })).toEqual([]);
    expect(casemanagerZorgViolations({ ...at, enterpriseNumber: 'x' })).toEqual([
      expect.objectContaining({ path: 'casemanagerZorg.enterpriseNumber', rule: 'casemanager-zorg-of-cooperation' }),
    ]);
    expect(casemanagerZorgViolations({ ...at, enterpriseNumber: 'b', date: '2023-12-31' })[0]?.message).toMatch(/No samenwerkingsverband/);
    expect(casemanagerZorgViolations({ ...at, cooperation: undefined, enterpriseNumber: 'b' })).toHaveLength(1);
  });
});

describe('review-phase, ama-werkpost-places, ama-follows-trajectory', () => {
  it('reviews open at the deadline instant and close once the call is no longer PUBLISHED', () => {
    const call = { status: 'PUBLISHED' as const, submissionDeadline: '2026-03-01T11:00:00.000Z' };
    expect(reviewPhase(call, new Date('2026-03-01T10:59:59.999Z'))).toBe('not-open');
    expect(reviewPhase(call, new Date('2026-03-01T11:00:00.000Z'))).toBe('open');
    expect(reviewPhase({ ...call, status: 'SELECTING' }, new Date('2026-03-02T00:00:00.000Z'))).toBe('closed');
  });
  it('a werkpost has a free place while open and under its places', () => {
    expect(hasFreePlace({ places: 2, takenPlaces: 1, closed: false })).toBe(true);
    expect(hasFreePlace({ places: 2, takenPlaces: 2, closed: false })).toBe(false);
    expect(hasFreePlace({ places: 2, takenPlaces: 0, closed: true })).toBe(false);
  });
  it('an agreement follows from a trajectory closed with outcome AMA only', () => {
    expect(followsFromAmaTrajectory({ status: 'CLOSED', outcome: 'AMA' })).toBe(true);
    expect(followsFromAmaTrajectory({ status: 'CLOSED', outcome: 'CARE' })).toBe(false);
    expect(followsFromAmaTrajectory({ status: 'ACTIVE' })).toBe(false);
    expect(followsFromAmaTrajectory(undefined)).toBe(false);
  });
});

describe('status rules (status-transitions)', () => {
  it('name each status a handler acts on', () => {
    expect(isDraftCall({ status: 'DRAFT' })).toBe(true);
    expect(isDraftCall({ status: 'PUBLISHED' })).toBe(false);
    expect(isVisibleToFacilities({ status: 'DRAFT' })).toBe(false);
    expect(isVisibleToFacilities({ status: 'DECIDED' })).toBe(true);
    expect(isPublishedCall({ status: 'PUBLISHED' })).toBe(true);
    expect(isPublishedCall({ status: 'SELECTING' })).toBe(false);
    expect(runHoldsCall({ status: 'SELECTING', currentRunId: 'r1' }, 'r1')).toBe(true);
    expect(runHoldsCall({ status: 'SELECTING', currentRunId: 'r2' }, 'r1')).toBe(false);
    expect(runHoldsCall({ status: 'DECIDED', currentRunId: 'r1' }, 'r1')).toBe(false);
    expect(isDecidedBy({ status: 'DECIDED', decisionRunId: 'r1' }, 'r1')).toBe(true);
    expect(isDecidedBy({ status: 'DECIDED', decisionRunId: 'r0' }, 'r1')).toBe(false);
    expect(selectingRunOf({ status: 'SELECTING', currentRunId: 'r1' })).toBe('r1');
    expect(selectingRunOf({ status: 'PUBLISHED', currentRunId: 'r1' })).toBeUndefined();
    expect(isDraftApplication({ status: 'DRAFT' })).toBe(true);
    expect(isDraftApplication({ status: 'WITHDRAWN' })).toBe(false);
    expect(hasBeenSubmitted({ status: 'SUBMITTED', receipt: {} })).toBe(true);
    expect(hasBeenSubmitted({ status: 'SUBMITTED' })).toBe(false);
    expect(isAwaitingDecision({ status: 'REQUESTED' })).toBe(true);
    expect(isAwaitingDecision({ status: 'GRANTED' })).toBe(false);
    expect(isAgreementEnded({ status: 'ENDED' })).toBe(true);
    expect(isAgreementActive({ status: 'DRAFT' })).toBe(false);
  });
});

describe('mandate-withdrawal', () => {
  const granted = { kind: 'BEGELEIDER_AMA' as const, status: 'GRANTED' as const, validFrom: '2024-01-01' };
  it('a withdrawn mandate counts up to the day before its withdrawal date', () => {
    const withdrawn = { ...granted, withdrawnOn: '2026-12-15' };
    expect(holdsValidMandate([withdrawn], 'BEGELEIDER_AMA', '2026-12-14')).toBe(true);
    expect(holdsValidMandate([withdrawn], 'BEGELEIDER_AMA', '2026-12-15')).toBe(false);
  });
  it('only a granted mandate, once, from its start or later', () => {
    expect(withdrawalViolations(granted, '2024-01-01')).toEqual([]);
    expect(withdrawalViolations(granted, '2023-12-31')).toEqual([expect.objectContaining({ path: 'withdrawnOn' })]);
    expect(withdrawalViolations({ ...granted, status: 'REQUESTED' }, '2025-01-01')[0]?.path).toBe('requestId');
    expect(withdrawalViolations({ ...granted, withdrawnOn: '2025-01-01' }, '2025-06-01')[0]?.message).toMatch(/already/);
  });
});

describe('withdrawing a samenwerkingsverband’s mandate', () => {
  const first = cooperationMandatePeriod('2025-01-01');
  const periods = [first, renewalPeriod([first])];
  it('ends the period running on the date the day before, drops later ones, and frees the werkingsgebied from then', () => {
    const result = withdrawCooperationMandate(periods, '2026-12-01', 'reden');
    expect(result).toEqual({ ok: true, periods: [{ ...first, withdrawnOn: '2026-12-01', withdrawalReason: 'reden' }] });
    if (!result.ok) return;
    expect(isCooperationMandatedOn(result.periods, '2026-11-30')).toBe(true);
    expect(isCooperationMandatedOn(result.periods, '2026-12-01')).toBe(false);
    expect(lastMandatedDay(result.periods)).toBe('2026-11-30');
    expect(lastMandatedDay(periods)).toBe('2034-12-31');
  });
  it('is refused outside every period, and twice', () => {
    expect(withdrawCooperationMandate(periods, '2024-12-31', 'r').ok).toBe(false);
    const once = withdrawCooperationMandate(periods, '2026-12-01', 'r');
    expect(once.ok && withdrawCooperationMandate(once.periods, '2026-12-02', 'r').ok).toBe(false);
  });
});

describe('objection-against-refusal', () => {
  it('a lead objects to not being selected or to ineligibility, never to being selected', () => {
    expect(mayObjectTo({ status: 'NOT_SELECTED' })).toBe(true);
    expect(mayObjectTo({ status: 'INELIGIBLE' })).toBe(true);
    expect(mayObjectTo({ status: 'SELECTED' })).toBe(false);
  });
});
