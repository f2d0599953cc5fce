import { describe, expect, it } from 'vitest';
import {
  afterContentChange,
  ageOn,
  agreementChecks,
  begeleiderRecognitionViolations,
  ageViolation,
  amaAgeRuleOn,
  amaLegalBasis,
  hoursPerWeek,
  scheduleViolations,
  submissionDecisionRefusal,
  submissionRefusal,
  birthdayOfAge,
  isFlemishOrBrusselsPostcode,
  sign,
  type Signature,
} from '../../shared/domain/ama.ts';

describe('the AMA age rule: at least 18, and younger than the statutory pension age since 2024 (65 before)', () => {
  it('a participant of 65½ starts in 2026 (the pension age is 66 from 1 February 2025), not one of 66', () => {
    expect(ageViolation('1960-06-15', '2026-01-05')).toBeUndefined(); // 65 years and 6 months
    expect(ageViolation('1960-01-05', '2026-01-05')).toContain('statutory pension age (66');
    expect(ageViolation('1960-01-06', '2026-01-05')).toBeUndefined(); // one day under 66
  });

  it('the limit moves on the day the pension age does: 1 February 2025 and 1 February 2030', () => {
    // 65 years and a few months: refused on 31 January 2025, accepted from 1 February 2025.
    expect(ageViolation('1959-10-01', '2025-01-31')).toContain('statutory pension age (65');
    expect(ageViolation('1959-10-01', '2025-02-01')).toBeUndefined();
    // 66 and a half: refused on 31 January 2030, accepted from 1 February 2030 (67).
    expect(ageViolation('1963-08-01', '2030-01-31')).toContain('(66');
    expect(ageViolation('1963-08-01', '2030-02-01')).toBeUndefined();
  });

  it('before 1 January 2024 the old rule holds (under 65), and names itself', () => {
    expect(ageViolation('1958-10-01', '2023-12-31')).toContain('under 65');
    expect(amaAgeRuleOn('2023-12-31')).toBe('ama-participant-age');
    expect(amaAgeRuleOn('2024-01-01')).toBe('ama-participant-age-pension');
  });

  it('the day before the 18th birthday is refused, the day of it accepted', () => {
    expect(ageViolation('2008-06-15', '2026-06-14')).toContain('at least 18');
    expect(ageViolation('2008-06-15', '2026-06-15')).toBeUndefined();
  });

  it('the day before the 66th birthday is accepted in 2026, the day of it refused', () => {
    expect(ageViolation('1960-06-15', '2026-06-14')).toBeUndefined();
    expect(ageViolation('1960-06-15', '2026-06-15')).toContain('younger than the statutory pension age (66');
  });

  it('born on 29 February: the birthday is 1 March in a common year, 29 February in a leap year', () => {
    expect(birthdayOfAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageViolation('2008-02-29', '2026-02-28')).toContain('at least 18');
    expect(ageViolation('2008-02-29', '2026-03-01')).toBeUndefined();
    expect(birthdayOfAge('2010-02-29'.replace('2010', '2012'), 18)).toBe('2030-03-01');
    expect(birthdayOfAge('2004-02-29', 20)).toBe('2024-02-29');
    expect(ageViolation('1959-02-28', '2024-02-27')).toBeUndefined(); // 65th birthday: 28 February 2024
    expect(ageViolation('1959-02-28', '2024-02-28')).toContain('(65');
    expect(ageViolation('1960-02-29', '2026-02-28')).toBeUndefined(); // 66th birthday: 1 March 2026
    expect(ageViolation('1960-02-29', '2026-03-01')).toContain('(66');
  });

  it('age in whole years', () => {
    expect(ageOn('1990-12-31', '2026-12-30')).toBe(35);
    expect(ageOn('1990-12-31', '2026-12-31')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('the signatures of the three-party agreement', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const signature = (party: Signature['party']): Signature => ({
    party,
    signerName: `Naam ${party}`,
    recordedBy: 'u1',
    signedAt: at,
  });

  it('stays DRAFT until the third party signs, then is ACTIVE', () => {
    let state = { status: 'DRAFT' as const, signatures: [] as Signature[] };
    const first = sign(state, signature('PARTICIPANT'));
    expect(first).toMatchObject({ ok: true, status: 'DRAFT' });
    state = { status: 'DRAFT', signatures: first.ok ? first.signatures : [] };
    const second = sign(state, signature('WERKPOST'));
    expect(second).toMatchObject({ ok: true, status: 'DRAFT' });
    const third = sign({ status: 'DRAFT', signatures: second.ok ? second.signatures : [] }, signature('BEGELEIDER'));
    expect(third).toMatchObject({ ok: true, status: 'ACTIVE' });
  });

  it('a party signs once; an active or ended agreement takes no signatures', () => {
    expect(sign({ status: 'DRAFT', signatures: [signature('PARTICIPANT')] }, signature('PARTICIPANT'))).toEqual({
      ok: false,
      reason: 'already-signed',
    });
    expect(sign({ status: 'ACTIVE', signatures: [] }, signature('WERKPOST'))).toEqual({ ok: false, reason: 'not-draft' });
    expect(sign({ status: 'ENDED', signatures: [] }, signature('WERKPOST'))).toEqual({ ok: false, reason: 'not-draft' });
  });

  it('changing the content of a draft voids its signatures; an active agreement cannot change', () => {
    const signed = [signature('PARTICIPANT'), signature('BEGELEIDER')];
    expect(afterContentChange({ status: 'DRAFT', signatures: signed })).toEqual({ ok: true, signatures: [], voided: signed });
    expect(afterContentChange({ status: 'ACTIVE', signatures: signed }).ok).toBe(false);
  });
});

describe('werkpost addresses', () => {
  it('accept Flemish and Brussels postcodes only', () => {
    for (const ok of ['1000', '1299', '1500', '2000', '3999', '8000', '9999']) expect(isFlemishOrBrusselsPostcode(ok)).toBe(true);
    for (const bad of ['1300', '1499', '4000', '5000', '7999', '0999', '123', 'abcd'])
      expect(isFlemishOrBrusselsPostcode(bad)).toBe(false);
  });
});

describe('the schedule of an agreement', () => {
  const slot = (day: 'MA' | 'DI', from: string, to: string) => ({ day, from, to });
  it('counts the hours a week, to the quarter hour', () => {
    expect(hoursPerWeek([slot('MA', '09:00', '12:30'), slot('DI', '13:00', '16:00')])).toBe(6.5);
    expect(hoursPerWeek([])).toBe(0);
  });
  it('refuses periods of one day that overlap; touching ones are fine (ama-schedule)', () => {
    expect(scheduleViolations([slot('MA', '09:00', '12:00'), slot('MA', '12:00', '15:00')])).toEqual([]);
    expect(scheduleViolations([slot('MA', '09:00', '12:00'), slot('DI', '09:00', '12:00')])).toEqual([]);
    expect(scheduleViolations([slot('MA', '09:00', '12:00'), slot('MA', '11:59', '15:00')])).toEqual([
      expect.objectContaining({ path: 'weeklySchedule[1]', rule: 'ama-schedule' }),
    ]);
  });
  it('warns, without refusing, of a period under 3 hours (ama-minimum-period, not confirmed)', () => {
    expect(agreementChecks({ weeklySchedule: [slot('MA', '09:00', '12:00')] })).toEqual([]);
    expect(agreementChecks({ weeklySchedule: [slot('MA', '09:00', '11:59')] })).toEqual([
      expect.objectContaining({ rule: 'ama-minimum-period', level: 'warning', path: 'weeklySchedule[0]' }),
    ]);
  });
  it('states the legal basis its start date falls under', () => {
    expect(amaLegalBasis('2023-12-31')).toContain('25 april 2014');
    expect(amaLegalBasis('2024-01-01')).toContain('8 juli 2022');
  });
});

describe('submitting an agreement (ama-submission)', () => {
  it('only an active one, again only after it was returned; the department decides a submitted one once', () => {
    const sealed = { participantIdentityEncrypted: 'AYADe…' };
    expect(submissionRefusal({ status: 'DRAFT', ...sealed })).toMatchObject({
      rule: 'ama-submission',
      message: expect.stringMatching(/ACTIVE/),
    });
    expect(submissionRefusal({ status: 'ACTIVE', ...sealed })).toBeUndefined();
    expect(submissionRefusal({ status: 'ACTIVE', ...sealed, submission: { status: 'SUBMITTED' } })?.message).toMatch(/already/);
    expect(submissionRefusal({ status: 'ACTIVE', ...sealed, submission: { status: 'RETURNED' } })).toBeUndefined();
    expect(submissionRefusal({ status: 'ACTIVE', ...sealed, submission: { status: 'ACCEPTED' } })?.message).toMatch(/already/);
    // Drawn up before identities were recorded: nothing to submit the participant with.
    expect(submissionRefusal({ status: 'ACTIVE' })).toMatchObject({ rule: 'ama-participant-identity' });
    expect(submissionDecisionRefusal({ submission: { status: 'SUBMITTED' } })).toBeUndefined();
    expect(submissionDecisionRefusal({ submission: { status: 'ACCEPTED' } })).toMatch(/ACCEPTED/);
    expect(submissionDecisionRefusal({})).toMatch(/not submitted/);
  });
});

describe('recognition as begeleider AMA (ama-recognition-conditions, ama-recognition-period)', () => {
  it('needs qualified staff and an end date at most 5 years on: up to the day before the fifth anniversary', () => {
    const ok = { qualifiedStaff: 1, validFrom: '2026-12-01', validUntil: '2031-11-30' };
    expect(begeleiderRecognitionViolations(ok)).toEqual([]);
    expect(begeleiderRecognitionViolations({ ...ok, validUntil: '2031-12-01' })).toEqual([
      expect.objectContaining({ path: 'validUntil', rule: 'ama-recognition-period' }),
    ]);
    expect(begeleiderRecognitionViolations({ ...ok, validUntil: undefined })[0]?.rule).toBe('ama-recognition-period');
    expect(begeleiderRecognitionViolations({ ...ok, qualifiedStaff: 0 })).toEqual([
      expect.objectContaining({ path: 'qualifiedStaff', rule: 'ama-recognition-conditions' }),
    ]);
    expect(begeleiderRecognitionViolations({ ...ok, validFrom: '2028-02-29', validUntil: '2033-02-28' })).toEqual([]);
  });
});
