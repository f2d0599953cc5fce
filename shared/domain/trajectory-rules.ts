import { ageOn, birthdayOfAge } from './ama.ts';
import { isRecognitionValidOn, type Recognition } from './recognition.ts';
import {
  CLIENT_MINIMUM_AGE,
  EXTENSION_MAX_MONTHS,
  MANDATE_MINIMUM_ICF_STAFF,
  MANDATE_QUALIFYING_RECOGNITIONS,
  trajectoryRegimeOn,
} from './rules/parameters.ts';
import { requireValueOn } from './rules/dated.ts';
import { addDays, lastDayOfMonths } from './trajectory-dates.ts';
import type { Role } from './reference-data.ts';

/**
 * The rules of an activation trajectory's life under the rules in force (shared/domain/rules/registry.ts
 * has each one's source and period). Each returns the violations it finds, each naming its field and its
 * rule, so a refusal says which rule refused and where.
 */
export interface RuleFieldViolation {
  path: string;
  message: string;
  rule: string;
}

/**
 * Rules `trajectory-start-by-casemanager-zorg` (requests before 1 July 2023) and
 * `trajectory-start-decided-by-vdab` (from then): who records the start of a trajectory requested on
 * `requestDate`.
 */
export function whoStartsTrajectory(requestDate: string): {
  role: Extract<Role, 'casemanager-zorg' | 'casemanager-werk'>;
  rule: string;
} {
  return trajectoryRegimeOn(requestDate) === 'DECREE_2014'
    ? { role: 'casemanager-zorg', rule: 'trajectory-start-by-casemanager-zorg' }
    : { role: 'casemanager-werk', rule: 'trajectory-start-decided-by-vdab' };
}

/** Rule `client-minimum-age`: the client has reached the minimum age on the start date. */
export function clientAgeViolations(birthDate: string, startDate: string): RuleFieldViolation[] {
  const minimum = requireValueOn(CLIENT_MINIMUM_AGE, startDate);
  if (ageOn(birthDate, startDate) >= minimum) return [];
  return [
    {
      path: 'client.birthDate',
      rule: 'client-minimum-age',
      message: `The client must be at least ${minimum} on the start date; that is from ${birthdayOfAge(birthDate, minimum)}.`,
    },
  ];
}

/**
 * Rule `network-withdrawal`: no trajectory starts with a network on or after the day the department ended
 * it (what runs, runs on until it is reassigned); a withdrawal takes effect today or later.
 */
export function networkWithdrawalViolations(startDate: string, withdrawnOn: string | undefined): RuleFieldViolation[] {
  if (withdrawnOn === undefined || startDate < withdrawnOn) return [];
  return [
    {
      path: 'networkId',
      rule: 'network-withdrawal',
      message: `The department ended this network from ${withdrawnOn}; a trajectory starting on ${startDate} is started with another network.`,
    },
  ];
}

/** Rule `network-withdrawal`: the day it takes effect is not in the past. */
export function networkWithdrawalDateViolations(withdrawnOn: string, today: string): RuleFieldViolation[] {
  return withdrawnOn >= today
    ? []
    : [{ path: 'withdrawnOn', rule: 'network-withdrawal', message: `A network is ended from today (${today}) or a later day.` }];
}

/** Rule `start-after-network-appointment`: a trajectory starts on or after the day its network was appointed. */
export function startAfterAppointmentViolations(startDate: string, appointedOn: string): RuleFieldViolation[] {
  if (startDate >= appointedOn) return [];
  return [
    {
      path: 'startDate',
      rule: 'start-after-network-appointment',
      message: `The network was appointed on ${appointedOn}; a trajectory with it starts on or after that day.`,
    },
  ];
}

/**
 * Rule `trajectory-end-date`: a trajectory closes on a day between its start and its maximum end, and not
 * in the future (a closing records what happened).
 */
export function endDateViolations(input: {
  startDate: string;
  maxEndDate: string;
  endDate: string;
  today: string;
}): RuleFieldViolation[] {
  const { startDate, maxEndDate, endDate, today } = input;
  const rule = 'trajectory-end-date';
  if (endDate < startDate) return [{ path: 'endDate', rule, message: `The end date cannot be before the start (${startDate}).` }];
  if (endDate > maxEndDate) {
    return [{ path: 'endDate', rule, message: `The end date cannot be after the maximum end (${maxEndDate}).` }];
  }
  if (endDate > today) return [{ path: 'endDate', rule, message: `The end date cannot be in the future (today is ${today}).` }];
  return [];
}

