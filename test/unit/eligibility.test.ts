import { describe, expect, it } from 'vitest';
import {
  partnersConfirmed,
  checkEligibility,
  criteriaAnswered,
  leadRegistered,
  partnersDistinct,
  partnersRegistered,
  regionInCall,
  requiredRecognition,
  singleApplicationPerRegion,
  type EligibilityInput,
  type RegisteredFacility,
} from '../../shared/domain/eligibility.ts';

const LEAD = '0123456749';
const PARTNER = '0411905847';
const OTHER = '0207437468';

function input(
  overrides: Partial<EligibilityInput> = {},
  application: Partial<EligibilityInput['application']> = {},
): EligibilityInput {
  const registry = new Map<string, RegisteredFacility>([
    [
      LEAD,
      { name: 'De Brug', recognitions: [{ recognitionId: 'r1', authority: 'WELZIJN', reference: 'W', validFrom: '2010-01-01' }] },
    ],
    [
      PARTNER,
      {
        name: 'Het Anker',
        recognitions: [
          { recognitionId: 'r2', authority: 'VAPH', reference: 'V', validFrom: '2017-01-01', validUntil: '2026-12-01' },
        ],
      },
    ],
  ]);
  return {
    call: {
      regions: ['GENT', 'LIMBURG'],
      submissionDeadline: '2026-12-01T11:00:00.000Z',
      criteria: [
        { id: 'approach', title: 'Aanpak' },
        { id: 'network', title: 'Netwerk' },
      ],
      requiredPartnerRecognitions: ['JONGERENWELZIJN', 'VAPH'],
    },
    application: {
      applicationId: 'app-1',
      leadEnterpriseNumber: LEAD,
      region: 'GENT',
      partners: [{ enterpriseNumber: PARTNER, role: 'zorg' }],
      proposal: { criteria: { approach: 'a', network: 'n' } },
      partnerAnswers: { [PARTNER]: { answer: 'CONFIRMED' } },
      ...application,
    },
    registry,
    otherApplicationsLedInRegion: [],
    ...overrides,
  };
}

