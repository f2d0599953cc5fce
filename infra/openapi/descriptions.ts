/**
 * The reference's prose, applied to the generated OpenAPI document at build time (infra/openapi/document.ts):
 * tags, and a description for each component schema and each of its properties, keyed by component name and
 * property path (`partners.role`: the `role` of each item of `partners`). Kept out of the zod schemas so that
 * the text is not in any function's bundle (they parse with the schemas at every cold start) and so that
 * moving a schema between modules does not touch it. A description on the schema itself (`withMeta`) wins.
 *
 * A property without an entry of its own takes the one of PROPERTY_DOCS for its name, where one name means
 * the same everywhere. A test checks that every component and property of the document has a description
 * and that no entry here names a component or property the document does not have.
 */

export interface ComponentDoc {
  description: string;
  /** By property path inside the component, array items and map values transparent (`rules.passed`). */
  properties?: Record<string, string>;
}

export const TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'System', description: 'Liveness, this document, and the pages the `type` of every problem document resolves to.' },
  {
    name: 'Facilities',
    description:
      'Care and welfare facilities (voorzieningen) by enterprise number, their recognitions (erkenningen) by sector authorities, and their subscriptions to calls.',
  },
  {
    name: 'Calls',
    description:
      'Calls for networks (oproepen): regions, award criteria, the submission deadline, publishing and the calls report.',
  },
  {
    name: 'Applications',
    description:
      'Applications of a lead facility (penhouder) and its partners to a call: drafts, partner confirmations, the eligibility report, submission with a signed receipt, reopening and withdrawal.',
  },
  {
    name: 'Reviews',
    description: "The department's reviews of submitted applications, after a declaration of no conflict of interest.",
  },
  {
    name: 'Selection',
    description:
      'The network selection (a Step Functions workflow), its decision per region, objections to outcomes and re-decisions.',
  },
  {
    name: 'Networks',
    description: 'The networks appointed per region, by a selection or registered by hand, and their withdrawal.',
  },
  {
    name: 'Mandates',
    description:
      'Requests of facilities for a mandate or recognition (casemanager Zorg under the 2014 rules, begeleider AMA), decisions and withdrawals.',
  },
  {
    name: 'Cooperations',
    description:
      'The samenwerkingsverbanden Zorg: cooperations of care facilities mandated per werkingsgebied for five years to provide the casemanagers Zorg.',
  },
  {
    name: 'Trajectories',
    description:
      'Activation trajectories (3 to 18 months) of job seekers with a CMPPS problem, followed by a casemanager Zorg and a casemanager Werk: start, plan, extension, closing, reassignment, audit trail, the report, and networks registered by hand.',
  },
  {
    name: 'AMA',
    description:
      'Arbeidsmatige activiteiten: werkposten of a recognised begeleider AMA, and the three-party agreement with its PDF, signatures and submission.',
  },
  {
    name: 'Rules',
    description:
      'The rules in force with their legal sources and parameters, the processing register, and data subjects’ requests.',
  },
  { name: 'Department', description: 'What waits for the department, one kind at a time, oldest first.' },
];

