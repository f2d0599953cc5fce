/**
 * The submit route (issue 3): POST /calls/{callId}/applications/{applicationId}/submit. A submit happens
 * once per application (a second one answers the stored receipt cheaply), so every measured request is
 * the first submit of its own draft: drafts are seeded straight into the table with the store, each with
 * a lead facility of its own, and each request carries a token of that lead.
 *
 * The raw side replays, on drafts of its own, exactly the round trips the handler makes, in the same
 * order, with the store's own request builders and the bench's own SDK clients (same configuration as
 * the handlers'): GetItem call → GetItem application → BatchGet members ‖ GetItem lead marker →
 * TransactWriteItems (ConditionCheck call, Update application, Put version) → SES SendEmail. Receipts and
 * emails are computed before the clock starts: hashing and signing are part of what the route adds.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { TokenIssuer } from '../infra/local/tokens.ts';
import { contentHash } from '../shared/domain/canonical-json.ts';
import { signReceipt, type Receipt } from '../shared/domain/receipt.ts';
import { REGIONS } from '../shared/domain/reference-data.ts';
import { sendEmail, type Email } from '../shared/email/send.ts';
import { submissionConfirmedEmail } from '../shared/email/templates.ts';
import type { Deps } from '../shared/runtime/deps.ts';
import '../shared/runtime/secrets-client.ts';
import {
  getApplication,
  getLeadMarker,
  insertApplication,
  newApplicationRecord,
  submitApplication,
  submittedContent,
  type ApplicationRecord,
} from '../shared/store/applications.ts';
import { getCall, insertCall, newCallRecord, type CallRecord } from '../shared/store/calls.ts';
import { getFacilities, newFacilityRecord, type FacilityRecord } from '../shared/store/facilities.ts';
import { historyEntry } from '../shared/store/history.ts';
import { putAll } from '../shared/store/batch-write.ts';
import { enterpriseNumberFor, summarize, timedCalls, type LatencySummary } from './stats.ts';

/** One request of the load: the path of a draft's submit and a token of its lead facility. */
export interface SubmitTarget {
  path: string;
  token: string;
}

/** First eight digits of the submit bench's leads and partners (no overlap with the facility bench's). */
const LEAD_FROM = 20_000_000;
const PARTNER_FROM = 29_000_000;
const PARTNERS = 20;

const text = (words: number, seed: number) =>
  Array.from(
    { length: words },
    (_, i) => ['zorg', 'werk', 'traject', 'netwerk', 'begeleiding', 'activering'][(seed + i) % 6],
  ).join(' ');

export interface SubmitFixture {
  call: CallRecord;
  /** Drafts for the API, consumed in order by the load generator. */
  apiTargets: SubmitTarget[];
  /** Drafts for the raw replay, consumed in order. */
  rawDrafts: RawDraft[];
  seedSeconds: number;
}

interface RawDraft {
  application: ApplicationRecord;
  members: string[];
  receipt: Receipt;
  email: Email;
}

/**
 * A published call (deadline a year ahead), `partners` facilities without recognitions, and
 * `api + raw` drafts, each led by a facility of its own that the VAPH recognises, with two partners.
 */
