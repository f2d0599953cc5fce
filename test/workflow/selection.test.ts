import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { SFNClient } from '@aws-sdk/client-sfn';
import { putAll } from '../../shared/store/batch-write.ts';
import { overrideDeps } from '../../shared/runtime/deps.ts';
import { callUpdate, getCall } from '../../shared/store/calls.ts';
import { beginSelectionRun, getRun } from '../../shared/store/selection.ts';
import { enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';

/**
 * The network selection end to end: the ASL that CDK synthesizes, run by the local Step Functions, its
 * tasks in-process against DynamoDB Local and the SES emulator, started and read through the API.
 */
let api: TestApi;
let department: string;
let reviewer: string;
/** Task states that should fail, and how often (Infinity: always). Tests set and clear it. */
const faults = new Map<string, number>();
const taskCalls = new Map<string, number>();

const T0 = '2026-11-02T09:00:00.000Z';
const DEADLINE = '2026-12-01T12:00:00+01:00';
const AFTER_DEADLINE = '2026-12-02T09:00:00.000Z';
const CRITERIA = [
  { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 4 },
  { id: 'network', title: 'Netwerk', weight: 2, maxScore: 10 },
  { id: 'reach', title: 'Bereik', weight: 1, maxScore: 5 },
];

beforeAll(async () => {
  api = await startTestApi({
    workflows: {
      wrapTask: (stateName, task) => async (input) => {
        taskCalls.set(stateName, (taskCalls.get(stateName) ?? 0) + 1);
        const remaining = faults.get(stateName) ?? 0;
        if (remaining > 0) {
          faults.set(stateName, remaining - 1);
          throw Object.assign(new Error('injected fault'), { name: 'InjectedFault' });
        }
        return task(input);
      },
    },
  });
  department = await api.token({ role: 'department', sub: 'dept-1', email: mailbox('dept') });
  reviewer = await api.token({ role: 'department', sub: 'reviewer-1' });
}, 120_000);
afterAll(() => api.close());

interface Planned {
  key: string;
  region: string;
  scores: Array<[number, number, number]>;
  submittedAt: string;
  /** Its lead's recognition is withdrawn before the deadline: ineligible on the deadline date. */
  loseRecognition?: boolean;
  /** It names a partner, which confirms its part (and is told the outcome). */
  withPartner?: boolean;
}

interface Scenario {
  callId: string;
  apps: Map<string, { applicationId: string; lead: string; email: string; trackingNumber: string; partnerEmail?: string }>;
}

let facilityCounter = 0;

async function scenario(plan: Planned[], regions: string[]): Promise<Scenario> {
  api.setNow(T0);
  const created = await api.request('POST', '/calls', {
    token: department,
    body: {
      title: `Oproep ${facilityCounter}`,
      description: 'Selectie',
      regions,
      submissionDeadline: DEADLINE,
      maxNetworksPerRegion: 2,
      criteria: CRITERIA,
    },
  });
  expect(created.status, created.text).toBe(201);
  const callId = created.body.callId as string;
  expect((await api.request('POST', `/calls/${callId}/publish`, { token: department })).status).toBe(200);
  const apps: Scenario['apps'] = new Map();
  for (const p of plan) {
    facilityCounter++;
    const lead = enterpriseNumber(5_000_000 + facilityCounter);
    const email = mailbox(`lead-${p.key}`);
    api.setNow(T0);
    const facility = await registerFacility(api, department, lead, {
      email,
      recognitions: [{ authority: 'JONGERENWELZIJN', validFrom: '2018-01-01' }],
    });
    const token = await api.token({ role: 'facility', facility: lead });
    const partner = p.withPartner ? enterpriseNumber(6_000_000 + facilityCounter) : undefined;
    const partnerEmail = partner ? mailbox(`partner-${p.key}`) : undefined;
    if (partner) await registerFacility(api, department, partner, { email: partnerEmail! });
    const application = await api.request('POST', `/calls/${callId}/applications`, {
      token,
      body: {
        region: p.region,
        partners: partner ? [{ enterpriseNumber: partner, role: 'zorgpartner' }] : [],
        proposal: { summary: p.key, criteria: { approach: 'a', network: 'n', reach: 'r' } },
      },
    });
    expect(application.status, application.text).toBe(201);
    if (partner) {
      const confirmed = await api.request('PUT', `/calls/${callId}/applications/${application.body.applicationId}/partners/me`, {
        token: await api.token({ role: 'facility', facility: partner }),
        body: { answer: 'CONFIRMED' },
      });
      expect(confirmed.status, confirmed.text).toBe(200);
    }
    api.setNow(p.submittedAt);
    const submitted = await api.request('POST', `/calls/${callId}/applications/${application.body.applicationId}/submit`, {
      token,
    });
    expect(submitted.status, submitted.text).toBe(201);
    if (p.loseRecognition) {
      const recognitionId = (await api.request('GET', `/facilities/${lead}`, { token: department })).body.recognitions[0]
        .recognitionId;
      expect(facility.enterpriseNumber).toBe(lead);
      expect(
        (await api.request('DELETE', `/facilities/${lead}/recognitions/${recognitionId}`, { token: department })).status,
      ).toBe(200);
    }
    apps.set(p.key, {
      applicationId: application.body.applicationId,
      lead,
      email,
      trackingNumber: application.body.trackingNumber,
      ...(partnerEmail ? { partnerEmail } : {}),
    });
  }
  api.setNow(AFTER_DEADLINE);
  for (const p of plan) {
    const { applicationId } = apps.get(p.key)!;
    const url = `/calls/${callId}/applications/${applicationId}`;
    for (const [i, [approach, network, reach]] of p.scores.entries()) {
      const token = i === 0 ? reviewer : await api.token({ role: 'department', sub: `reviewer-${i + 1}` });
      expect(
        (await api.request('POST', `${url}/reviews/me/declaration`, { token, body: { noConflictOfInterest: true } })).status,
      ).toBeLessThan(300);
      const review = await api.request('PUT', `${url}/reviews/me`, {
        token,
        body: { scores: { approach, network, reach }, comment: 'ok' },
      });
      expect(review.status, review.text).toBe(201);
    }
  }
  return { callId, apps };
}

async function runSelection(callId: string, body: unknown = {}) {
  const started = await api.request('POST', `/calls/${callId}/selection`, { token: department, body });
  expect(started.status, started.text).toBe(202);
  const execution = await api.workflows!.stepFunctions.waitFor(started.body.executionId);
  return { executionId: started.body.executionId as string, execution };
}

/** A realistic call: ties at each tie-break level, an ineligible application, one under a minScore, a thin region and an empty one. */
const REALISTIC: Planned[] = [
  // ANTWERPEN: A2 and A3 tie on score (4.4 of 6 → 73.3333); A2 wins on "approach", the highest-weight criterion.
  {
    key: 'A1',
    region: 'ANTWERPEN',
    scores: [
      [9, 9, 5],
      [10, 8, 5],
    ],
    submittedAt: '2026-11-20T10:00:00.000Z',
  },
  { key: 'A2', region: 'ANTWERPEN', scores: [[8, 5, 5]], submittedAt: '2026-11-25T10:00:00.000Z' },
  { key: 'A3', region: 'ANTWERPEN', scores: [[6, 8, 5]], submittedAt: '2026-11-10T10:00:00.000Z' },
  // GENT: G1 and G2 tie on score and on "approach"; G1 was submitted earlier.
  { key: 'G0', region: 'GENT', scores: [[9, 9, 5]], submittedAt: '2026-11-20T10:00:00.000Z' },
  { key: 'G2', region: 'GENT', scores: [[7, 7, 4]], submittedAt: '2026-11-21T10:00:00.000Z' },
  { key: 'G1', region: 'GENT', scores: [[7, 7, 4]], submittedAt: '2026-11-20T11:00:00.000Z' },
  // LIMBURG: L1 and L2 tie on everything, submitted at the same instant: the lower application id wins.
  // LX scores best overall but under the minimum on "approach"; LI lost its recognition: ineligible.
  { key: 'L0', region: 'LIMBURG', scores: [[8, 8, 4]], submittedAt: '2026-11-20T10:00:00.000Z' },
  { key: 'L1', region: 'LIMBURG', scores: [[6, 6, 3]], submittedAt: '2026-11-22T10:00:00.000Z' },
  { key: 'L2', region: 'LIMBURG', scores: [[6, 6, 3]], submittedAt: '2026-11-22T10:00:00.000Z' },
  { key: 'LX', region: 'LIMBURG', scores: [[3, 10, 5]], submittedAt: '2026-11-19T10:00:00.000Z' },
  { key: 'LI', region: 'LIMBURG', scores: [[10, 10, 5]], submittedAt: '2026-11-19T10:00:00.000Z', loseRecognition: true },
  // KEMPEN: one application for two places. MECHELEN: none.
  { key: 'K1', region: 'KEMPEN', scores: [[5, 5, 3]], submittedAt: '2026-11-20T10:00:00.000Z', withPartner: true },
];
const REGIONS = ['ANTWERPEN', 'GENT', 'LIMBURG', 'KEMPEN', 'MECHELEN'];

const ANTWERPEN_OUTCOME = [
  ['A1', 1, 'SELECTED'],
  ['A2', 2, 'SELECTED'],
  ['A3', 3, 'NOT_SELECTED'],
];

function expectedOutcome(s: Scenario) {
  const id = (key: string) => s.apps.get(key)!.applicationId;
  const [firstTie, secondTie] = [id('L1'), id('L2')].sort();
  const keyOf = (applicationId: string) => [...s.apps].find(([, a]) => a.applicationId === applicationId)![0];
  return {
    ANTWERPEN: ANTWERPEN_OUTCOME,
    GENT: [
      ['G0', 1, 'SELECTED'],
      ['G1', 2, 'SELECTED'],
      ['G2', 3, 'NOT_SELECTED'],
    ],
    LIMBURG: [
      ['L0', 1, 'SELECTED'],
      [keyOf(firstTie!), 2, 'SELECTED'],
      [keyOf(secondTie!), 3, 'NOT_SELECTED'],
      ...[
        ['LI', null, 'INELIGIBLE'],
        ['LX', null, 'NOT_SELECTED'],
      ].sort((a, b) => (id(a[0] as string) < id(b[0] as string) ? -1 : 1)),
    ],
    KEMPEN: [['K1', 1, 'SELECTED']],
    MECHELEN: [],
  } as unknown as Record<string, Array<[string, number | null, string]>>;
}

function decisionAsKeys(
  s: Scenario,
  decision: {
    regions: Array<{ region: string; applications: Array<{ applicationId: string; rank: number | null; outcome: string }> }>;
  },
) {
  const keyOf = (applicationId: string) => [...s.apps].find(([, a]) => a.applicationId === applicationId)![0];
  return Object.fromEntries(
    decision.regions.map((r) => [r.region, r.applications.map((a) => [keyOf(a.applicationId), a.rank, a.outcome])]),
  );
}

describe('network selection on the synthesized state machine', () => {
  let realistic: Scenario;
  let dryRunExecutionId: string;

  it('a dry run returns what would be selected and changes nothing', async () => {
    realistic = await scenario(REALISTIC, REGIONS);
    const before = await api.scanTable();
    const { executionId, execution } = await runSelection(realistic.callId, { dryRun: true });
    dryRunExecutionId = executionId;
    expect(execution.status).toBe('SUCCEEDED');
    const status = await api.request(
      'GET',
      `/calls/${realistic.callId}/selection?executionId=${encodeURIComponent(executionId)}`,
      { token: department },
    );
    expect(status.body).toMatchObject({ status: 'SUCCEEDED', dryRun: true });
    expect(decisionAsKeys(realistic, status.body.decision)).toEqual(expectedOutcome(realistic));
    const call = await api.request('GET', `/calls/${realistic.callId}`, { token: department });
    expect(call.body.status).toBe('PUBLISHED');
    expect((await api.request('GET', `/networks?callId=${realistic.callId}`, { token: department })).body.items).toEqual([]);
    const changed = (await api.scanTable()).filter((item) => !before.some((b) => b.PK === item.PK && b.SK === item.SK));
    expect(changed.every((item) => String(item.SK).startsWith('RUN#dry-'))).toBe(true);
    for (const { email } of realistic.apps.values()) {
      expect((await api.emails(email)).filter((m) => m.subject.includes('beslissing'))).toEqual([]);
    }
  });

  it('finds a run by its execution id behind more than 1 MB of other items in the call partition', async () => {
    // 1,100 items of about 1 KB whose keys sort before the dry run's (RUN#a… < RUN#dry-…): in DynamoDB one
    // Query page (1 MB, counted before any filter) ends before the run. DynamoDB Local does not apply that
    // limit, so the test also watches the queries the lookup makes: none may read the partition's runs at large.
    const filler = 'x'.repeat(1_000);
    await putAll(
      api.deps(),
      Array.from({ length: 1_100 }, (_, i) => ({
        PK: `CALL#${realistic.callId}`,
        SK: `RUN#a-filler#EVAL#${String(i).padStart(5, '0')}`,
        entity: 'Filler',
        filler,
      })),
    );
    const queriedPrefixes: string[] = [];
    const ddb = api.deps().ddb;
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
        if (context.commandName === 'QueryCommand') queriedPrefixes.push(String(input.ExpressionAttributeValues?.[':prefix']));
        return next(args);
      },
      { step: 'initialize', name: 'queryRecorder' },
    );
    let status;
    try {
      status = await api.request(
        'GET',
        `/calls/${realistic.callId}/selection?executionId=${encodeURIComponent(dryRunExecutionId)}`,
        {
          token: department,
        },
      );
    } finally {
      ddb.middlewareStack.remove('queryRecorder');
    }
    expect(status.status, status.text).toBe(200);
    expect(status.body).toMatchObject({ executionId: dryRunExecutionId, status: 'SUCCEEDED', dryRun: true });
    const runId = dryRunExecutionId.slice(dryRunExecutionId.indexOf('dry-'));
    expect(queriedPrefixes.length).toBeGreaterThan(0); // the decision lines are read
    for (const prefix of queriedPrefixes) expect(prefix.startsWith(`RUN#${runId}#`), prefix).toBe(true);
    // A made-up execution id of the same call finds nothing.
    const madeUp = dryRunExecutionId.replace(/dry-[0-9a-f-]+$/, 'dry-00000000-0000-4000-8000-000000000000');
    expect(madeUp).not.toBe(dryRunExecutionId);
    const none = await api.request('GET', `/calls/${realistic.callId}/selection?executionId=${encodeURIComponent(madeUp)}`, {
      token: department,
    });
    expect(none.status).toBe(404);
  });

  it('selects exactly the expected networks, sets every outcome and emails each lead once', async () => {
    const { execution } = await runSelection(realistic.callId);
    expect(execution.status).toBe('SUCCEEDED');
    const call = await api.request('GET', `/calls/${realistic.callId}`, { token: department });
    expect(call.body.status).toBe('DECIDED');
    const status = await api.request('GET', `/calls/${realistic.callId}/selection`, { token: department });
    expect(status.body).toMatchObject({ status: 'SUCCEEDED', dryRun: false });
    const expected = expectedOutcome(realistic);
    expect(decisionAsKeys(realistic, status.body.decision)).toEqual(expected);

    const lines = status.body.decision.regions.flatMap((r: { applications: unknown[] }) => r.applications);
    const line = (key: string) =>
      lines.find((l: { applicationId: string }) => l.applicationId === realistic.apps.get(key)!.applicationId);
    // means 9.5, 8.5, 5 → (3·0.95 + 2·0.85 + 1·1) / 6 = 92.5
    expect(line('A1').score).toBe(92.5);
    expect(line('A2').score).toBe(73.3333);
    expect(line('A2').score).toBe(line('A3').score);
    expect(line('A3').reasons.join(' ')).toContain('highest-weight criterion');
    expect(line('G2').reasons.join(' ')).toContain('earlier submission');
    expect(line('LX').reasons).toEqual(['Scored 3 on "Aanpak" (approach), under its minimum of 4: not selectable.']);
    expect(line('LI').reasons.join(' ')).toContain('No member holds a recognition by JONGERENWELZIJN or VAPH');

    const networks = await api.request('GET', `/networks?callId=${realistic.callId}&limit=100`, { token: department });
    const selectedKeys = Object.values(expected).flatMap((rows) => rows.filter((r) => r[2] === 'SELECTED').map((r) => r[0]));
    expect(networks.body.items.map((n: { leadEnterpriseNumber: string }) => n.leadEnterpriseNumber).sort()).toEqual(
      selectedKeys.map((k) => realistic.apps.get(k)!.lead).sort(),
    );
    for (const network of networks.body.items) {
      expect(network).toMatchObject({ callId: realistic.callId });
      expect((await api.request('GET', `/networks/${network.networkId}`, { token: reviewer })).body).toEqual(network);
    }
    const kempen = await api.request('GET', `/networks?region=KEMPEN&callId=${realistic.callId}`, { token: department });
    expect(kempen.body.items).toHaveLength(1);

    for (const [key, app] of realistic.apps) {
      const mails = (await api.emails(app.email)).filter((m) => m.subject.includes('beslissing'));
      expect(mails, key).toHaveLength(1);
      // Written for people: the reasons in Dutch, no API routes.
      expect(mails[0]!.body.text, key).toMatch(/Gerangschikt als|Score \d|Niet ontvankelijk/);
      expect(mails[0]!.body.text, key).not.toMatch(/Ranked|Scored|POST |\/calls\//);
      const token = await api.token({ role: 'facility', facility: app.lead });
      const view = await api.request('GET', `/calls/${realistic.callId}/applications/${app.applicationId}`, { token });
      const outcome = Object.values(expected)
        .flat()
        .find((r) => r[0] === key)![2];
      expect(view.body.status, key).toBe(outcome);
      expect(view.body.outcome.notifiedAt).toBeDefined();
    }
    // K1's partner, which confirmed its part, is told the outcome too, once.
    const k1 = realistic.apps.get('K1')!;
    const partnerMails = (await api.emails(k1.partnerEmail)).filter((m) => m.subject.includes('waarin u partner bent'));
    expect(partnerMails).toHaveLength(1);
    expect(partnerMails[0]!.body.text).toContain(`Aanvraag ${k1.trackingNumber}`);
    expect(partnerMails[0]!.body.text).toContain('geselecteerd');
    expect((await api.request('POST', `/calls/${realistic.callId}/selection`, { token: department, body: {} })).status).toBe(409);
  });

  it('a facility sees only its own lines of the decision', async () => {
    const a3 = realistic.apps.get('A3')!;
    const token = await api.token({ role: 'facility', facility: a3.lead });
    const status = await api.request('GET', `/calls/${realistic.callId}/selection`, { token });
    const lines = status.body.decision.regions.flatMap((r: { applications: Array<{ applicationId: string }> }) => r.applications);
    expect(lines.map((l: { applicationId: string }) => l.applicationId)).toEqual([a3.applicationId]);
  });

  it('objections: within 30 days, answered by the department, all on the history', async () => {
    const a3 = realistic.apps.get('A3')!;
    const token = await api.token({ role: 'facility', facility: a3.lead });
    const url = `/calls/${realistic.callId}/applications/${a3.applicationId}`;
    const lodged = await api.request('POST', `${url}/objection`, { token, body: { grounds: 'De score op netwerk klopt niet.' } });
    expect(lodged.status, lodged.text).toBe(201);
    expect((await api.request('POST', `${url}/objection`, { token, body: { grounds: 'Nog eens' } })).status).toBe(409);
    // It waits in the department's queue, and the department's mailbox was told once, without the grounds.
    const queued = await api.request('GET', `/department/queue?kind=OBJECTION&region=ANTWERPEN`, { token: department });
    expect(queued.status, queued.text).toBe(200);
    expect(queued.body.items).toEqual([
      expect.objectContaining({
        kind: 'OBJECTION',
        subjectId: a3.applicationId,
        region: 'ANTWERPEN',
        enterpriseNumber: a3.lead,
        href: url,
      }),
    ]);
    const told = (await api.emails('werkenzorg@departement-wvg.example')).filter((m) => m.subject.startsWith('Nieuw bezwaar'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).not.toContain('De score op netwerk klopt niet');
    const decided = await api.request('POST', `${url}/objection/decision`, {
      token: department,
      body: { decision: 'REJECTED', motivation: 'De scores zijn correct toegekend.' },
    });
    expect(decided.status, decided.text).toBe(200);
    expect((await api.request('GET', '/department/queue?kind=OBJECTION', { token: department })).body.items).toEqual([]);
    expect((await api.emails(a3.email)).filter((m) => m.subject.includes('Bezwaar'))).toHaveLength(1);
    const view = await api.request('GET', url, { token });
    expect(view.body.objection).toMatchObject({ decision: 'REJECTED' });
    expect(view.body.history.map((h: { action: string }) => h.action).slice(-2)).toEqual([
      'objection-lodged',
      'objection-decided',
    ]);
    // 31 days after the email, too late
    const k1 = realistic.apps.get('K1')!;
    const kToken = await api.token({ role: 'facility', facility: k1.lead });
    api.setNow(new Date(Date.parse(AFTER_DEADLINE) + 32 * 24 * 3600 * 1000));
    const late = await api.request('POST', `/calls/${realistic.callId}/applications/${k1.applicationId}/objection`, {
      token: kToken,
      body: { grounds: 'x' },
    });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('/problems/objection-period-over');
    api.setNow(AFTER_DEADLINE);
    // A selected lead has nothing to object to.
    const selected = realistic.apps.get('A1')!; // ranked 1 in ANTWERPEN: SELECTED
    const selectedToken = await api.token({ role: 'facility', facility: selected.lead });
    const pointless = await api.request('POST', `/calls/${realistic.callId}/applications/${selected.applicationId}/objection`, {
      token: selectedToken,
      body: { grounds: 'x' },
    });
    expect(pointless.status).toBe(409);
    expect(pointless.body.rule).toBe('objection-against-refusal');
  });

  describe('objections that take effect (rule objection-redecision)', () => {
    const appUrl = (key: string) => `/calls/${realistic.callId}/applications/${realistic.apps.get(key)!.applicationId}`;
    const redecide = (region: string, body: unknown, token = department) =>
      api.request('POST', `/calls/${realistic.callId}/regions/${region}/redecision`, { token, body });
    const subjects = async (key: string) =>
      (await api.emails(realistic.apps.get(key)!.email))
        .filter((m) => m.subject.startsWith('Nieuwe beslissing'))
        .map((m) => m.subject);
    async function objectAndUphold(key: string) {
      const token = await api.token({ role: 'facility', facility: realistic.apps.get(key)!.lead });
      const lodged = await api.request('POST', `${appUrl(key)}/objection`, {
        token,
        body: { grounds: 'De beslissing klopt niet.' },
      });
      expect(lodged.status, lodged.text).toBe(201);
      return async () => {
        const upheld = await api.request('POST', `${appUrl(key)}/objection/decision`, {
          token: department,
          body: { decision: 'UPHELD', motivation: 'Het bezwaar is gegrond.' },
        });
        expect(upheld.status, upheld.text).toBe(200);
      };
    }
    const callVersion = async () => (await api.request('GET', `/calls/${realistic.callId}`, { token: department })).body.version;

    it('RERUN: the ineligible lead whose recognition is on record again is ranked anew; the network it displaces ends', async () => {
      const li = realistic.apps.get('LI')!;
      const uphold = await objectAndUphold('LI');
      const objection = li.applicationId;
      // Not upheld yet: refused by the rule, nothing changed.
      const early = await redecide('LIMBURG', { objection, method: 'RERUN', motivation: 'De erkenning was geldig.' });
      expect(early.status, early.text).toBe(409);
      expect(early.body.rule).toBe('objection-redecision');
      await uphold();
      // Upheld, it stays in the department's queue until its region is decided again.
      const waiting = await api.request('GET', '/department/queue?kind=OBJECTION&subKind=UPHELD', { token: department });
      expect(waiting.body.items).toEqual([
        expect.objectContaining({
          subjectId: objection,
          subKind: 'UPHELD',
          title: expect.stringContaining('beslis opnieuw over regio LIMBURG'),
        }),
      ]);
      const versionBefore = await callVersion();
      // Another region than the objection's: refused.
      const otherRegion = await redecide('GENT', { objection, method: 'RERUN', motivation: 'De erkenning was geldig.' });
      expect(otherRegion.status).toBe(409);
      expect(otherRegion.body.rule).toBe('objection-redecision');
      // Bad input: one entry per field, nothing changed.
      const short = await redecide('LIMBURG', { objection, method: 'RERUN', motivation: 'kort' });
      expect(short.status).toBe(422);
      expect(short.body.errors.map((e: { path: string }) => e.path)).toEqual(['motivation']);
      const mixed = await redecide('LIMBURG', {
        objection,
        method: 'RERUN',
        motivation: 'De erkenning was geldig.',
        appoint: [objection],
      });
      expect(mixed.status).toBe(422);
      expect(mixed.body.errors.map((e: { path: string }) => e.path)).toEqual(['appoint']);
      const past = await redecide('LIMBURG', {
        objection,
        method: 'RERUN',
        motivation: 'De erkenning was geldig.',
        networksEndOn: '2020-01-01',
      });
      expect(past.status).toBe(422);
      expect(past.body.errors[0]).toMatchObject({ path: 'networksEndOn', rule: 'network-withdrawal' });
      expect(await callVersion()).toBe(versionBefore);

      // The department puts the recognition the lead held on the deadline date back on record, and ranks LIMBURG anew.
      const restored = await api.request('POST', `/facilities/${li.lead}/recognitions`, {
        token: department,
        body: { authority: 'JONGERENWELZIJN', validFrom: '2018-01-01', reference: 'JWB/2018/0042' },
      });
      expect(restored.status, restored.text).toBe(201);
      const before = (
        await api.request('GET', `/calls/${realistic.callId}/selection`, { token: department })
      ).body.decision.regions.find((r: { region: string }) => r.region === 'LIMBURG').applications;
      const displaced = before.find((l: { rank: number | null }) => l.rank === 2).applicationId as string;
      const displacedKey = [...realistic.apps].find(([, a]) => a.applicationId === displaced)![0];
      const done = await redecide('LIMBURG', {
        objection,
        method: 'RERUN',
        motivation: 'De erkenning van de aanvrager was op de indiendatum geldig.',
      });
      expect(done.status, done.text).toBe(200);
      expect(
        done.body.changes.map((c: { applicationId: string; from: string; to: string }) => [c.applicationId, c.from, c.to]),
      ).toEqual(
        expect.arrayContaining([
          [li.applicationId, 'INELIGIBLE', 'SELECTED'],
          [displaced, 'SELECTED', 'NOT_SELECTED'],
        ]),
      );
      expect(done.body.changes).toHaveLength(2);
      expect(done.body.decision.find((l: { applicationId: string }) => l.applicationId === li.applicationId)).toMatchObject({
        rank: 1,
        outcome: 'SELECTED',
        score: 100,
      });
      // The decision as facilities and the department read it, the networks, the history, the emails.
      const status = await api.request('GET', `/calls/${realistic.callId}/selection`, { token: department });
      const limburg = status.body.decision.regions.find((r: { region: string }) => r.region === 'LIMBURG').applications;
      expect(limburg.find((l: { applicationId: string }) => l.applicationId === li.applicationId).outcome).toBe('SELECTED');
      expect(limburg.find((l: { applicationId: string }) => l.applicationId === displaced).outcome).toBe('NOT_SELECTED');
      const liToken = await api.token({ role: 'facility', facility: li.lead });
      const liView = await api.request('GET', appUrl('LI'), { token: liToken });
      expect(liView.body.status).toBe('SELECTED');
      expect(liView.body.outcome.networkId).toBe(done.body.changes.find((c: { to: string }) => c.to === 'SELECTED').networkId);
      expect(liView.body.objection.redecidedAt).toBeDefined();
      expect(liView.body.history.at(-1)).toMatchObject({ action: 'outcome-redecided', from: 'INELIGIBLE', to: 'SELECTED' });
      const networks = await api.request('GET', `/networks?callId=${realistic.callId}&region=LIMBURG`, { token: department });
      const byLead = new Map(networks.body.items.map((n: { leadEnterpriseNumber: string }) => [n.leadEnterpriseNumber, n]));
      expect(byLead.get(li.lead)).toMatchObject({ applicationId: li.applicationId });
      expect(byLead.get(li.lead)).not.toHaveProperty('withdrawnOn');
      expect(byLead.get(realistic.apps.get(displacedKey)!.lead)).toMatchObject({
        withdrawnOn: '2026-12-02',
        withdrawalReason: 'De erkenning van de aanvrager was op de indiendatum geldig.',
      });
      const call = await api.request('GET', `/calls/${realistic.callId}`, { token: department });
      expect(call.body.history.at(-1)).toMatchObject({
        action: 'region-redecided',
        details: { region: 'LIMBURG', method: 'RERUN' },
      });
      expect(await subjects('LI')).toEqual([`Nieuwe beslissing over aanvraag ${li.trackingNumber}: geselecteerd`]);
      expect(await subjects(displacedKey)).toEqual([
        `Nieuwe beslissing over aanvraag ${realistic.apps.get(displacedKey)!.trackingNumber}: niet geselecteerd`,
      ]);
      expect(await subjects('L0')).toEqual([]);
      // Acted on, it has left the queue. Once per objection.
      expect((await api.request('GET', '/department/queue?kind=OBJECTION', { token: department })).body.items).toEqual([]);
      const again = await redecide('LIMBURG', { objection, method: 'RERUN', motivation: 'Nog eens opnieuw beslissen.' });
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('already');
    });

    it("BY_HAND: appointing and ending networks, within the call's networks per region", async () => {
      const g2 = realistic.apps.get('G2')!;
      const g1 = realistic.apps.get('G1')!;
      await (
        await objectAndUphold('G2')
      )();
      const versionBefore = await callVersion();
      const tooMany = await redecide('GENT', {
        objection: g2.applicationId,
        method: 'BY_HAND',
        motivation: 'Aanvraag G2 werd onterecht lager gescoord.',
        appoint: [g2.applicationId],
      });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors[0]).toMatchObject({ path: 'appoint', rule: 'max-networks-per-region' });
      const wrong = await redecide('GENT', {
        objection: g2.applicationId,
        method: 'BY_HAND',
        motivation: 'Aanvraag G2 werd onterecht lager gescoord.',
        appoint: [g1.applicationId],
        end: [g2.applicationId],
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['appoint.0', 'end.0']);
      expect(await callVersion()).toBe(versionBefore);
      const done = await redecide('GENT', {
        objection: g2.applicationId,
        method: 'BY_HAND',
        motivation: 'Aanvraag G2 werd onterecht lager gescoord.',
        appoint: [g2.applicationId],
        end: [g1.applicationId],
        networksEndOn: '2027-01-01',
      });
      expect(done.status, done.text).toBe(200);
      expect(done.body.changes.map((c: { trackingNumber: string; to: string }) => [c.trackingNumber, c.to]).sort()).toEqual(
        [
          [g2.trackingNumber, 'SELECTED'],
          [g1.trackingNumber, 'NOT_SELECTED'],
        ].sort(),
      );
      expect(done.body.trajectoriesToReassign).toEqual([]);
      const ended = await api.request(
        'GET',
        `/networks/${done.body.changes.find((c: { to: string }) => c.to === 'NOT_SELECTED').networkId}`,
        { token: department },
      );
      expect(ended.body.withdrawnOn).toBe('2027-01-01');
      // The calls report follows the decision that stands, as JSON and as CSV.
      const report = await api.request('GET', `/statistics/calls?callId=${realistic.callId}`, { token: department });
      expect(report.status, report.text).toBe(200);
      const regions = Object.fromEntries(report.body.calls[0].regions.map((r: { region: string }) => [r.region, r]));
      expect(regions.GENT).toMatchObject({
        applications: 3,
        submitted: 3,
        eligible: 3,
        selected: 2,
        notSelected: 1,
        objections: 1,
        objectionsUpheld: 1,
      });
      expect(regions.LIMBURG).toMatchObject({ applications: 5, eligible: 5, ineligible: 0, selected: 2, objections: 1 });
      expect(regions.MECHELEN).toMatchObject({ applications: 0 });
      expect(report.body.calls[0].totals).toMatchObject({ applications: 12, selected: 7 });
      const csv = await api.request('GET', `/statistics/calls?callId=${realistic.callId}`, {
        token: department,
        headers: { accept: 'text/csv' },
      });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.text.split('\r\n').filter((row) => row.includes(',GENT,'))[0]).toMatch(/,GENT,3,0,3,0,3,0,2,1,1,1,0$/);
      const bad = await api.request('GET', '/statistics/calls?status=OPEN', { token: department });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].path).toBe('status');
      const g1Token = await api.token({ role: 'facility', facility: g1.lead });
      expect((await api.request('GET', appUrl('G1'), { token: g1Token })).body.status).toBe('NOT_SELECTED');
      expect(await subjects('G1')).toHaveLength(1);
      expect(await subjects('G2')).toHaveLength(1);
    });
  });
});

