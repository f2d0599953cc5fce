import { describe, expect, it } from 'vitest';
import {
  addYears,
  clientDataErasableOn,
  idempotencyTtlSeconds,
  isErasable,
  logRetentionDays,
  outboxExpiresAt,
  participantDataErasableOn,
} from '../../shared/domain/retention.ts';

describe('retention rules at their boundaries', () => {
  it('retention-trajectory-client-data: five calendar years after the end; due on that day, not the day before', () => {
    expect(clientDataErasableOn('2026-06-30')).toBe('2031-06-30');
    expect(isErasable(clientDataErasableOn('2026-06-30'), '2031-06-29')).toBe(false);
    expect(isErasable(clientDataErasableOn('2026-06-30'), '2031-06-30')).toBe(true);
    expect(isErasable(clientDataErasableOn('2026-06-30'), '2031-07-10')).toBe(true);
  });
  it('a leap day ends on 28 February of a common year', () => {
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2027-12-31', 5)).toBe('2032-12-31');
  });
  it('retention-ama-participant-data: five years after the agreement ended', () => {
    expect(participantDataErasableOn('2027-01-31')).toBe('2032-01-31');
  });
  it('retention-outbox, retention-idempotency and retention-logs give the TTLs and the log retention', () => {
    const delivered = new Date('2026-11-26T10:00:00.000Z');
    expect(outboxExpiresAt(delivered)).toBe(Math.floor(delivered.getTime() / 1000) + 30 * 86_400);
    expect(idempotencyTtlSeconds('2026-11-26')).toBe(86_400);
    expect(logRetentionDays('2026-11-26')).toBe(365);
  });
});
