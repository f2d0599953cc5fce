import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSesLocal, type Emulator } from '../../infra/local/emulators.ts';
import { sweepOutbox } from '../../shared/email/outbox.ts';
import { handler as sweepJob } from '../../functions/jobs/outbox-sweep.ts';
import { lambdaContext } from '../../infra/local/api-event.ts';
import { getOutboxEntry, outboxPut, pendingOutboxEntries } from '../../shared/store/outbox.ts';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { transact } from '../../shared/store/transaction.ts';
import { begeleiderAmaRequest, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';

/**
 * The outbox: with the SES emulator stopped, decisions still answer 200 and are stored with their emails;
 * once SES is back, every email arrives exactly once. This file runs an SES emulator of its own, which it
 * really stops and starts again on the same port.
 */
let ses: Emulator;
let api: TestApi;
let department: string;
const FACILITIES = Array.from({ length: 5 }, (_, i) => enterpriseNumber(13_000 + i));
const requestIds: string[] = [];
const inbox = new Map([...FACILITIES, enterpriseNumber(13_100)].map((en) => [en, mailbox(`outbox-${en}`)]));
const T0 = new Date('2026-11-25T09:00:00.000Z');

beforeAll(async () => {
  ses = await startSesLocal({ port: 0 });
  api = await startTestApi({ sesEndpoint: ses.endpoint });
  api.setNow(T0);
  department = await api.token({ role: 'department', sub: 'dept-outbox' });
  for (const en of FACILITIES) requestIds.push(await facilityWithMandateRequest(en));
  // Each request told the department (its own outbox entry): delivered now, while SES is up.
  await api.drainOutbox();
});
afterAll(async () => {
  await api.close();
  await ses.stop();
});

/** A recognised facility with its mailbox in `inbox`, and its request for recognition as begeleider AMA: the request id. */
async function facilityWithMandateRequest(en: string): Promise<string> {
  await registerFacility(api, department, en, {
    email: inbox.get(en)!,
    recognitions: [{ authority: 'VAPH', validFrom: '2015-01-01' }],
  });
  const facility = await api.token({ role: 'facility', facility: en, sub: `user-${en}` });
  const request = await api.request('POST', `/facilities/${en}/mandate-requests`, {
    token: facility,
    body: begeleiderAmaRequest(),
  });
  expect(request.status, request.text).toBe(201);
  return request.body.requestId as string;
}

const decide = (requestId: string) =>
  api.request('POST', `/mandate-requests/${requestId}/decision`, {
    token: department,
    body: { granted: true, validFrom: '2026-12-01', validUntil: '2031-11-30' },
  });

describe('the outbox', () => {
  it('with SES down, decisions commit and answer 200; once SES is back each email arrives exactly once', async () => {
    await ses.stop();
    const decided = await Promise.all(requestIds.map(decide));
    expect(decided.map((r) => r.status)).toEqual(requestIds.map(() => 200));
    // The stream sender tries, fails on every retry and gives up: the entries stay pending, with the error's name.
    const drained = await captureOutput(() => api.drainOutbox());
    const pending = await pendingOutboxEntries(api.deps(), new Date(T0.getTime() + 1));
    expect(pending).toHaveLength(FACILITIES.length);
    for (const entry of pending) {
      expect(entry).toMatchObject({ status: 'PENDING', origin: 'mandate-decided', sent: {} });
      expect(entry.attempts).toBeGreaterThan(1);
      expect(entry.lastError).toEqual(expect.any(String));
    }
    // Each failed attempt is counted as EmailsFailed, published also for batches in which every record failed.
    const attempts = pending.reduce((sum, entry) => sum + entry.attempts, 0);
    expect(drained.total('EmailsFailed')).toBe(attempts);
    expect(drained.total('EmailsSent')).toBe(0);
    // A client retrying the decision is told it stands; nothing is decided or queued twice.
    expect((await decide(requestIds[0]!)).status).toBe(409);

    // The sweep job, SES still down, two minutes on: nothing delivered, and it reports the outbox's age.
    api.setNow(new Date(T0.getTime() + 2 * 60 * 1000));
    const swept = await captureOutput(() => sweepJob({}, lambdaContext('outbox-sweep', 60_000)));
    expect(swept.result).toMatchObject({ pending: FACILITIES.length, sent: 0, failed: FACILITIES.length, oldestPendingSeconds: 120 });
    const emf = swept.emf('OutboxOldestPendingSeconds');
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ OutboxOldestPendingSeconds: 120, OutboxEntriesFailed: 5, service: expect.any(String) });

    ses = await startSesLocal({ port: ses.port });
    // The sweep leaves fresh entries to the stream sender; two minutes on, it takes them, concurrently twice.
    api.setNow(new Date(T0.getTime() + 2 * 60 * 1000));
    const resumed = await captureOutput(() =>
      Promise.all([sweepJob({}, lambdaContext('outbox-sweep', 60_000)), sweepJob({}, lambdaContext('outbox-sweep', 60_000))]),
    );
    expect(resumed.result[0].sent + resumed.result[1].sent).toBe(FACILITIES.length);
    expect(resumed.total('EmailsSent')).toBe(FACILITIES.length);
    await sweepOutbox(api.deps());
    await api.drainOutbox();
    for (const en of FACILITIES) {
      const mails = await api.emails(inbox.get(en));
      expect(mails, en).toHaveLength(1);
      expect(mails[0]!.subject).toMatch(/erkenning als begeleider AMA/);
    }
    // Each entry is delivered: its SES message id recorded, out of the pending index, expiring later.
    expect(await pendingOutboxEntries(api.deps(), new Date(T0.getTime() + 3 * 60 * 1000))).toEqual([]);
    const entry = await getOutboxEntry(api.deps(), pending[0]!.outboxId);
    expect(entry).toMatchObject({ status: 'SENT', sent: { '0': expect.any(String) } });
    expect(entry!.GSI4PK).toBeUndefined();
    expect(entry!.expiresAt).toBeGreaterThan(T0.getTime() / 1000);
  });

  it('with SES up, the stream sender delivers at once, and a second read of the stream sends nothing again', async () => {
    const en = enterpriseNumber(13_100);
    expect((await decide(await facilityWithMandateRequest(en))).status).toBe(200);
    expect(await api.emails(inbox.get(en))).toHaveLength(1);
    await api.drainOutbox();
    api.setNow(new Date(T0.getTime() + 60 * 60 * 1000));
    expect((await sweepOutbox(api.deps())).sent).toBe(0);
    expect(await api.emails(inbox.get(en))).toHaveLength(1);
  });

  it('counts a submission once, at the first delivery attempt of its confirmation, and each email SES accepts', async () => {
    const to = mailbox('outbox-submitted');
    const email = { to, subject: 'Aanvraag ingediend', text: 'Uw aanvraag is ingediend.' };
    const entry = outboxPut(api.deps(), 'application-submitted', [email, { ...email, subject: 'Kopie' }], api.deps().clock());
    expect((await transact(api.deps(), [entry!])).ok).toBe(true);
    const drained = await captureOutput(() => api.drainOutbox());
    expect(drained.total('ApplicationsSubmitted')).toBe(1);
    expect(drained.total('EmailsSent')).toBe(2);
    expect(drained.emf('EmailsSent')[0]).toMatchObject({ _aws: { CloudWatchMetrics: [{ Namespace: 'WerkEnZorg' }] } });
    // Delivered: a later sweep neither sends nor counts it again.
    api.setNow(new Date(T0.getTime() + 2 * 60 * 60 * 1000));
    const swept = await captureOutput(() => sweepJob({}, lambdaContext('outbox-sweep', 60_000)));
    expect(swept.total('ApplicationsSubmitted')).toBe(0);
    expect(await api.emails(to)).toHaveLength(2);
  });
});