describe('eligibility rules', () => {
  it('an application meeting every rule is eligible, checked on the deadline date', () => {
    const report = checkEligibility(input());
    expect(report.eligible).toBe(true);
    expect(report.checkedOn).toBe('2026-12-01');
    expect(report.rules.map((r) => r.rule)).toEqual([
      'lead-registered',
      'region-in-call',
      'partners-registered',
      'partners-distinct',
      'partners-confirmed',
      'required-recognition',
      'single-application-per-region',
      'criteria-answered',
    ]);
  });

  it('lead-registered', () => {
    expect(leadRegistered(input()).explanation).toBe('The lead facility 0123.456.749 (De Brug) is registered.');
    const missing = leadRegistered(input({}, { leadEnterpriseNumber: OTHER }));
    expect(missing).toEqual({
      rule: 'lead-registered',
      passed: false,
      explanation: 'The lead facility 0207.437.468 is not in the facility registry.',
    });
  });

  it('region-in-call', () => {
    expect(regionInCall(input()).passed).toBe(true);
    expect(regionInCall(input({}, { region: 'KEMPEN' }))).toEqual({
      rule: 'region-in-call',
      passed: false,
      explanation: 'Region KEMPEN is not covered by this call; it covers GENT, LIMBURG.',
    });
  });

  it('partners-registered names each unregistered partner once', () => {
    const result = partnersRegistered(
      input(
        {},
        {
          partners: [
            { enterpriseNumber: OTHER, role: 'a' },
            { enterpriseNumber: OTHER, role: 'b' },
          ],
        },
      ),
    );
    expect(result).toEqual({
      rule: 'partners-registered',
      passed: false,
      explanation: 'Not in the facility registry: 0207.437.468.',
    });
    expect(partnersRegistered(input({}, { partners: [] })).explanation).toBe('The application lists no partners.');
  });

  it('partners-distinct: duplicates and the lead as partner', () => {
    expect(partnersDistinct(input()).passed).toBe(true);
    const result = partnersDistinct(
      input(
        {},
        {
          partners: [
            { enterpriseNumber: PARTNER, role: 'a' },
            { enterpriseNumber: PARTNER, role: 'b' },
            { enterpriseNumber: LEAD, role: 'c' },
          ],
        },
      ),
    );
    expect(result).toEqual({
      rule: 'partners-distinct',
      passed: false,
      explanation:
        'Partners must be distinct: listed more than once: 0411.905.847; the lead 0123.456.749 is also listed as a partner.',
    });
  });

  it('required-recognition: names the member and authority; valid on the deadline date, not after', () => {
    expect(requiredRecognition(input()).explanation).toBe(
      'A member holds a required recognition valid on the deadline date 2026-12-01: 0411.905.847 (Het Anker) is recognised by VAPH.',
    );
    const later = requiredRecognition(input({ call: { ...input().call, submissionDeadline: '2026-12-02T11:00:00.000Z' } }));
    expect(later).toEqual({
      rule: 'required-recognition',
      passed: false,
      explanation:
        'No member holds a recognition by JONGERENWELZIJN or VAPH valid on the deadline date 2026-12-02; at least one member must.',
    });
  });

  it('partners-confirmed: every partner confirmed; who has not answered and who declined are named', () => {
    expect(partnersConfirmed(input())).toEqual({
      rule: 'partners-confirmed',
      passed: true,
      explanation: 'Every partner (1) confirmed its part.',
    });
    expect(partnersConfirmed(input({}, { partners: [], partnerAnswers: undefined })).explanation).toBe(
      'The application lists no partners.',
    );
    const mixed = partnersConfirmed(
      input(
        {},
        {
          partners: [
            { enterpriseNumber: PARTNER, role: 'a' },
            { enterpriseNumber: OTHER, role: 'b' },
          ],
          partnerAnswers: { [PARTNER]: { answer: 'DECLINED' } },
        },
      ),
    );
    expect(mixed).toEqual({
      rule: 'partners-confirmed',
      passed: false,
      explanation:
        'Not answered yet: 0207.437.468. Declined: 0411.905.847 (remove it from the application). A partner counts once it confirms its part.',
    });
    // An answer kept for a facility that is no longer a partner counts for nothing.
    expect(partnersConfirmed(input({}, { partners: [], partnerAnswers: { [OTHER]: { answer: 'DECLINED' } } })).passed).toBe(true);
  });

  it('required-recognition counts a partner only once it confirmed (rule partners-confirmed)', () => {
    // The partner holds the only required recognition: unanswered or declined, it does not count.
    expect(requiredRecognition(input({}, { partnerAnswers: {} })).passed).toBe(false);
    expect(requiredRecognition(input({}, { partnerAnswers: { [PARTNER]: { answer: 'DECLINED' } } })).passed).toBe(false);
    expect(requiredRecognition(input()).passed).toBe(true);
  });

  it('required-recognition uses the Brussels date of the deadline (23:30 UTC is the next day in Brussels)', () => {
    const lateEvening = input({ call: { ...input().call, submissionDeadline: '2026-12-01T23:30:00.000Z' } });
    expect(requiredRecognition(lateEvening).passed).toBe(false);
  });

  it('single-application-per-region', () => {
    expect(singleApplicationPerRegion(input()).passed).toBe(true);
    expect(singleApplicationPerRegion(input({ otherApplicationsLedInRegion: ['app-0'] }))).toEqual({
      rule: 'single-application-per-region',
      passed: false,
      explanation: 'The lead already leads another application for region GENT in this call (app-0).',
    });
  });

  it('criteria-answered: blank answers and answers to unknown criteria', () => {
    const result = criteriaAnswered(input({}, { proposal: { criteria: { approach: '  ', extra: 'x' } } }));
    expect(result).toEqual({
      rule: 'criteria-answered',
      passed: false,
      explanation:
        'Every award criterion must be answered: no approach given for "approach" (Aanpak), "network" (Netwerk); answers to criteria the call does not have: extra.',
    });
  });
});
