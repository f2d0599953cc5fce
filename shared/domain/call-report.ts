/**
 * The department's calls report: per call and region, how many applications there are and where they
 * stand, how many are eligible, selected and objected to. Counts of facilities' applications, not of
 * clients: no cell is suppressed (rule `small-cell-suppression` concerns clients). Pure.
 */
export interface ReportCall {
  callId: string;
  title: string;
  status: string;
  submissionDeadline: string;
  regions: readonly string[];
  maxNetworksPerRegion: number;
}

export interface ReportApplication {
  region: string;
  /** Its own status (DRAFT, SUBMITTED, WITHDRAWN): where the lead left it. */
  status: string;
  /** Submitted at least once (a reopened draft counts as submitted before). */
  submitted: boolean;
  /** From the decision once the call is decided, else checked now; undefined for drafts and withdrawn ones. */
  eligible?: boolean | undefined;
  /** The outcome of the decision that stands, once the call is decided. */
  outcome?: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE' | undefined;
  objection?: { decision?: 'UPHELD' | 'REJECTED' | undefined } | undefined;
  /** Partners named that have not confirmed or declined. */
  partnersNotAnswered: number;
}

export const CALL_REPORT_MEASURES = [
  'applications',
  'drafts',
  'submitted',
  'withdrawn',
  'eligible',
  'ineligible',
  'selected',
  'notSelected',
  'objections',
  'objectionsUpheld',
  'partnersNotAnswered',
] as const;
export type CallReportMeasure = (typeof CALL_REPORT_MEASURES)[number];
export type CallReportCounts = Record<CallReportMeasure, number>;

const zero = (): CallReportCounts => Object.fromEntries(CALL_REPORT_MEASURES.map((m) => [m, 0])) as CallReportCounts;

function count(counts: CallReportCounts, a: ReportApplication): void {
  counts.applications++;
  if (a.status === 'DRAFT') counts.drafts++;
  if (a.status === 'SUBMITTED') counts.submitted++;
  if (a.status === 'WITHDRAWN') counts.withdrawn++;
  if (a.eligible === true) counts.eligible++;
  if (a.eligible === false) counts.ineligible++;
  if (a.outcome === 'SELECTED') counts.selected++;
  if (a.outcome === 'NOT_SELECTED') counts.notSelected++;
  if (a.objection) counts.objections++;
  if (a.objection?.decision === 'UPHELD') counts.objectionsUpheld++;
  counts.partnersNotAnswered += a.partnersNotAnswered;
}

/** One call's lines: every region of the call (also those without applications), then any other region applied for. */
export function callReportLine(call: ReportCall, applications: readonly ReportApplication[]) {
  const regions = [
    ...call.regions,
    ...[...new Set(applications.map((a) => a.region))].filter((r) => !call.regions.includes(r)).sort(),
  ];
  const byRegion = new Map(regions.map((r) => [r, zero()]));
  const totals = zero();
  for (const application of applications) {
    count(byRegion.get(application.region)!, application);
    count(totals, application);
  }
  return {
    callId: call.callId,
    title: call.title,
    status: call.status,
    submissionDeadline: call.submissionDeadline,
    maxNetworksPerRegion: call.maxNetworksPerRegion,
    totals,
    regions: regions.map((region) => ({ region, ...byRegion.get(region)! })),
  };
}

export type CallReportLine = ReturnType<typeof callReportLine>;

/** The report as CSV: one row per call and region (and a TOTAL row per call), a column per measure. */
export function callReportCsv(lines: readonly CallReportLine[]): string {
  const cell = (value: string | number) =>
    /[",\n;]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value);
  const header = ['callId', 'title', 'status', 'submissionDeadline', 'region', ...CALL_REPORT_MEASURES];
  const rows = lines.flatMap((line) =>
    [...line.regions, { region: 'TOTAL', ...line.totals }].map((r) => [
      line.callId,
      line.title,
      line.status,
      line.submissionDeadline,
      r.region,
      ...CALL_REPORT_MEASURES.map((m) => r[m]),
    ]),
  );
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