describe('refusals', () => {
  it('409 before the deadline, and listing the applications that lack a review', async () => {
    const s = await scenario([{ key: 'R1', region: 'GENT', scores: [], submittedAt: '2026-11-20T10:00:00.000Z' }], ['GENT']);
    api.setNow('2026-11-30T10:00:00.000Z');
    const early = await api.request('POST', `/calls/${s.callId}/selection`, { token: department, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('/problems/deadline-not-passed');
    api.setNow(AFTER_DEADLINE);
    const missing = await api.request('POST', `/calls/${s.callId}/selection`, { token: department });
    expect(missing.status).toBe(409);
    expect(missing.body.type).toBe('/problems/reviews-missing');
    expect(missing.body.errors).toEqual([
      { path: s.apps.get('R1')!.applicationId, message: expect.stringContaining('0 of 1 reviews') },
    ]);
    // Past its deadline and still published: the call waits in the department's queue, under its regions.
    const reviews = await api.request('GET', '/department/queue?kind=CALL_REVIEW&region=GENT', { token: department });
    expect(reviews.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'CALL_REVIEW', subjectId: s.callId, subKind: 'REVIEW', href: `/calls/${s.callId}` }),
      ]),
    );
    const elsewhere = await api.request('GET', '/department/queue?kind=CALL_REVIEW&region=LIMBURG', { token: department });
    expect(elsewhere.body.items.map((l: { subjectId: string }) => l.subjectId)).not.toContain(s.callId);
    expect((await api.request('GET', `/calls/${s.callId}`, { token: department })).body.status).toBe('PUBLISHED');
  });
});