/** Property names that mean the same in every component that has them. */
export const PROPERTY_DOCS: Record<string, string> = {
  enterpriseNumber: 'Enterprise number (KBO/BCE) of the facility, 10 digits.',
  enterpriseNumberFormatted: 'The enterprise number written 0123.456.749.',
  leadEnterpriseNumber: 'Enterprise number of the lead facility (penhouder).',
  begeleiderEnterpriseNumber: 'Enterprise number of the facility recognised as begeleider AMA.',
  providerEnterpriseNumber: 'Enterprise number of the facility that provides the action (a member of the network).',
  organisationEnterpriseNumber: 'Enterprise number of the organisation where the werkpost is, when it has one.',
  createdAt: 'When it was created.',
  createdBy: 'User id (`sub`) of who created it.',
  updatedAt: 'When it last changed.',
  updatedBy: 'User id (`sub`) of who changed it last.',
  items: 'The items of this page (or of the whole list).',
  nextCursor: 'Pass as `cursor` for the next page; absent on the last page.',
  applicationId: 'Id of the application.',
  callId: 'Id of the call.',
  networkId: 'Id of the network.',
  trajectoryId: 'Id of the trajectory.',
  agreementId: 'Id of the AMA agreement.',
  werkpostId: 'Id of the werkpost.',
  requestId: 'Id of the request.',
  recognitionId: 'Id of the recognition.',
  cooperationId: 'Id of the samenwerkingsverband Zorg.',
  executionId: 'Id of the selection run (the Step Functions execution name).',
  trackingNumber: 'The tracking number of the application, quoted in emails and receipts.',
  region: 'Region (labour-market region, also used as werkingsgebied).',
  regions: 'Regions.',
  werkingsgebied: 'The werkingsgebied (our codes: the regions).',
  email: 'Email address.',
  phone: 'Telephone number.',
  reference: 'A reference of your own.',
  startDate: 'Start date (Brussels calendar date).',
  endDate: 'End date (Brussels calendar date).',
  plannedEndDate: 'The planned end date.',
  minEndDate: 'The earliest end date the duration rules allow (3 months after the start).',
  maxEndDate: 'The latest end date without an extension (18 months after the start, or later after granted extensions).',
  decidedAt: 'When it was decided.',
  decidedBy: 'User id (`sub`) of who decided.',
  requestedAt: 'When it was asked.',
  requestedBy: 'Who asked.',
  submittedAt: 'When it was submitted.',
  submittedBy: 'User id (`sub`) of who submitted it.',
  answeredAt: 'When it was answered.',
  lodgedAt: 'When it was lodged.',
  lodgedBy: 'User id (`sub`) of who lodged it.',
  declaredAt: 'When the reviewer declared no conflict of interest.',
  appointedAt: 'When the network was appointed.',
  withdrawnAt: 'When it was withdrawn.',
  withdrawnBy: 'User id (`sub`) of who withdrew it.',
  withdrawalReason: 'Why it was withdrawn.',
  startedAt: 'When it started.',
  finishedAt: 'When it finished.',
  notifiedAt: 'When the lead was emailed the outcome (objections count from it).',
  motivation: 'The motivation, in words.',
  grounds: 'The grounds of the objection.',
  comment: 'A comment.',
  summary: 'A short summary of the proposal.',
  criteria: 'Per award criterion id, the text answering it.',
  scores: 'Per award criterion id, the score (0 to its maxScore).',
  score: 'Weighted total score.',
  rank: 'Rank in its region (1 is best).',
  reasons: 'Why, in words: each rule or tie-break that decided it.',
  maxNetworksPerRegion: 'How many networks are selected per region at most.',
  requiredPartnerRecognitions: 'The recognitions of which the network must hold at least one, valid on the deadline date.',
  minReviewsPerApplication: 'Reviews each submitted application needs before the selection starts.',
  submissionDeadline: 'The submission deadline, in Brussels time with its offset.',
  submissionDeadlineUtc: 'The same deadline in UTC.',
  weight: 'Weight of the criterion in the total score.',
  maxScore: 'Highest score a reviewer can give.',
  icfTrainedStaff: 'Staff trained in ICF (International Classification of Functioning).',
  qualifiedStaff: 'Qualified staff for guiding AMA.',
  liabilityInsurance: 'Civil liability insurance of the facility.',
  insurer: 'The insurance company.',
  policyReference: 'The policy number.',
  mayBindOrganisation: 'Whether this person may bind the organisation.',
  members: 'The member facilities.',
  partners: 'The partner facilities, each with its role in the network.',
  proposal: 'The proposal: a summary and an answer per award criterion.',
  history: 'Every state change, oldest first.',
  recognitions: 'Its recognitions, withdrawn ones included.',
  careActions: 'Care and welfare actions of the plan.',
  workActions: 'Work actions of the plan.',
  plannedStart: 'Planned start of the action.',
  plannedEnd: 'Planned end of the action.',
  casemanagerWerk: 'The casemanager Werk (VDAB).',
  casemanagerZorg: 'The casemanager Zorg.',
  client: 'The client (job seeker), by a reference only.',
  birthDate: 'Date of birth.',
  activities: 'What the participant does there.',
  places: 'How many agreements may run at the werkpost at once.',
  freePlaces: 'Places not taken by a running agreement.',
  address: 'Address of the werkpost.',
  street: 'Street and number.',
  postcode: 'Belgian postcode.',
  municipality: 'Municipality.',
  participant: 'The participant, by a reference and date of birth; the identity is sealed apart.',
  weeklySchedule: 'When the participant is at the werkpost, per weekday.',
  day: 'Weekday: MA, DI, WO, DO, VR, ZA or ZO.',
  evaluationDates: 'Planned evaluation dates.',
  insurance: 'The insurance that covers the participant.',
  guidance: 'How the begeleider guides the participant.',
  endingConditions: 'How the agreement can be ended.',
  werkpostbegeleider: 'The person who guides the participant at the werkpost.',
  participantStatus: 'On what basis the participant takes part.',
  permission: 'The basis of participation.',
  signatures: 'Signatures given, one per party.',
  party: 'Signing party: PARTICIPANT, BEGELEIDER or WERKPOST.',
  signerName: 'Name of who signed for the party.',
  scanSha256: 'SHA-256 of the scanned signed page.',
  electronicReference: 'Reference of the electronic signature.',
  signedCopySha256: 'SHA-256 of the complete signed copy.',
  recognitionRequestId: 'The recognition (as begeleider AMA) the agreement was submitted under.',
  returnReason: 'Why the department returned the submission.',
  endReason: 'Why it ended.',
  notice: 'A notice about the agreement to act on.',
  nationalRegisterNumber: 'National register number (rijksregisternummer), 11 digits.',
  signedBy: 'The parties that have signed.',
  submissionStatus: 'Where its submission to the department stands.',
  contentHash: 'SHA-256 of the canonical JSON of what was submitted.',
  signature: 'HMAC-SHA256 over application id, tracking number, submittedAt and contentHash.',
  eligible: 'Whether every eligibility rule passed.',
  passed: 'Whether the rule passed.',
  explanation: 'What the rule found, in words.',
  dryRun: 'A dry run decides nothing and changes nothing.',
  granted: 'Granted (true) or refused (false).',
  accepted: 'Accepted (true) or returned (false).',
  asOf: 'When the summary was made.',
  kinds: 'Per kind of work.',
  count: 'How many wait.',
  oldestSince: 'Since when the oldest waits.',
  nl: 'In Dutch.',
  en: 'In English.',
  source: 'The legal source.',
  value: 'The value on the date asked for.',
  subKind: 'A finer kind of the item.',
  month: 'Calendar month, YYYY-MM.',
  started: 'Trajectories started.',
  ended: 'Trajectories ended.',
  active: 'Active trajectories.',
  total: 'How many in all.',
  median: 'Median, in days.',
  q1: 'First quartile, in days.',
  q3: 'Third quartile, in days.',
  filter: 'The filters the report was made with.',
  byStatus: 'Counts by status.',
  byOutcome: 'Counts by outcome.',
  byNetwork: 'Counts per network.',
  perMonth: 'Starts and ends per month.',
  totals: 'The counts of the call over all its regions.',
  drafts: 'Applications still DRAFT.',
  submitted: 'Applications submitted.',
  withdrawn: 'Applications withdrawn.',
  ineligible: 'Applications found not eligible.',
  notSelected: 'Eligible applications not selected.',
  objections: 'Objections lodged.',
  objectionsUpheld: 'Objections upheld.',
  allRegions: 'Subscribed for every region, now and later.',
  detail: 'What happened in this case, in words.',
  errors: 'One entry per offending field.',
  slug: 'The last segment of the type.',
  meaning: 'What the problem means.',
  whatToDo: 'What to do about it.',
  content: 'What was submitted.',
  evaluatedVersion: 'The submitted version the selection evaluated.',
  answer: 'CONFIRMED or DECLINED.',
  reviewer: 'User id (`sub`) of the reviewer.',
  redecidedBy: 'The re-decision that acted on this upheld objection.',
  trajectoriesToReassign: 'Trajectories still running that need another network or casemanager.',
  trajectoriesFound: 'How many trajectories the client reference matched.',
  auditTrail: 'Every read and change of the trajectory, oldest first.',
  trajectory: 'The trajectory as stored.',
  erasedOn: 'The day its client data were erased.',
  kind: 'The kind.',
  subject: 'Whose data these are.',
  storedIn: 'Where it is stored (entity and key).',
  readers: 'Who may read it.',
  purpose: 'Why it is processed.',
  legalBasis: 'The legal basis of the processing.',
  retention: 'How long it is kept, and what happens at the end.',
  atTheEnd: 'What happens when the retention ends.',
  confirmedByCasemanagerZorg: 'The casemanager Zorg confirmed the plan as it is (who, when).',
  confirmedByCasemanagerWerk: 'The casemanager Werk confirmed the plan as it is (who, when).',
  calls: 'One entry per call.',
  version: 'The version (ETag value) of the record.',
  decision: 'The decision.',
};