/**
 * Rule `trajectory-extension`: an extension (exceptional, with its reason) moves the maximum end later, by
 * at most the longest extension one request may ask (`EXTENSION_MAX_MONTHS` in force on the request date).
 */
export function extensionViolations(input: {
  requestedEnd: string;
  currentMaxEnd: string;
  requestDate: string;
}): RuleFieldViolation[] {
  const { requestedEnd, currentMaxEnd, requestDate } = input;
  const rule = 'trajectory-extension';
  if (requestedEnd <= currentMaxEnd) {
    return [
      {
        path: 'plannedEndDate',
        rule,
        message: `An extension goes beyond maxEndDate (${currentMaxEnd}); within it, change the plan instead.`,
      },
    ];
  }
  const months = requireValueOn(EXTENSION_MAX_MONTHS, requestDate);
  const furthest = lastDayOfMonths(addDays(currentMaxEnd, 1), months);
  if (requestedEnd > furthest) {
    return [
      {
        path: 'plannedEndDate',
        rule,
        message: `One extension goes at most ${months} months beyond maxEndDate (${currentMaxEnd}): up to ${furthest}.`,
      },
    ];
  }
  return [];
}

/**
 * Rule `mandate-conditions`: a care facility qualifies as (part of) the casemanager Zorg when it has staff
 * trained in ICF and holds, on the date, a recognition that qualifies (`MANDATE_QUALIFYING_RECOGNITIONS`).
 */
export function mandateConditionViolations(input: {
  icfTrainedStaff: number;
  recognitions: readonly Recognition[];
  date: string;
  path?: string;
}): RuleFieldViolation[] {
  const rule = 'mandate-conditions';
  const prefix = input.path ? `${input.path}.` : '';
  const violations: RuleFieldViolation[] = [];
  const minimum = requireValueOn(MANDATE_MINIMUM_ICF_STAFF, input.date);
  if (input.icfTrainedStaff < minimum) {
    violations.push({
      path: `${prefix}icfTrainedStaff`,
      rule,
      message: `At least ${minimum} staff member(s) trained in ICF are needed.`,
    });
  }
  const qualifying = requireValueOn(MANDATE_QUALIFYING_RECOGNITIONS, input.date);
  if (!input.recognitions.some((r) => qualifying.includes(r.authority) && isRecognitionValidOn(r, input.date))) {
    violations.push({
      path: `${prefix}recognitions`,
      rule,
      message: `A recognition by ${qualifying.join(', ')} valid on ${input.date} is needed.`,
    });
  }
  return violations;
}

/** Rule `network-in-werkingsgebied`: the trajectory's network works in the trajectory's werkingsgebied. */
export function networkWerkingsgebiedViolations(networkRegion: string, werkingsgebied: string): RuleFieldViolation[] {
  if (networkRegion === werkingsgebied) return [];
  return [
    {
      path: 'networkId',
      rule: 'network-in-werkingsgebied',
      message: `The network works in ${networkRegion}, not in ${werkingsgebied}.`,
    },
  ];
}

/** Rule `plan-providers-in-network`: every action of the plan is carried out by a member of the network. */
export function providerViolations(
  members: ReadonlySet<string>,
  lists: Readonly<Record<string, ReadonlyArray<{ providerEnterpriseNumber: string }> | undefined>>,
): RuleFieldViolation[] {
  const violations: RuleFieldViolation[] = [];
  for (const [name, actions] of Object.entries(lists)) {
    (actions ?? []).forEach((action, i) => {
      if (!members.has(action.providerEnterpriseNumber)) {
        violations.push({
          path: `${name}[${i}].providerEnterpriseNumber`,
          rule: 'plan-providers-in-network',
          message: 'The provider must be a member of the network.',
        });
      }
    });
  }
  return violations;
}

/** Rule `casemanager-werk-known`: a casemanager Werk is known once the system holds a start they recorded. */
export function isKnownCasemanagerWerk(record: { userId: string } | undefined): boolean {
  return record !== undefined;
}