describe('faults', () => {
  it('a task that fails once is retried and gives the same result', async () => {
    const s = await scenario(REALISTIC.slice(0, 3), ['ANTWERPEN']);
    faults.set('AppointBatch', 1);
    taskCalls.clear();
    const { execution } = await runSelection(s.callId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(taskCalls.get('AppointBatch')).toBe(2);
    const status = await api.request('GET', `/calls/${s.callId}/selection`, { token: department });
    expect(decisionAsKeys(s, status.body.decision)).toEqual({ ANTWERPEN: ANTWERPEN_OUTCOME });
    expect((await api.request('GET', `/networks?callId=${s.callId}`, { token: department })).body.items).toHaveLength(2);
  });

  it('Step Functions not answering: 503, the run FAILED and the call back as it was; the next start runs', async () => {
    const s = await scenario(REALISTIC.slice(0, 3), ['ANTWERPEN']);
    const before = await getCall(api.deps(), s.callId);
    const { clock } = api.deps();
    // A real Step Functions client, aimed at a port where nothing listens.
    const down = new SFNClient({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    overrideDeps({ clock, sfn: down });
    try {
      const refused = await api.request('POST', `/calls/${s.callId}/selection`, { token: department, body: {} });
      expect(refused.status, refused.text).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
    } finally {
      overrideDeps({ clock });
      down.destroy();
    }
    const after = await getCall(api.deps(), s.callId);
    expect(after).toMatchObject({ status: before!.status, selectionAttempts: 1, currentRunId: 'run-1' });
    expect(after!.history.slice(-2).map((h) => h.action)).toEqual(['selection-started', 'selection-not-started']);
    expect(await getRun(api.deps(), s.callId, 'run-1')).toMatchObject({ status: 'FAILED', error: expect.any(String) });
    const { execution } = await runSelection(s.callId);
    expect(execution.status).toBe('SUCCEEDED');
    expect((await getCall(api.deps(), s.callId))!.status).toBe('DECIDED');
  });

  it('the run record not written: 503 and the call unchanged (the mark and the run are one transaction)', async () => {
    const s = await scenario(REALISTIC.slice(0, 3), ['ANTWERPEN']);
    const deps = api.deps();
    const before = await getCall(deps, s.callId);
    const ddb = Object.create(deps.ddb) as typeof deps.ddb;
    // Inject the fault: DynamoDB refuses the transaction that would mark the call and write its run.
    ddb.send = ((command: { constructor: { name: string } }) =>
      command.constructor.name === 'TransactWriteCommand'
        ? Promise.reject(Object.assign(new Error('injected'), { name: 'ServiceUnavailable' }))
        : deps.ddb.send(command as never)) as typeof deps.ddb.send;
    overrideDeps({ clock: deps.clock, ddb });
    try {
      const refused = await api.request('POST', `/calls/${s.callId}/selection`, { token: department, body: {} });
      expect(refused.status, refused.text).toBe(503);
    } finally {
      overrideDeps({ clock: deps.clock });
    }
    expect(await getCall(api.deps(), s.callId)).toEqual(before);
    expect(await getRun(api.deps(), s.callId, 'run-1')).toBeUndefined();
    expect((await runSelection(s.callId)).execution.status).toBe('SUCCEEDED');
  });

  it('a start abandoned half-way (call SELECTING, no execution) is taken over five minutes on, not before', async () => {
    const s = await scenario(REALISTIC.slice(0, 3), ['ANTWERPEN']);
    const deps = api.deps();
    const call = (await getCall(deps, s.callId))!;
    const audit = { actor: 'dept-1', now: deps.clock() };
    // The state a start leaves when it crashes after its transaction and before StartExecution.
    const begun = await beginSelectionRun(
      deps,
      {
        callId: s.callId,
        runId: 'run-1',
        executionName: `${s.callId}-run-1`,
        dryRun: false,
        status: 'RUNNING',
        startedAt: audit.now.toISOString(),
        startedBy: 'dept-1',
      },
      callUpdate(
        deps,
        s.callId,
        { status: 'SELECTING', selectionAttempts: 1, currentRunId: 'run-1' },
        { at: audit.now.toISOString(), by: 'dept-1', action: 'selection-started' },
        { version: call.version, status: call.status },
        audit,
      ),
    );
    expect(begun.ok).toBe(true);
    api.setNow(new Date(audit.now.getTime() + 5 * 60 * 1000 - 1));
    const early = await api.request('POST', `/calls/${s.callId}/selection`, { token: department, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('/problems/selection-running');
    api.setNow(new Date(audit.now.getTime() + 5 * 60 * 1000));
    const { execution } = await runSelection(s.callId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(await getCall(api.deps(), s.callId)).toMatchObject({ status: 'DECIDED', currentRunId: 'run-2' });
  });

  it('a permanent failure marks the call SELECTION_FAILED with nothing appointed; a second start completes like a clean run', async () => {
    const s = await scenario(REALISTIC.slice(0, 3), ['ANTWERPEN']);
    faults.set('CommitDecision', Number.POSITIVE_INFINITY);
    const failed = await runSelection(s.callId);
    expect(failed.execution.status).toBe('FAILED');
    faults.delete('CommitDecision');
    const call = await api.request('GET', `/calls/${s.callId}`, { token: department });
    expect(call.body.status).toBe('SELECTION_FAILED');
    expect(call.body.history.at(-1)).toMatchObject({ action: 'selection-failed', details: { error: 'InjectedFault' } });
    expect((await api.request('GET', `/networks?callId=${s.callId}`, { token: department })).body.items).toEqual([]);
    const a1 = s.apps.get('A1')!;
    const a1Token = await api.token({ role: 'facility', facility: a1.lead });
    const view = await api.request('GET', `/calls/${s.callId}/applications/${a1.applicationId}`, { token: a1Token });
    expect(view.body.status).toBe('SUBMITTED');
    expect(view.body.outcome).toBeUndefined();
    const failedRun = await api.request('GET', `/calls/${s.callId}/selection`, { token: department });
    expect(failedRun.body).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
    expect(failedRun.body.decision).toBeUndefined();

    const again = await runSelection(s.callId);
    expect(again.execution.status).toBe('SUCCEEDED');
    expect((await api.request('GET', `/calls/${s.callId}`, { token: department })).body.status).toBe('DECIDED');
    const networks = await api.request('GET', `/networks?callId=${s.callId}`, { token: department });
    expect(networks.body.items.map((n: { leadEnterpriseNumber: string }) => n.leadEnterpriseNumber).sort()).toEqual(
      [s.apps.get('A1')!.lead, s.apps.get('A2')!.lead].sort(),
    );
    for (const [key, app] of s.apps) {
      expect(
        (await api.emails(app.email)).filter((m) => m.subject.includes('beslissing')),
        key,
      ).toHaveLength(1);
    }
  });
});