export async function seedSubmitFixture(
  deps: Deps,
  tokens: TokenIssuer,
  counts: { api: number; raw: number },
): Promise<SubmitFixture> {
  const started = performance.now();
  const now = new Date();
  const audit = { actor: 'bench', now };
  const call = newCallRecord(
    {
      title: 'Bench: indienen',
      description: 'Benchmark of the submit route',
      regions: [...REGIONS],
      submissionDeadline: new Date(now.getTime() + 365 * 24 * 3600 * 1000).toISOString(),
      maxNetworksPerRegion: 2,
      criteria: [
        { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 4 },
        { id: 'network', title: 'Netwerk', weight: 2, maxScore: 10 },
      ],
      requiredPartnerRecognitions: ['JONGERENWELZIJN', 'VAPH'],
      minReviewsPerApplication: 1,
    },
    audit,
  );
  call.status = 'PUBLISHED';
  call.history.push(historyEntry(audit, 'published', { from: 'DRAFT', to: 'PUBLISHED' }));
  call.version = 2;
  await insertCall(deps, call);

  const total = counts.api + counts.raw;
  const partners = Array.from({ length: PARTNERS }, (_, i) =>
    newFacilityRecord(
      {
        enterpriseNumber: enterpriseNumberFor(PARTNER_FROM + i),
        name: `Partner ${i}`,
        province: 'LIMBURG',
        email: `partner-${i}@example.org`,
      },
      audit,
    ),
  );
  const leads: FacilityRecord[] = Array.from({ length: total }, (_, i) => {
    const lead = newFacilityRecord(
      {
        enterpriseNumber: enterpriseNumberFor(LEAD_FROM + i),
        name: `Indiener ${i}`,
        province: 'ANTWERPEN',
        email: `lead-${i}@example.org`,
      },
      audit,
    );
    lead.recognitions = {
      r1: {
        recognitionId: 'r1',
        authority: 'VAPH',
        reference: `VAPH-${i}`,
        validFrom: '2018-01-01',
        createdAt: now.toISOString(),
        createdBy: 'bench',
      },
    };
    return lead;
  });
  await putAll(deps, [...partners, ...leads] as unknown as Record<string, unknown>[]);

  const applications = new Array<ApplicationRecord>(total);
  await timedCalls(total, 10, async (i) => {
    const lead = leads[i] as FacilityRecord;
    const record = newApplicationRecord(
      call.callId,
      lead.enterpriseNumber,
      {
        region: REGIONS[i % REGIONS.length] as (typeof REGIONS)[number],
        partners: [0, 1].map((k) => ({
          enterpriseNumber: (partners[(i + k * 7) % PARTNERS] as FacilityRecord).enterpriseNumber,
          role: k === 0 ? 'arbeidszorg' : 'trajectbegeleiding',
        })),
        proposal: { summary: text(40, i), criteria: { approach: text(80, i + 1), network: text(80, i + 2) } },
      },
      audit,
    );
    // Its partners confirmed their part (rule partners-confirmed), as they would have before a submit.
    record.partnerAnswers = Object.fromEntries(
      record.partners.map((p) => [
        p.enterpriseNumber,
        { answer: 'CONFIRMED' as const, answeredAt: now.toISOString(), answeredBy: 'bench' },
      ]),
    );
    const outcome = await insertApplication(deps, record, now);
    if (!outcome.ok) throw new Error(`seeding draft ${i}: refused: ${outcome.reasons.join(', ')}`);
    applications[i] = record;
  });

  const apiTargets: SubmitTarget[] = [];
  for (let i = 0; i < counts.api; i++) {
    const application = applications[i] as ApplicationRecord;
    apiTargets.push({
      path: `/calls/${call.callId}/applications/${application.applicationId}/submit`,
      token: await tokens.sign({ role: 'facility', facility: application.leadEnterpriseNumber, sub: `bench-lead-${i}` }),
    });
  }
  const receiptKey = await deps.receiptKey();
  const rawDrafts = applications.slice(counts.api).map((application, k): RawDraft => {
    const receipt = signReceipt(
      {
        applicationId: application.applicationId,
        trackingNumber: application.trackingNumber,
        submittedAt: now.toISOString(),
        contentHash: contentHash(submittedContent(application)),
      },
      receiptKey,
    );
    const lead = leads[counts.api + k] as FacilityRecord;
    return {
      application,
      members: application.members,
      receipt,
      email: { to: lead.email, ...submissionConfirmedEmail({ callTitle: call.title, receipt, region: application.region }) },
    };
  });
  return { call, apiTargets, rawDrafts, seedSeconds: (performance.now() - started) / 1000 };
}

export const RAW_SUBMIT_STEPS = [
  'getCall',
  'getApplication',
  'batchGetMembersAndLeadMarker',
  'transactWriteItems',
  'sesSendEmail',
] as const;
export type RawSubmitStep = (typeof RAW_SUBMIT_STEPS)[number];

export const RAW_SUBMIT_DETAIL =
  'the handler’s round trips in its order, with the store’s request builders and the bench’s own SDK clients: ' +
  'GetItem call → GetItem application → BatchGet 3 members ‖ GetItem lead marker → ' +
  'TransactWriteItems (ConditionCheck call, Update application, Put version) on a fresh draft → SES SendEmail';

