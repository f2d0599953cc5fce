/**
 * The life of an application. Before the deadline a lead moves it between DRAFT, SUBMITTED and
 * WITHDRAWN; the selection sets the outcome.
 */
export type ApplicationStatus = 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN' | 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
export type LeadAction = 'submit' | 'reopen' | 'withdraw';

const TRANSITIONS: Record<LeadAction, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  submit: { DRAFT: 'SUBMITTED' },
  reopen: { SUBMITTED: 'DRAFT', WITHDRAWN: 'DRAFT' },
  withdraw: { DRAFT: 'WITHDRAWN', SUBMITTED: 'WITHDRAWN' },
};

/** The status after `action`, or undefined when the action is not allowed from `status`. */
export function nextStatus(status: ApplicationStatus, action: LeadAction): ApplicationStatus | undefined {
  return TRANSITIONS[action][status];
}

/** A lead changes only a draft (rule `status-transitions`). */
export function isDraftApplication(application: { status: ApplicationStatus }): boolean {
  return application.status === 'DRAFT';
}

/** Submitted, with its receipt: a retried submit gets that receipt back. */
export function hasBeenSubmitted(application: { status: ApplicationStatus; receipt?: unknown }): boolean {
  return application.status === 'SUBMITTED' && application.receipt !== undefined;
}

/** The statuses `action` is allowed from, for error messages. */
export function allowedFrom(action: LeadAction): ApplicationStatus[] {
  return Object.keys(TRANSITIONS[action]) as ApplicationStatus[];
}

/** A partner answers for an application that its lead has not withdrawn (rule `partners-confirmed`). */
export function isWithdrawnApplication(application: { status: ApplicationStatus }): boolean {
  return application.status === 'WITHDRAWN';
}
