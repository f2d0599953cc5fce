import type { AwardCriterion } from './call-rules.ts';
import { ruleById } from './rules/registry.ts';

/**
 * Network selection: scores, ranking per region and the outcome of every evaluated application.
 * Pure and deterministic: the same inputs in any order give the same decision.
 *
 * - Per criterion the mean over reviewers; the score is the weighted mean of (mean / maxScore),
 *   normalized to 0–100 and rounded to 4 decimals (ranking uses the rounded values, so equal scores tie).
 * - An application under a criterion's `minScore` (its mean) is not selectable.
 * - Per region the selectable applications are ranked by score (high first); ties by the mean on the
 *   highest-weight criterion (the first such in the call when several share the highest weight), then by
 *   earlier `submittedAt`, then by application id. The best `maxNetworksPerRegion` are selected.
 */
export type Outcome = 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';

export interface ApplicationToEvaluate {
  applicationId: string;
  region: string;
  submittedAt: string;
  eligible: boolean;
  /** Explanations of the eligibility rules that failed. */
  failedRules: string[];
  /** Their rule ids (shared/domain/rules/registry.ts), for the reasons in Dutch. */
  failedRuleIds?: string[];
  reviews: ReadonlyArray<{ scores: Readonly<Record<string, number>> }>;
}

export interface Evaluation {
  applicationId: string;
  region: string;
  submittedAt: string;
  eligible: boolean;
  score: number;
  means: Record<string, number>;
  selectable: boolean;
  /** Why it is not selectable (ineligible rules, scores under a minimum). */
  reasons: string[];
  /** The same reasons in Dutch, for the facility's email. */
  reasonsNl: string[];
}

export interface DecisionLine {
  applicationId: string;
  score: number;
  rank: number | null;
  outcome: Outcome;
  reasons: string[];
  /** The same reasons in Dutch (lines written before it was kept have none). */
  reasonsNl?: string[];
}

