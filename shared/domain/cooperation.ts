import { COOPERATION_MANDATE_YEARS, COOPERATION_MINIMUM_MEMBERS } from './rules/parameters.ts';
import { requireValueOn } from './rules/dated.ts';
import { addDays, lastDayOfMonths } from './trajectory-dates.ts';
import type { RuleFieldViolation } from './trajectory-rules.ts';

/**
 * The samenwerkingsverband Zorg: a cooperation of care facilities that the department mandates for a
 * werkingsgebied to provide its casemanagers Zorg (decree of 8 July 2022, art. 2, 6°, and art. 12 §1),
 * for five years at a time; with VDAB's casemanagers Werk of that werkingsgebied they form the
 * casemanagementteam.
 */
export interface MandatePeriod {
  validFrom: string;
  validUntil: string;
  /** A withdrawn period stops counting from this date (Europe/Brussels). */
  withdrawnOn?: string;
  withdrawalReason?: string;
}

/** Rule `cooperation-mandate-period`: a mandate runs five years (`COOPERATION_MANDATE_YEARS`) from its start. */
export function cooperationMandatePeriod(validFrom: string): MandatePeriod {
  const years = requireValueOn(COOPERATION_MANDATE_YEARS, validFrom);
  return { validFrom, validUntil: lastDayOfMonths(validFrom, years * 12) };
}

/** Whether one of the cooperation's mandate periods is in force on `date`. */
export function isCooperationMandatedOn(periods: readonly MandatePeriod[], date: string): boolean {
  return periods.some(
    (p) => p.validFrom <= date && date <= p.validUntil && (p.withdrawnOn === undefined || date < p.withdrawnOn),
  );
}

/** A renewal is the next five-year period: it starts the day after the last one ends (no gap, no overlap). */
export function renewalPeriod(periods: readonly MandatePeriod[]): MandatePeriod {
  const last = periods.at(-1);
  if (!last) throw new RangeError('a cooperation always has a first mandate period');
  return cooperationMandatePeriod(addDays(last.validUntil, 1));
}

/**
 * Rule `cooperation-composition`: at least `COOPERATION_MINIMUM_MEMBERS` distinct care facilities, the
 * lead (penhouder) among them.
 */
export function cooperationCompositionViolations(input: {
  members: readonly string[];
  lead: string;
  date: string;
}): RuleFieldViolation[] {
  const rule = 'cooperation-composition';
  const violations: RuleFieldViolation[] = [];
  const minimum = requireValueOn(COOPERATION_MINIMUM_MEMBERS, input.date);
  const distinct = new Set(input.members);
  if (distinct.size !== input.members.length) {
    violations.push({ path: 'members', rule, message: 'A facility is listed twice among the members.' });
  }
  if (distinct.size < minimum) {
    violations.push({ path: 'members', rule, message: `A samenwerkingsverband Zorg has at least ${minimum} care facilities.` });
  }
  if (!distinct.has(input.lead)) {
    violations.push({ path: 'leadEnterpriseNumber', rule, message: 'The lead is one of the members.' });
  }
  return violations;
}

/**
 * Rule `casemanager-zorg-of-cooperation`: under the 2022 decree a trajectory's casemanager Zorg works for a
 * member facility of the samenwerkingsverband Zorg mandated, on the date, for the trajectory's werkingsgebied.
 */
export function casemanagerZorgViolations(input: {
  cooperation: { members: ReadonlyArray<{ enterpriseNumber: string }>; mandates: readonly MandatePeriod[] } | undefined;
  enterpriseNumber: string;
  date: string;
  path: string;
}): RuleFieldViolation[] {
  const rule = 'casemanager-zorg-of-cooperation';
  const { cooperation, date } = input;
  if (!cooperation || !isCooperationMandatedOn(cooperation.mandates, date)) {
    return [{ path: input.path, rule, message: `No samenwerkingsverband Zorg is mandated for this werkingsgebied on ${date}.` }];
  }
  if (!cooperation.members.some((m) => m.enterpriseNumber === input.enterpriseNumber)) {
    return [
      {
        path: `${input.path}.enterpriseNumber`,
        rule,
        message: 'The casemanager Zorg works for a member facility of the samenwerkingsverband Zorg of this werkingsgebied.',
      },
    ];
  }
  return [];
}

/**
 * Rule `mandate-withdrawal` for a samenwerkingsverband: the department withdraws its mandate from a date
 * within a period not yet withdrawn; that period ends the day before, later periods (renewals) fall away.
 * Returns the periods after the withdrawal, or why it cannot be.
 */
export function withdrawCooperationMandate(
  periods: readonly MandatePeriod[],
  withdrawnOn: string,
  reason: string,
): { ok: true; periods: MandatePeriod[] } | { ok: false; message: string } {
  const index = periods.findIndex((p) => p.validFrom <= withdrawnOn && withdrawnOn <= p.validUntil && p.withdrawnOn === undefined);
  if (index < 0) return { ok: false, message: `No mandate period runs on ${withdrawnOn} that is not withdrawn already.` };
  return {
    ok: true,
    periods: [...periods.slice(0, index), { ...periods[index]!, withdrawnOn, withdrawalReason: reason }],
  };
}

/** The last day the samenwerkingsverband counts as mandated (the werkingsgebied is free for another after it). */
export function lastMandatedDay(periods: readonly MandatePeriod[]): string | undefined {
  const last = periods.at(-1);
  if (!last) return undefined;
  return last.withdrawnOn ? addDays(last.withdrawnOn, -1) : last.validUntil;
}
