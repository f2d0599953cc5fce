import { brusselsDateOf } from './calendar.ts';
import { formatEnterpriseNumber } from './enterprise-number.ts';
import { authoritiesRecognisingOn, type Recognition } from './recognition.ts';
import type { RecognitionAuthority, Region } from './reference-data.ts';

/**
 * The machine-checked eligibility of an application to a call: every rule with passed/failed and a plain
 * explanation. Pure: the caller looks up the facilities and the lead's other applications.
 */
export type EligibilityRuleId =
  | 'lead-registered'
  | 'region-in-call'
  | 'partners-registered'
  | 'partners-distinct'
  | 'partners-confirmed'
  | 'required-recognition'
  | 'single-application-per-region'
  | 'criteria-answered';

export interface EligibilityRuleResult {
  rule: EligibilityRuleId;
  passed: boolean;
  explanation: string;
}

export interface EligibilityReport {
  eligible: boolean;
  /** The Brussels calendar date recognitions were checked on: the deadline's. */
  checkedOn: string;
  rules: EligibilityRuleResult[];
}

export type PartnerAnswer = 'CONFIRMED' | 'DECLINED';

/** The partners that confirmed their part: only they count for the network (rule `partners-confirmed`). */
export function confirmedPartners(
  application: EligibilityInput['application'],
): Array<{ enterpriseNumber: string; role: string }> {
  return application.partners.filter((p) => application.partnerAnswers?.[p.enterpriseNumber]?.answer === 'CONFIRMED');
}

/**
 * Rule `partners-confirmed`: every partner named has confirmed its part before the deadline. The
 * explanation names who has not answered and who declined.
 */
export function partnersConfirmed({ application }: EligibilityInput): EligibilityRuleResult {
  const answerOf = (en: string) => application.partnerAnswers?.[en]?.answer;
  const waiting = application.partners
    .filter((p) => answerOf(p.enterpriseNumber) === undefined)
    .map((p) => fmt(p.enterpriseNumber));
  const declined = application.partners
    .filter((p) => answerOf(p.enterpriseNumber) === 'DECLINED')
    .map((p) => fmt(p.enterpriseNumber));
  const passed = waiting.length === 0 && declined.length === 0;
  return {
    rule: 'partners-confirmed',
    passed,
    explanation: passed
      ? application.partners.length === 0
        ? 'The application lists no partners.'
        : `Every partner (${application.partners.length}) confirmed its part.`
      : [
          waiting.length > 0 ? `Not answered yet: ${waiting.join(', ')}.` : '',
          declined.length > 0 ? `Declined: ${declined.join(', ')} (remove it from the application).` : '',
          'A partner counts once it confirms its part.',
        ]
          .filter(Boolean)
          .join(' '),
  };
}

export interface RegisteredFacility {
  name: string;
  recognitions: readonly Recognition[];
}

export interface EligibilityInput {
  call: {
    regions: readonly Region[];
    submissionDeadline: string;
    criteria: ReadonlyArray<{ id: string; title: string }>;
    requiredPartnerRecognitions: readonly RecognitionAuthority[];
  };
  application: {
    applicationId: string;
    leadEnterpriseNumber: string;
    region: string;
    partners: ReadonlyArray<{ enterpriseNumber: string; role: string }>;
    proposal: { criteria: Readonly<Record<string, string>> };
    /** Each partner's answer to being named (rule `partners-confirmed`); none when nobody answered. */
    partnerAnswers?: Readonly<Record<string, { answer: PartnerAnswer }>> | undefined;
  };
  /** The registry entry of the lead and of every partner; absent ones are not registered. */
  registry: ReadonlyMap<string, RegisteredFacility>;
  /** Ids of the lead's other (not withdrawn) applications to this call for the same region. */
  otherApplicationsLedInRegion: readonly string[];
}

const fmt = formatEnterpriseNumber;

export function leadRegistered({ application, registry }: EligibilityInput): EligibilityRuleResult {
  const lead = registry.get(application.leadEnterpriseNumber);
  return {
    rule: 'lead-registered',
    passed: lead !== undefined,
    explanation: lead
      ? `The lead facility ${fmt(application.leadEnterpriseNumber)} (${lead.name}) is registered.`
      : `The lead facility ${fmt(application.leadEnterpriseNumber)} is not in the facility registry.`,
  };
}

export function regionInCall({ call, application }: EligibilityInput): EligibilityRuleResult {
  const passed = (call.regions as readonly string[]).includes(application.region);
  return {
    rule: 'region-in-call',
    passed,
    explanation: passed
      ? `Region ${application.region} is one of the call's regions.`
      : `Region ${application.region} is not covered by this call; it covers ${call.regions.join(', ')}.`,
  };
}