export interface RegionDecision {
  region: string;
  applications: DecisionLine[];
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export function criterionMeans(
  criteria: readonly AwardCriterion[],
  reviews: ApplicationToEvaluate['reviews'],
): Record<string, number> {
  const means: Record<string, number> = {};
  for (const criterion of criteria) {
    const scores = reviews.map((r) => r.scores[criterion.id]).filter((s): s is number => typeof s === 'number');
    means[criterion.id] = scores.length === 0 ? 0 : round4(scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return means;
}

export function weightedScore(criteria: readonly AwardCriterion[], means: Readonly<Record<string, number>>): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return 0;
  const weighted = criteria.reduce((sum, c) => sum + c.weight * ((means[c.id] ?? 0) / c.maxScore), 0);
  return round4((weighted / totalWeight) * 100);
}

export function evaluateApplication(criteria: readonly AwardCriterion[], input: ApplicationToEvaluate): Evaluation {
  const means = criterionMeans(criteria, input.reviews);
  const score = input.eligible ? weightedScore(criteria, means) : 0;
  const reasons: string[] = [];
  const reasonsNl: string[] = [];
  if (!input.eligible) {
    reasons.push(...input.failedRules);
    reasonsNl.push(
      ...(input.failedRuleIds ?? []).map((id) => `Niet ontvankelijk: niet voldaan aan de regel "${ruleById(id)?.title.nl ?? id}".`),
    );
  } else {
    for (const criterion of criteria) {
      const mean = means[criterion.id] ?? 0;
      if (criterion.minScore !== undefined && mean < criterion.minScore) {
        reasons.push(
          `Scored ${mean} on "${criterion.title}" (${criterion.id}), under its minimum of ${criterion.minScore}: not selectable.`,
        );
        reasonsNl.push(
          `Score ${dutchNumber(mean)} op "${criterion.title}", onder het minimum van ${dutchNumber(criterion.minScore)}: niet selecteerbaar.`,
        );
      }
    }
  }
  return {
    applicationId: input.applicationId,
    region: input.region,
    submittedAt: input.submittedAt,
    eligible: input.eligible,
    score,
    means,
    selectable: input.eligible && reasons.length === 0,
    reasons,
    reasonsNl,
  };
}

/** The criterion whose mean breaks a tie on score: the highest weight, first in the call's order. */
export function tieBreakCriterion(criteria: readonly AwardCriterion[]): AwardCriterion | undefined {
  return criteria.reduce<AwardCriterion | undefined>(
    (best, c) => (best === undefined || c.weight > best.weight ? c : best),
    undefined,
  );
}

export function compareForRanking(criteria: readonly AwardCriterion[]): (a: Evaluation, b: Evaluation) => number {
  const tieBreak = tieBreakCriterion(criteria);
  return (a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    if (tieBreak) {
      const am = a.means[tieBreak.id] ?? 0;
      const bm = b.means[tieBreak.id] ?? 0;
      if (am !== bm) return bm - am;
    }
    if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  };
}

function tieNote(criteria: readonly AwardCriterion[], a: Evaluation, b: Evaluation): { en: string; nl: string } | undefined {
  if (a.score !== b.score) return undefined;
  const tieBreak = tieBreakCriterion(criteria);
  if (tieBreak && a.means[tieBreak.id] !== b.means[tieBreak.id]) {
    return {
      en: `tied on score with ${b.applicationId}; decided by the score on "${tieBreak.title}", the highest-weight criterion`,
      nl: `gelijke score met aanvraag ${b.applicationId}; beslist door de score op "${tieBreak.title}", het criterium met het hoogste gewicht`,
    };
  }
  if (a.submittedAt !== b.submittedAt)
    return {
      en: `tied on score and on "${tieBreak?.title}" with ${b.applicationId}; decided by the earlier submission`,
      nl: `gelijke score, ook op "${tieBreak?.title}", met aanvraag ${b.applicationId}; beslist door de vroegste indiening`,
    };
  return {
    en: `tied on score, on "${tieBreak?.title}" and on submission time with ${b.applicationId}; decided by application id`,
    nl: `gelijke score, ook op "${tieBreak?.title}" en op het tijdstip van indiening, met aanvraag ${b.applicationId}; beslist door het nummer van de aanvraag`,
  };
}

/** 3.5 → "3,5": numbers in Dutch text. */
function dutchNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Ranks one region and sets every application's outcome, with the reasons a facility may ask for. */
export function rankRegion(
  criteria: readonly AwardCriterion[],
  maxNetworks: number,
  evaluations: readonly Evaluation[],
): DecisionLine[] {
  const compare = compareForRanking(criteria);
  const ranked = evaluations.filter((e) => e.selectable).sort(compare);
  const lines: DecisionLine[] = ranked.map((evaluation, i) => {
    const rank = i + 1;
    const selected = rank <= maxNetworks;
    const neighbour = selected ? ranked[maxNetworks] : ranked[maxNetworks - 1];
    const note = neighbour && neighbour !== evaluation ? tieNote(criteria, evaluation, neighbour) : undefined;
    const reason = selected
      ? `Ranked ${rank} of ${ranked.length} selectable applications in the region with a score of ${evaluation.score}; up to ${maxNetworks} are selected.`
      : `Ranked ${rank} of ${ranked.length} selectable applications in the region with a score of ${evaluation.score}; only the best ${maxNetworks} are selected.`;
    const reasonNl =
      `Gerangschikt als ${rank} van ${ranked.length} selecteerbare aanvragen in de regio, met een score van ${dutchNumber(evaluation.score)}; ` +
      (selected ? `er worden er tot ${maxNetworks} geselecteerd.` : `enkel de beste ${maxNetworks} worden geselecteerd.`);
    return {
      applicationId: evaluation.applicationId,
      score: evaluation.score,
      rank,
      outcome: selected ? 'SELECTED' : 'NOT_SELECTED',
      reasons: note ? [reason, `At the boundary: ${note.en}.`] : [reason],
      reasonsNl: note ? [reasonNl, `Op de grens: ${note.nl}.`] : [reasonNl],
    };
  });
  const rest = evaluations
    .filter((e) => !e.selectable)
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1))
    .map<DecisionLine>((e) => ({
      applicationId: e.applicationId,
      score: e.score,
      rank: null,
      outcome: e.eligible ? 'NOT_SELECTED' : 'INELIGIBLE',
      reasons: e.reasons,
      reasonsNl: e.reasonsNl,
    }));
  return [...lines, ...rest];
}

/**
 * The decision for a call: every region of the call (also those without applications), in the call's
 * order; an application for a region outside the call (ineligible) is listed under its own region after them.
 */
export function decide(
  call: { regions: readonly string[]; criteria: readonly AwardCriterion[]; maxNetworksPerRegion: number },
  evaluations: readonly Evaluation[],
): RegionDecision[] {
  const outside = [...new Set(evaluations.map((e) => e.region).filter((r) => !call.regions.includes(r)))].sort();
  return [...call.regions, ...outside].map((region) => ({
    region,
    applications: rankRegion(
      call.criteria,
      call.maxNetworksPerRegion,
      evaluations.filter((e) => e.region === region),
    ),
  }));
}
