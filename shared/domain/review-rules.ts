import type { AwardCriterion } from './call-rules.ts';
import type { RuleViolation } from './call-rules.ts';

/** A review scores every criterion of the call, each within 0..maxScore, and nothing else. */
export function reviewScoreViolations(
  criteria: readonly AwardCriterion[],
  scores: Readonly<Record<string, number>>,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const criterion of criteria) {
    const score = scores[criterion.id];
    if (score === undefined) {
      violations.push({ path: `scores.${criterion.id}`, message: `A score for "${criterion.title}" is required.` });
    } else if (score < 0 || score > criterion.maxScore) {
      violations.push({ path: `scores.${criterion.id}`, message: `Must be between 0 and ${criterion.maxScore}.` });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!criteria.some((c) => c.id === id))
      violations.push({ path: `scores.${id}`, message: 'The call has no criterion with this id.' });
  }
  return violations;
}
