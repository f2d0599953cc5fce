import { addDays } from './trajectory-dates.ts';

/**
 * The expiring-trajectory notices: 60, 30 and 7 days before the planned end, and overdue (the planned end
 * has passed and the trajectory is not closed). Pure rules; the job and the store apply them.
 */
export const MILESTONES = ['D60', 'D30', 'D7', 'OVERDUE'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** The date a milestone is reached for a planned end date. */
export function milestoneDate(plannedEndDate: string, milestone: Milestone): string {
  switch (milestone) {
    case 'D60':
      return addDays(plannedEndDate, -60);
    case 'D30':
      return addDays(plannedEndDate, -30);
    case 'D7':
      return addDays(plannedEndDate, -7);
    case 'OVERDUE':
      return addDays(plannedEndDate, 1);
  }
}

/** Milestones are armed from `armedFrom` on: a milestone reached before it (e.g. before a plan change) is not sent. */
function armed(plannedEndDate: string, armedFrom: string): Milestone[] {
  return MILESTONES.filter((m) => milestoneDate(plannedEndDate, m) >= armedFrom);
}

/**
 * The one notice to send on `today`: the most urgent armed milestone reached, unless it or a more urgent
 * one was sent already. After days without a run this is still one notice, the most urgent.
 */
export function dueMilestone(input: {
  plannedEndDate: string;
  today: string;
  armedFrom: string;
  sent: readonly Milestone[];
}): Milestone | undefined {
  const reached = armed(input.plannedEndDate, input.armedFrom).filter(
    (m) => milestoneDate(input.plannedEndDate, m) <= input.today,
  );
  const mostUrgent = reached[reached.length - 1];
  if (!mostUrgent) return undefined;
  const urgency = MILESTONES.indexOf(mostUrgent);
  if (input.sent.some((s) => MILESTONES.indexOf(s) >= urgency)) return undefined;
  return mostUrgent;
}

/** The date the next notice falls due after those sent, or undefined when none is left (the sparse index drops it). */
export function nextNoticeDate(input: {
  plannedEndDate: string;
  armedFrom: string;
  sent: readonly Milestone[];
}): string | undefined {
  const mostUrgentSent = Math.max(-1, ...input.sent.map((s) => MILESTONES.indexOf(s)));
  const next = armed(input.plannedEndDate, input.armedFrom).find((m) => MILESTONES.indexOf(m) > mostUrgentSent);
  return next ? milestoneDate(input.plannedEndDate, next) : undefined;
}

/** Days before an AMA agreement's evaluation that the begeleider is reminded of it. */
export const EVALUATION_NOTICE_DAYS = 14;

/**
 * The evaluation reminder due on `today` for an AMA agreement: the earliest evaluation not yet announced whose
 * reminder day (14 days before) has come and which is not past. Only an ACTIVE agreement (signed by all three
 * parties, not ended) is reminded: a draft has no evaluations yet to hold. `passed` lists evaluations gone by
 * unannounced (after an outage, or while the agreement was not active): they are not announced any more, and
 * the job moves the index past them.
 */
export function dueEvaluation(input: {
  status: 'DRAFT' | 'ACTIVE' | 'ENDED';
  evaluationDates: readonly string[];
  sent: readonly string[];
  today: string;
}): { due: string | undefined; passed: string[] } {
  const open = [...input.evaluationDates].filter((d) => !input.sent.includes(d)).sort();
  const passed = open.filter((d) => d < input.today);
  const due =
    input.status === 'ACTIVE'
      ? open.find((d) => addDays(d, -EVALUATION_NOTICE_DAYS) <= input.today && d >= input.today)
      : undefined;
  return { due, passed };
}

/** The day the next evaluation reminder of an agreement falls due, or undefined when none is left (ended). */
export function nextEvaluationNoticeDate(input: {
  status: 'DRAFT' | 'ACTIVE' | 'ENDED';
  evaluationDates: readonly string[];
  sent: readonly string[];
}): string | undefined {
  if (input.status === 'ENDED') return undefined;
  const next = [...input.evaluationDates].sort().find((date) => !input.sent.includes(date));
  return next ? addDays(next, -EVALUATION_NOTICE_DAYS) : undefined;
}