/** Properties of schemas written inline in a route (not components), by operationId and property path. */
export const INLINE_DOCS: Record<string, Record<string, string>> = {
  getHealth: {
    status: 'Always `ok` while the API answers.',
    now: 'The API’s current instant. In AWS the real time; in the local cloud the clock `npm run clock` moves (never back).',
  },
};

/**
 * Parameters without a description of their own, by `operationId.name` or else by name (else PROPERTY_DOCS
 * applies).
 */
export const PARAMETER_DOCS: Record<string, string> = {
  slug: 'The problem type: the last segment of a problem document’s `type` (`stale-etag` for `/problems/stale-etag`).',
  region: 'Only those of this region.',
  'redecideRegion.region': 'The region to decide again.',
  'listTrajectories.status': 'Only those with this status: ACTIVE or CLOSED.',
  'listAgreements.status': 'Only those with this status: DRAFT, ACTIVE or ENDED.',
};

export const COMPONENT_DOCS: Record<string, ComponentDoc> = {
  Problem: {
    description: 'RFC 9457 problem details (application/problem+json), the body of every error.',
    properties: {
      type: 'The problem type: a URI reference (relative to the API) of a page saying what it means and what to do (`GET /problems/{slug}`).',
      title: 'Short summary of the problem type.',
      status: 'The HTTP status code.',
      'errors.path': 'The offending field (`partners[0].role`), header or parameter.',
      'errors.message': 'What is wrong with it.',
    },
  },
  NotEligibleProblem: {
    description:
      'The problem of a submit: a 422 `/problems/not-eligible` carries the whole eligibility `report` (and names each failed rule in `errors`); other 422s are validation errors without it.',
    properties: {
      type: 'The problem type (`/problems/not-eligible` when the eligibility rules refused the submit).',
      title: 'Short summary of the problem type.',
      status: 'The HTTP status code (422).',
      'errors.path': 'The offending field, or the id of the failed rule.',
      'errors.message': 'What is wrong, or the rule’s explanation.',
      report: 'The eligibility report, rule by rule (only on `/problems/not-eligible`).',
    },
  },
  ProblemTypePage: {
    description: 'A problem type: what it means and what to do about it.',
    properties: {
      type: 'The problem type, as in the `type` of a problem document.',
      status: 'The HTTP status it comes with; absent for a rule’s refusal, which is a 409 or a 422.',
      title: 'Short summary of the problem type.',
      rule: 'The rule of the registry behind it (`GET /rules`).',
    },
  },
  CreateFacility: {
    description: 'A facility to register.',
    properties: { name: 'The facility’s name.', email: 'Contact email; notices about calls and mandates go here.' },
  },
  Province: { description: 'A Flemish province (or Brussels).' },
  Facility: {
    description: 'A registered facility with its recognitions.',
    properties: { name: 'The facility’s name.', email: 'Contact email; notices about calls and mandates go here.' },
  },
  Recognition: {
    description: 'A recognition (erkenning) of a facility by a sector authority, valid from validFrom to validUntil inclusive.',
    properties: { reference: 'The authority’s reference of the recognition.' },
  },
  RecognitionAuthority: { description: 'The sector authority that recognises a facility.' },
  FacilityPage: { description: 'A page of facilities.' },
  UpdateFacility: {
    description: 'The facility’s fields to change; those left out stay as they are.',
    properties: { name: 'The facility’s name.', email: 'Contact email.' },
  },
  CreateRecognition: {
    description: 'A recognition to record.',
    properties: { reference: 'The authority’s reference of the recognition.' },
  },
  CallSubscriptionInput: {
    description: 'Subscribe to calls: for every region (`allRegions`), or for the `regions` listed.',
    properties: { regions: 'The regions to be emailed about (when not allRegions).' },
  },
  Region: { description: 'A labour-market region: the regions of calls and the werkingsgebieden.' },
  CallSubscription: {
    description:
      'A facility’s subscription to calls: it is emailed when a call for its regions is published or extended, and 7 days before its deadline.',
    properties: { regions: 'The regions it is emailed about (when not allRegions).' },
  },
  CallInput: {
    description: 'A call to create or replace (DRAFT).',
    properties: {
      title: 'The call’s title.',
      description: 'What the call asks for.',
      regions: 'The regions the call is for.',
      criteria: 'The award criteria, each with its weight and maximum score.',
    },
  },
  AwardCriterion: {
    description: 'An award criterion of a call.',
    properties: { title: 'What the criterion judges.' },
  },
  Call: {
    description: 'A call for networks, with its history.',
    properties: {
      title: 'The call’s title.',
      description: 'What the call asks for.',
      regions: 'The regions the call is for.',
      criteria: 'The award criteria, each with its weight and maximum score.',
    },
  },
  CallStatus: { description: 'DRAFT, PUBLISHED (open until the deadline), then SELECTING and DECIDED.' },
  HistoryEntry: {
    description: 'A state change: who, when, from and to.',
    properties: {
      at: 'When.',
      by: 'User id (`sub`) of who did it.',
      action: 'What was done.',
      from: 'Status before.',
      to: 'Status after.',
      details: 'More about it (e.g. the reason of a refused submit).',
    },
  },
  CallPage: { description: 'A page of calls.' },
  DeadlineExtension: {
    description: 'A later deadline for a published call, with the reason.',
    properties: { submissionDeadline: 'The new deadline, with its offset.', reason: 'Why it is extended (in the emails).' },
  },
  CallStatistics: {
    description:
      'The calls report: per call and region, applications by status and outcome, objections and partners yet to answer.',
    properties: {
      'calls.title': 'The call’s title.',
      'calls.regions': 'The counts per region of the call.',
      'calls.totals.applications': 'Applications in all.',
      'calls.regions.applications': 'Applications in the region.',
    },
  },
  ApplicationInput: {
    description: 'An application to create or replace (DRAFT).',
    properties: { 'partners.role': 'What the partner does in the network.' },
  },
  Application: {
    description: 'An application to a call, with its partners’ answers, its outcome once decided, and its history.',
    properties: {
      'partners.role': 'What the partner does in the network.',
      'outcome.status': 'SELECTED, NOT_SELECTED or INELIGIBLE.',
      'outcome.networkId': 'The network appointed, when selected.',
      'partnerAnswers.enterpriseNumber': 'The partner that answered.',
      'partnerAnswers.comment': 'The partner’s comment.',
    },
  },
  ApplicationStatus: { description: 'DRAFT, SUBMITTED or WITHDRAWN.' },
  Objection: {
    description: 'An objection of the lead to its outcome, and the department’s answer.',
    properties: {
      decision: 'UPHELD or REJECTED.',
      motivation: 'The department’s motivation.',
      decidedBy: 'User id (`sub`) of who answered it.',
    },
  },
  Receipt: { description: 'The signed receipt of a submission; keep it to prove what was submitted and when.' },
  ApplicationPage: { description: 'A page of applications.' },
  EligibilityReport: {
    description: 'The eligibility of an application, rule by rule.',
    properties: { rules: 'Each eligibility rule and what it found.', 'rules.rule': 'The rule’s id (`GET /rules`).' },
  },
  ApplicationVersion: {
    description: 'A submitted version of an application, immutable, with its receipt.',
    properties: {
      version: 'The number of the submission (1 for the first).',
      'content.partners.role': 'What the partner does in the network.',
    },
  },
  PartnerAnswerInput: { description: 'A partner’s answer: it confirms or declines its part.' },
  ReceiptToVerify: { description: 'A receipt as it was given out.' },
  ReceiptVerification: { description: 'The verdict on a receipt.' },
  Declaration: { description: 'A reviewer’s declaration of no conflict of interest.' },
  ReviewInput: {
    description: 'Your review: a score for every criterion and a comment.',
    properties: { comment: 'The reviewer’s comment (never shown to facilities).' },
  },
  Review: {
    description: 'A reviewer’s review of an application.',
    properties: { comment: 'The reviewer’s comment (never shown to facilities).' },
  },
  StartSelection: { description: 'Start the selection, or a dry run of it.' },
  SelectionStarted: { description: 'The selection run started.' },
  SelectionStatus: {
    description: 'Where a selection run stands and, once done, its decision per region.',
    properties: {
      status: 'RUNNING, SUCCEEDED or FAILED.',
      error: 'Why it failed.',
      'decision.regions': 'The decision per region.',
      'decision.regions.applications': 'Each application of the region, ranked.',
      'decision.regions.applications.outcome': 'SELECTED, NOT_SELECTED or INELIGIBLE.',
    },
  },
  NetworkPage: { description: 'A page of networks.' },
  Network: {
    description: 'A network appointed by a selection (or registered by hand) for a region.',
    properties: {
      callId: 'The call it was selected in (`outside-the-system` when registered by hand).',
      'partners.role': 'What the partner does in the network.',
      applicationId: 'The application it was selected with (empty when registered by hand).',
    },
  },
  NetworkRegistration: {
    description: 'A network appointed outside the system, to register.',
    properties: { 'partners.role': 'What the partner does in the network.' },
  },
  ObjectionInput: { description: 'An objection to an outcome that did not select the application.' },
  ObjectionDecision: {
    description: 'The department’s answer to an objection.',
    properties: { decision: 'UPHELD or REJECTED.' },
  },
  RedecisionInput: { description: 'How to decide a region again after an upheld objection.' },
  Redecision: {
    description: 'A region decided again: what changed, the new decision and the trajectories to reassign.',
    properties: {
      method: 'RERUN or BY_HAND.',
      'changes.from': 'Outcome before.',
      'changes.to': 'Outcome after.',
      'decision.outcome': 'SELECTED, NOT_SELECTED or INELIGIBLE.',
    },
  },
  MandateRequestInput: { description: 'A request for a mandate or recognition, by kind.' },
  BegeleiderAmaRecognitionRequest: {
    description: 'A request to be recognised as begeleider AMA.',
    properties: { 'requestedBy.name': 'Name of the person who asks.' },
  },
  CasemanagerZorgMandateRequest: { description: 'A request for a casemanager Zorg mandate (2014 rules only).' },
  MandateRequest: {
    description: 'A facility’s request for a mandate or recognition, and its decision.',
    properties: {
      status: 'REQUESTED, GRANTED, REFUSED or WITHDRAWN.',
      'requestedBy.name': 'Name of the person who asked.',
      'requestedBy.role': 'Their function in the organisation.',
      reason: 'The reason of the decision.',
    },
  },
  MandateKind: { description: 'CASEMANAGER_ZORG (2014 rules) or BEGELEIDER_AMA.' },
  MandateDecision: {
    description: 'Grant (with the period) or refuse (with the reason).',
    properties: { reason: 'The reason, emailed to the facility.' },
  },
  MandateWithdrawal: {
    description: 'Withdraw a granted mandate from a date.',
    properties: { reason: 'Why; emailed to the facility.' },
  },
  MandateWithdrawn: {
    description: 'The withdrawn mandate, and what runs on under it for reassignment.',
    properties: {
      status: 'WITHDRAWN.',
      'requestedBy.name': 'Name of the person who asked.',
      'requestedBy.role': 'Their function in the organisation.',
      reason: 'The reason of the decision.',
      'toReassign.agreements.status': 'The agreement’s status.',
    },
  },
  MandateRequestPage: { description: 'A page of mandate requests.' },
  CooperationRegistration: {
    description: 'A samenwerkingsverband Zorg to mandate for a werkingsgebied, for five years.',
    properties: { name: 'Its name.' },
  },
  Cooperation: {
    description: 'A samenwerkingsverband Zorg and its mandates.',
    properties: { name: 'Its name.' },
  },
  CooperationPage: { description: 'A page of samenwerkingsverbanden Zorg.' },
  CooperationWithdrawal: {
    description: 'Withdraw a samenwerkingsverband’s mandate from a date.',
    properties: { reason: 'Why; emailed to its members.' },
  },
  CooperationWithdrawn: {
    description: 'The samenwerkingsverband, and its running trajectories to reassign.',
    properties: { name: 'Its name.' },
  },
  TrajectoryStart: {
    description: 'VDAB’s start decision of a trajectory, recorded by the casemanager Werk.',
    properties: {
      'client.reference': 'The client’s reference (pseudonymous; never a name).',
      'workActions.type': 'The kind of work action.',
      'careActions.type': 'The kind of care action.',
    },
  },
  Trajectory: {
    description: 'An activation trajectory: its case managers, dates, plan, status and corrections.',
    properties: {
      'casemanagerZorg.id': 'User id (`sub`).',
      'casemanagerWerk.id': 'User id (`sub`).',
      'casemanagerZorg.enterpriseNumber': 'The facility the casemanager Zorg works for.',
      'client.reference': 'The client’s reference (pseudonymous; never a name).',
      'workActions.type': 'The kind of work action.',
      'careActions.type': 'The kind of care action.',
      'workActions.description': 'What the action is.',
      'careActions.description': 'What the action is.',
      status: 'ACTIVE or CLOSED.',
      outcome: 'How it ended.',
      'corrections.action': 'What was corrected (a reopening).',
      'corrections.at': 'When.',
      'corrections.by': 'User id (`sub`) of who corrected it.',
      'corrections.reason': 'Why.',
      'corrections.endDate': 'The end date it had.',
      'corrections.outcome': 'The outcome it had.',
    },
  },
  TrajectoryPage: { description: 'A page of trajectories.' },
  TrajectoryPatch: {
    description: 'The plan and planned end to change; both case managers confirm again.',
    properties: { 'workActions.type': 'The kind of work action.', 'careActions.type': 'The kind of care action.' },
  },
  TrajectoryClose: { description: 'Close a trajectory: its end date and outcome.', properties: { outcome: 'How it ended.' } },
  TrajectoryReopening: { description: 'Reopen a trajectory closed by mistake, with the reason.' },
  TrajectoryReassignment: { description: 'Another casemanager or network for a trajectory.' },
  ExtensionRequestInput: {
    description: 'Ask to run beyond the maximum end: a new planned end and the reason.',
    properties: { reason: 'Why the trajectory needs longer.' },
  },
  ExtensionRequest: {
    description: 'A request to extend a trajectory, and its decision.',
    properties: {
      reason: 'Why the trajectory needs longer.',
      status: 'REQUESTED, GRANTED or REFUSED.',
      motivation: 'The department’s motivation.',
    },
  },
  AuditEntry: {
    description: 'A read or change of a record: who, in which role, when.',
    properties: { at: 'When.', by: 'User id (`sub`).', role: 'The caller’s role.', action: 'What was done (read, change…).' },
  },
  ExtensionDecision: { description: 'Grant or refuse an extension request, with a motivation.' },
  ExtensionRequestPage: { description: 'A page of extension requests.' },
  TrajectoryStatistics: {
    description: 'The trajectory report, without client data; counts of 1 to 4 are suppressed.',
    properties: { 'byNetwork.closed': 'Closed trajectories.', 'durationDays.closed': 'Closed trajectories measured.' },
  },
  NetworkWithdrawal: {
    description: 'End a network from a date, with the reason.',
    properties: { reason: 'Why; emailed to its lead and partners.' },
  },
  NetworkWithdrawn: { description: 'The ended network, and its active trajectories to reassign.' },
  WerkpostInput: { description: 'A werkpost to register.', properties: { name: 'The werkpost’s name.' } },
  Werkpost: {
    description: 'A werkpost where AMA takes place.',
    properties: { name: 'The werkpost’s name.', closed: 'Closed to new agreements.' },
  },
  WerkpostPatch: { description: 'The werkpost’s fields to change.', properties: { name: 'The werkpost’s name.' } },
  AgreementInput: {
    description: 'An AMA agreement to draw up or change (DRAFT).',
    properties: {
      'participant.reference': 'Your reference of the participant (never a name).',
      'weeklySchedule.from': 'From, HH:MM.',
      'weeklySchedule.to': 'To, HH:MM.',
      'werkpostbegeleider.name': 'Their name.',
    },
  },
  AmaAgreement: {
    description: 'A three-party AMA agreement (participant, begeleider, werkpost), its signatures and submission.',
    properties: {
      'weeklySchedule.from': 'From, HH:MM.',
      'weeklySchedule.to': 'To, HH:MM.',
      trajectoryId: 'The trajectory (closed with outcome AMA) it follows from.',
      status: 'DRAFT, ACTIVE (all three signed) or ENDED.',
      'signatures.method': 'SCANNED_PAPER or ELECTRONIC.',
      'voidedSignatures.party': 'Signing party.',
      'voidedSignatures.signerName': 'Name of who signed.',
      'voidedSignatures.method': 'SCANNED_PAPER or ELECTRONIC.',
      'voidedSignatures.scanSha256': 'SHA-256 of the scanned signed page.',
      'voidedSignatures.electronicReference': 'Reference of the electronic signature.',
      'werkpostbegeleider.name': 'Their name.',
      'participantStatus.reference': 'The reference of that basis (e.g. VDAB’s referral).',
      'submission.status': 'Where the submission stands.',
      'submission.decidedAt': 'When the department answered.',
      'submission.decidedBy': 'User id (`sub`) of who answered.',
      'checks.rule': 'The rule (`GET /rules`).',
      'checks.level': 'Always `warning`: it does not refuse.',
      'checks.path': 'The field concerned.',
      'checks.message': 'What to correct.',
    },
  },
  ParticipantIdentity: {
    description: 'The participant’s identity, sealed apart.',
    properties: { name: 'The participant’s name.' },
  },
  AmaAgreementPage: { description: 'A page of AMA agreements (no participant data).' },
  AmaAgreementSummary: {
    description: 'An AMA agreement in a list, without participant data.',
    properties: { status: 'DRAFT, ACTIVE or ENDED.' },
  },
  AgreementSubmissionInput: { description: 'Submit an active agreement with the SHA-256 of its signed copy.' },
  AgreementSubmissionDecision: {
    description: 'Accept a submission, or return it with a reason.',
    properties: { reason: 'Why it is returned.' },
  },
  SignatureInput: {
    description: 'One party’s signature: from a scanned signed copy or an electronic signature.',
    properties: { method: 'SCANNED_PAPER or ELECTRONIC.' },
  },
  AgreementEnd: { description: 'End an agreement: end date and reason.', properties: { reason: 'Why it ends.' } },
  RulesInForce: { description: 'The rules in force on a date.', properties: { items: 'The rules.' } },
  RuleInForce: {
    description: 'A rule of the registry: its id, titles, source, period and parameters.',
    properties: { title: 'Its title in Dutch and English.', 'parameters.description': 'What the parameter is.' },
  },
  PrivacyRegister: {
    description: 'The processing register (GDPR art. 30): each kind of personal data held.',
    properties: { 'items.id': 'Id of the kind of data.', 'items.what': 'What data, in Dutch and English.' },
  },
  PrivacyRequestInput: { description: 'A data subject’s request, by client reference.' },
  PrivacyRequestAnswer: {
    description: 'The answer to an access or erasure request.',
    properties: {
      kind: 'ACCESS or ERASURE.',
      trajectories: 'Each trajectory of the client, with its audit trail and retention.',
      'trajectories.auditTrail.at': 'When.',
      'trajectories.auditTrail.by': 'User id (`sub`).',
      'trajectories.auditTrail.role': 'The caller’s role.',
      'trajectories.auditTrail.action': 'What was done.',
      'trajectories.retention.rule': 'The retention rule (`GET /rules`).',
      'notErased.reason': 'Why it was not erased.',
    },
  },
  QueueKind: { description: 'A kind of work waiting for the department.' },
  QueuePage: { description: 'A page of the department’s queue, oldest first.' },
  QueueLine: {
    description: 'An item waiting for the department.',
    properties: { regions: 'The regions it concerns.', enterpriseNumber: 'The facility it concerns.' },
  },
  QueueSummary: { description: 'How many items of each kind wait, and since when the oldest.' },
};
