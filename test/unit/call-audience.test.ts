import { describe, expect, it } from 'vitest';
import { callAudience, isDeadlineReminderDue, subscriptionCovers } from '../../shared/domain/call-audience.ts';

describe('call-audience', () => {
  it('a subscription covers a call for one of its regions, or every call', () => {
    expect(subscriptionCovers({ allRegions: false, regions: ['GENT'] }, ['GENT', 'LEUVEN'])).toBe(true);
    expect(subscriptionCovers({ allRegions: false, regions: ['LIMBURG'] }, ['GENT', 'LEUVEN'])).toBe(false);
    expect(subscriptionCovers({ allRegions: true, regions: [] }, ['KEMPEN'])).toBe(true);
  });

  it('each facility once, whatever its roles: subscriber, lead, partner', () => {
    const audience = callAudience(
      ['GENT'],
      [
        { enterpriseNumber: 'A', allRegions: false, regions: ['GENT'] },
        { enterpriseNumber: 'B', allRegions: false, regions: ['LIMBURG'] },
        { enterpriseNumber: 'C', allRegions: true, regions: [] },
      ],
      [
        { leadEnterpriseNumber: 'A', partners: [{ enterpriseNumber: 'C' }, { enterpriseNumber: 'D' }] },
        { leadEnterpriseNumber: 'D', partners: [{ enterpriseNumber: 'A' }] },
      ],
    );
    expect(audience).toEqual(['A', 'C', 'D']);
  });

  it('the reminder is due from 7 days before the deadline’s date (Brussels) until the deadline itself', () => {
    const deadline = '2026-12-15T12:00:00+01:00';
    expect(isDeadlineReminderDue(deadline, '2026-12-07', new Date('2026-12-07T06:00:00Z'))).toBe(false);
    expect(isDeadlineReminderDue(deadline, '2026-12-08', new Date('2026-12-08T06:00:00Z'))).toBe(true);
    expect(isDeadlineReminderDue(deadline, '2026-12-15', new Date('2026-12-15T10:59:59.999Z'))).toBe(true);
    expect(isDeadlineReminderDue(deadline, '2026-12-15', new Date('2026-12-15T11:00:00.000Z'))).toBe(false);
    // A deadline just after midnight Brussels time belongs to that Brussels day, not the UTC one before it.
    expect(isDeadlineReminderDue('2026-12-15T00:30:00+01:00', '2026-12-08', new Date('2026-12-08T06:00:00Z'))).toBe(true);
    expect(isDeadlineReminderDue('2026-12-15T00:30:00+01:00', '2026-12-07', new Date('2026-12-07T06:00:00Z'))).toBe(false);
  });
});
