import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brusselsDateOf, brusselsOffsetMinutes } from '../../shared/domain/calendar.ts';
import { inBrusselsTime } from '../../shared/domain/deadline.ts';
import { dutchDateTime } from '../../shared/email/templates.ts';

/** What ICU (the time-zone database) says; the code computes the same without loading it. */
const icuDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const icuOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' });
const icuDutch = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'Europe/Brussels',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function icuOffsetMinutes(instant: Date): number {
  const name = icuOffset.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value; // GMT+01:00
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const instants = fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

describe('Brussels time without ICU (Directive 2000/84/EC)', () => {
  it('agrees with the time-zone database on the offset, the date and the Dutch wording, 1996–2099', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(brusselsOffsetMinutes(instant)).toBe(icuOffsetMinutes(instant));
        expect(brusselsDateOf(instant)).toBe(icuDate.format(instant));
        expect(dutchDateTime(instant.toISOString())).toBe(icuDutch.format(instant).replace(/(\d{4}) (\d{2}:\d{2})/, '$1 om $2'));
      }),
      { numRuns: 5_000 },
    );
  });

  it('switches at 01:00 UTC on the last Sundays of March and October, to the millisecond', () => {
    expect(brusselsOffsetMinutes(new Date('2026-03-29T00:59:59.999Z'))).toBe(60);
    expect(brusselsOffsetMinutes(new Date('2026-03-29T01:00:00.000Z'))).toBe(120);
    expect(brusselsOffsetMinutes(new Date('2026-10-25T00:59:59.999Z'))).toBe(120);
    expect(brusselsOffsetMinutes(new Date('2026-10-25T01:00:00.000Z'))).toBe(60);
  });

  it('a Brussels date turns at Brussels midnight, not UTC midnight', () => {
    expect(brusselsDateOf(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(brusselsDateOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(brusselsDateOf(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(brusselsDateOf(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('writes Brussels wall-clock time with its offset', () => {
    expect(inBrusselsTime('2026-12-01T11:00:00Z')).toBe('2026-12-01T12:00:00+01:00');
    expect(inBrusselsTime('2026-07-01T10:30:15.250Z')).toBe('2026-07-01T12:30:15+02:00');
  });
});
