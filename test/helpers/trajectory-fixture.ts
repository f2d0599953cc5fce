import { randomUUID } from 'node:crypto';
import { maxEndDate, minEndDate } from '../../shared/domain/trajectory-dates.ts';
import { trajectoryKey, withIndexKeys, type TrajectoryRecord } from '../../shared/store/trajectories.ts';

/**
 * A trajectory record to write straight into the table (the notice job's tests and bench; the API flow is
 * tested elsewhere). Each gets its own case managers' mailboxes. No vitest here: the bench uses it too.
 */
export function trajectoryFixture(
  plannedEndDate: string,
  options: { status?: 'ACTIVE' | 'CLOSED'; armedFrom?: string; startDate?: string } = {},
): TrajectoryRecord & { client: { reference: string; birthDate: string }; clientKey: string } {
  const trajectoryId = randomUUID();
  const startDate = options.startDate ?? '2026-01-15';
  const tag = trajectoryId.slice(0, 8);
  const client = { reference: `REF-${tag}`, birthDate: '1991-02-03' };
  const record = withIndexKeys({
    ...trajectoryKey(trajectoryId),
    entity: 'Trajectory',
    trajectoryId,
    networkId: 'net-1',
    casemanagerZorg: { id: `cmz-${trajectoryId}`, email: `zorg-${tag}@example.org`, enterpriseNumber: '0123456749' },
    casemanagerWerk: { id: `cmw-${trajectoryId}`, email: `werk-${tag}@example.org` },
    client,
    clientKey: trajectoryId,
    startDate,
    plannedEndDate,
    minEndDate: minEndDate(startDate),
    maxEndDate: maxEndDate(startDate),
    workActions: [],
    careActions: [],
    status: options.status ?? 'ACTIVE',
    noticesArmedFrom: options.armedFrom ?? startDate,
    sentMilestones: [],
    version: 1,
    createdAt: '2026-01-10T09:00:00.000Z',
    createdBy: 'seed',
    updatedAt: '2026-01-10T09:00:00.000Z',
    updatedBy: 'seed',
  });
  return { ...record, client, clientKey: trajectoryId };
}

/**
 * A trajectory closed on `endDate`, written as the close route writes it: index keys from its state (the
 * retention keys included). `overrides` replace fields before the keys are derived (a client, its key).
 */
export function closedTrajectoryFixture(endDate: string, overrides: Partial<TrajectoryRecord> = {}): TrajectoryRecord {
  const {
    GSI1PK: _1,
    GSI1SK: _2,
    GSI2PK: _3,
    GSI2SK: _4,
    GSI3PK: _5,
    GSI3SK: _6,
    GSI4PK: _7,
    GSI4SK: _8,
    ...fixture
  } = trajectoryFixture('2026-12-31', { startDate: '2026-01-15' });
  return withIndexKeys({ ...fixture, status: 'CLOSED', endDate, outcome: 'PAID_WORK', ...overrides });
}
