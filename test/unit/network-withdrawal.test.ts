import { describe, expect, it } from 'vitest';
import { networkWithdrawalDateViolations, networkWithdrawalViolations } from '../../shared/domain/trajectory-rules.ts';

describe('network-withdrawal', () => {
  it('a trajectory may start the day before the network ends, not on that day or after', () => {
    expect(networkWithdrawalViolations('2027-02-28', '2027-03-01')).toEqual([]);
    expect(networkWithdrawalViolations('2027-03-01', '2027-03-01')).toEqual([
      expect.objectContaining({ path: 'networkId', rule: 'network-withdrawal' }),
    ]);
    expect(networkWithdrawalViolations('2027-04-01', '2027-03-01')).toHaveLength(1);
    expect(networkWithdrawalViolations('2030-01-01', undefined)).toEqual([]);
  });

  it('takes effect today or later, never in the past', () => {
    expect(networkWithdrawalDateViolations('2026-11-26', '2026-11-26')).toEqual([]);
    expect(networkWithdrawalDateViolations('2026-11-25', '2026-11-26')).toEqual([
      expect.objectContaining({ path: 'withdrawnOn' }),
    ]);
  });
});