export function partnersRegistered({ application, registry }: EligibilityInput): EligibilityRuleResult {
  const missing = application.partners.filter((p) => !registry.has(p.enterpriseNumber)).map((p) => fmt(p.enterpriseNumber));
  return {
    rule: 'partners-registered',
    passed: missing.length === 0,
    explanation:
      missing.length === 0
        ? application.partners.length === 0
          ? 'The application lists no partners.'
          : application.partners.length === 1
            ? 'The partner is registered.'
            : `All ${application.partners.length} partners are registered.`
        : `Not in the facility registry: ${[...new Set(missing)].join(', ')}.`,
  };
}

export function partnersDistinct({ application }: EligibilityInput): EligibilityRuleResult {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const partner of application.partners) {
    if (seen.has(partner.enterpriseNumber)) duplicates.add(fmt(partner.enterpriseNumber));
    seen.add(partner.enterpriseNumber);
  }
  const leadListed = seen.has(application.leadEnterpriseNumber);
  const problems: string[] = [];
  if (duplicates.size > 0) problems.push(`listed more than once: ${[...duplicates].join(', ')}`);
  if (leadListed) problems.push(`the lead ${fmt(application.leadEnterpriseNumber)} is also listed as a partner`);
  return {
    rule: 'partners-distinct',
    passed: problems.length === 0,
    explanation:
      problems.length === 0
        ? 'Every partner is listed once and the lead is not listed as a partner.'
        : `Partners must be distinct: ${problems.join('; ')}.`,
  };
}

export function requiredRecognition(input: EligibilityInput): EligibilityRuleResult {
  const { call, application, registry } = input;
  const on = brusselsDateOf(new Date(call.submissionDeadline));
  // The lead, and the partners that confirmed their part (rule `partners-confirmed`).
  const members = [application.leadEnterpriseNumber, ...confirmedPartners(application).map((p) => p.enterpriseNumber)];
  const holders: string[] = [];
  for (const member of new Set(members)) {
    const facility = registry.get(member);
    if (!facility) continue;
    const authorities = authoritiesRecognisingOn(facility.recognitions, call.requiredPartnerRecognitions, on);
    if (authorities.length > 0) holders.push(`${fmt(member)} (${facility.name}) is recognised by ${authorities.join(' and ')}`);
  }
  const wanted = call.requiredPartnerRecognitions.join(' or ');
  return {
    rule: 'required-recognition',
    passed: holders.length > 0,
    explanation:
      holders.length > 0
        ? `A member holds a required recognition valid on the deadline date ${on}: ${holders.join('; ')}.`
        : `No member holds a recognition by ${wanted} valid on the deadline date ${on}; at least one member must.`,
  };
}

export function singleApplicationPerRegion({
  application,
  otherApplicationsLedInRegion,
}: EligibilityInput): EligibilityRuleResult {
  const passed = otherApplicationsLedInRegion.length === 0;
  return {
    rule: 'single-application-per-region',
    passed,
    explanation: passed
      ? `The lead leads no other application for region ${application.region} in this call.`
      : `The lead already leads another application for region ${application.region} in this call (${otherApplicationsLedInRegion.join(', ')}).`,
  };
}

export function criteriaAnswered({ call, application }: EligibilityInput): EligibilityRuleResult {
  const unanswered = call.criteria.filter((c) => (application.proposal.criteria[c.id] ?? '').trim().length === 0);
  const unknown = Object.keys(application.proposal.criteria).filter((id) => !call.criteria.some((c) => c.id === id));
  const problems: string[] = [];
  if (unanswered.length > 0) problems.push(`no approach given for ${unanswered.map((c) => `"${c.id}" (${c.title})`).join(', ')}`);
  if (unknown.length > 0) problems.push(`answers to criteria the call does not have: ${unknown.join(', ')}`);
  return {
    rule: 'criteria-answered',
    passed: problems.length === 0,
    explanation:
      problems.length === 0
        ? `Every award criterion (${call.criteria.length}) is answered.`
        : `Every award criterion must be answered: ${problems.join('; ')}.`,
  };
}

const RULES = [
  leadRegistered,
  regionInCall,
  partnersRegistered,
  partnersDistinct,
  partnersConfirmed,
  requiredRecognition,
  singleApplicationPerRegion,
  criteriaAnswered,
] as const;

export function checkEligibility(input: EligibilityInput): EligibilityReport {
  const rules = RULES.map((rule) => rule(input));
  return {
    eligible: rules.every((r) => r.passed),
    checkedOn: brusselsDateOf(new Date(input.call.submissionDeadline)),
    rules,
  };
}
