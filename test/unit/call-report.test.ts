import { describe, expect, it } from 'vitest';
import { callReportCsv, callReportLine, type ReportApplication } from '../../shared/domain/call-report.ts';

const call = {
  callId: 'c1',
  title: 'Netwerken, 2027',
  status: 'DECIDED',
  submissionDeadline: '2027-03-01T11:00:00.000Z',
  regions: ['GENT', 'LIMBURG'],
  maxNetworksPerRegion: 2,
};
const app = (overrides: Partial<ReportApplication>): ReportApplication => ({
  region: 'GENT',
  status: 'SUBMITTED',
  submitted: true,
  partnersNotAnswered: 0,
  ...overrides,
});

describe('calls report', () => {
  const line = callReportLine(call, [
    app({ eligible: true, outcome: 'SELECTED' }),
    app({ eligible: true, outcome: 'NOT_SELECTED', objection: { decision: 'UPHELD' } }),
    app({ eligible: false, outcome: 'INELIGIBLE', objection: {} }),
    app({ status: 'DRAFT', submitted: false, partnersNotAnswered: 2 }),
    app({ region: 'KEMPEN', status: 'WITHDRAWN', eligible: undefined }),
  ]);

  it('counts per region, every region of the call first (also an empty one), then others applied for', () => {
    expect(line.regions.map((r) => r.region)).toEqual(['GENT', 'LIMBURG', 'KEMPEN']);
    expect(line.regions[0]).toEqual({
      region: 'GENT',
      applications: 4,
      drafts: 1,
      submitted: 3,
      withdrawn: 0,
      eligible: 2,
      ineligible: 1,
      selected: 1,
      notSelected: 1,
      objections: 2,
      objectionsUpheld: 1,
      partnersNotAnswered: 2,
    });
    expect(line.regions[1]!.applications).toBe(0);
    expect(line.regions[2]).toMatchObject({ applications: 1, withdrawn: 1, eligible: 0, ineligible: 0 });
    expect(line.totals).toMatchObject({ applications: 5, withdrawn: 1, selected: 1 });
  });

  it('as CSV: a header, a row per region and a TOTAL row, text with a comma quoted', () => {
    const rows = callReportCsv([line]).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'callId,title,status,submissionDeadline,region,applications,drafts,submitted,withdrawn,eligible,ineligible,selected,notSelected,objections,objectionsUpheld,partnersNotAnswered',
    );
    expect(rows).toHaveLength(5);
    expect(rows[1]).toBe('c1,"Netwerken, 2027",DECIDED,2027-03-01T11:00:00.000Z,GENT,4,1,3,0,2,1,1,1,2,1,2');
    expect(rows[4]).toMatch(/^c1,"Netwerken, 2027",DECIDED,[^,]+,TOTAL,5,/);
  });
});