export interface RawSubmitResult {
  detail: string;
  concurrency: number;
  /** The whole sequence, per submit. */
  latency: LatencySummary;
  steps: Record<RawSubmitStep, LatencySummary>;
  callsPerSecond: number;
  seconds: number;
  latenciesMs: number[];
  stepLatenciesMs: Record<RawSubmitStep, number[]>;
}

/** Replays the submit's round trips on the next fresh drafts, `concurrency` at a time. */
export function rawSubmitter(deps: Deps, fixture: SubmitFixture, onCleanup: (what: string, stop: () => void) => void) {
  const client = new DynamoDBClient({});
  const ses = new SESv2Client({});
  onCleanup('the raw SDK clients of the submit bench', () => {
    client.destroy();
    ses.destroy();
  });
  const ddb = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const rawDeps = Object.defineProperties(Object.create(deps) as Deps, { ddb: { value: ddb }, ses: { value: ses } });
  const { call } = fixture;
  let next = 0;

  const one = async (steps: Record<RawSubmitStep, number[]>) => {
    const draft = fixture.rawDrafts[next++];
    if (!draft) throw new Error('the raw submit bench ran out of drafts');
    const { application } = draft;
    const lap = (step: RawSubmitStep, since: number) => {
      const at = performance.now();
      steps[step].push(at - since);
      return at;
    };
    let t = performance.now();
    if (!(await getCall(rawDeps, call.callId))) throw new Error('raw submit: no call');
    t = lap('getCall', t);
    if (!(await getApplication(rawDeps, call.callId, application.applicationId))) throw new Error('raw submit: no draft');
    t = lap('getApplication', t);
    await Promise.all([
      getFacilities(rawDeps, draft.members),
      getLeadMarker(rawDeps, call.callId, application.region, application.leadEnterpriseNumber),
    ]);
    t = lap('batchGetMembersAndLeadMarker', t);
    const outcome = await submitApplication(rawDeps, application, draft.receipt, { actor: 'bench-raw', now: new Date() });
    if (!outcome.ok) throw new Error(`raw submit: refused: ${outcome.reasons.join(', ')}`);
    t = lap('transactWriteItems', t);
    await sendEmail(rawDeps, draft.email);
    lap('sesSendEmail', t);
  };

  return async (options: { concurrency: number; warmupCalls: number; calls: number }): Promise<RawSubmitResult> => {
    const fresh = () => Object.fromEntries(RAW_SUBMIT_STEPS.map((s) => [s, [] as number[]])) as Record<RawSubmitStep, number[]>;
    await timedCalls(options.warmupCalls, options.concurrency, () => one(fresh()));
    const steps = fresh();
    const started = performance.now();
    const latencies = await timedCalls(options.calls, options.concurrency, () => one(steps));
    const seconds = (performance.now() - started) / 1000;
    return {
      detail: RAW_SUBMIT_DETAIL,
      concurrency: options.concurrency,
      latency: summarize(latencies),
      steps: Object.fromEntries(RAW_SUBMIT_STEPS.map((s) => [s, summarize(steps[s])])) as Record<RawSubmitStep, LatencySummary>,
      callsPerSecond: Math.round((options.calls / seconds) * 10) / 10,
      seconds,
      latenciesMs: latencies,
      stepLatenciesMs: steps,
    };
  };
}

/** Several raw runs as one: latencies pooled (also per step), rate over the summed time. */
export function poolRawSubmits(parts: RawSubmitResult[]): RawSubmitResult {
  const first = parts[0] as RawSubmitResult;
  const latenciesMs = parts.flatMap((p) => p.latenciesMs);
  const stepLatenciesMs = Object.fromEntries(
    RAW_SUBMIT_STEPS.map((s) => [s, parts.flatMap((p) => p.stepLatenciesMs[s])]),
  ) as Record<RawSubmitStep, number[]>;
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  return {
    ...first,
    latency: summarize(latenciesMs),
    steps: Object.fromEntries(RAW_SUBMIT_STEPS.map((s) => [s, summarize(stepLatenciesMs[s])])) as Record<
      RawSubmitStep,
      LatencySummary
    >,
    callsPerSecond: Math.round((latenciesMs.length / seconds) * 10) / 10,
    seconds,
    latenciesMs,
    stepLatenciesMs,
  };
}
