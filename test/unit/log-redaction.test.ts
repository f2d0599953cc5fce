import { describe, expect, it } from 'vitest';
import { getDeps, resetDeps } from '../../shared/runtime/deps.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { trajectoryFixture } from '../helpers/trajectory-fixture.ts';

describe('logs never hold personal data (processing register, logKeys)', () => {
  it('a whole trajectory and a whole agreement logged by mistake come out without their client and participant data', async () => {
    resetDeps();
    const logger = getDeps().logger;
    const trajectory = trajectoryFixture('2027-01-14', { startDate: '2026-01-15' });
    const agreement = {
      agreementId: 'a-1',
      participant: { reference: 'DEELN-LOG-1', birthDate: '1977-03-04', name: 'Jan Peeters' },
      nationalRegisterNumber: '77030412345',
      participantStatus: { permission: 'VDAB_REFERRAL', reference: 'VERW-778899' },
      werkpostbegeleider: { name: 'Els Vermeulen', phone: '+32 470 12 34 56' },
      startDate: '2026-02-02',
    };
    // Tests log errors only (vitest.config.ts): these go out at that level.
    const { lines } = await captureOutput(() => {
      logger.error('oops, a whole record', { trajectory, nested: { deeper: { agreement } } });
      logger.error('and as the message attributes', { ...trajectory });
      return Promise.resolve();
    });
    const output = lines.join('');
    expect(output).toContain('oops, a whole record');
    expect(output).toContain(trajectory.trajectoryId);
    expect(output).toContain('a-1');
    for (const secret of [
      trajectory.client.reference,
      trajectory.client.birthDate,
      'DEELN-LOG-1',
      '1977-03-04',
      'Jan Peeters',
      '77030412345',
      'VERW-778899',
      'Els Vermeulen',
    ]) {
      expect(output, secret).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    resetDeps();
  });
});
