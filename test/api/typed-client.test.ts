import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { enterpriseNumber, mailbox } from '../helpers/fixtures.ts';
import { createApiClient, responseHeader, type ApiClient } from '../../client/client.ts';

/**
 * A facility's whole application through the typed client (openapi-fetch over client/api-types.ts, the
 * types `npm run client` generates from the OpenAPI document), against the local API, as a portal would
 * write it: no casts, no hand-written types, the ETag read through the headers the document declares.
 */
let api: TestApi;
let department: ApiClient;
let facility: ApiClient;
const LEAD = enterpriseNumber(1601);

/** The data of a success, or a failure naming the status and the problem. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = createApiClient(api.baseUrl, await api.token({ role: 'department', sub: 'dept-typed' }));
  facility = createApiClient(api.baseUrl, await api.token({ role: 'facility', facility: LEAD, sub: 'lead-typed' }));
});
afterAll(() => api.close());

describe('the typed client (client/)', () => {
  it('drives an application from draft to a verified receipt', async () => {
    // The department registers the lead (recognised by Jongerenwelzijn) and publishes a call.
    ok(
      await department.POST('/facilities', {
        body: { enterpriseNumber: LEAD, name: 'De Getypte Stek vzw', province: 'LIMBURG', email: mailbox('typed') },
      }),
    );
    ok(
      await department.POST('/facilities/{enterpriseNumber}/recognitions', {
        params: { path: { enterpriseNumber: LEAD } },
        body: { authority: 'JONGERENWELZIJN', reference: 'JW-16', validFrom: '2020-01-01' },
      }),
    );
    const call = ok(
      await department.POST('/calls', {
        body: {
          title: 'Oproep netwerken 2027',
          description: 'Netwerken van dienstverleners voor activeringstrajecten.',
          regions: ['LIMBURG'],
          submissionDeadline: '2026-12-01T12:00:00+01:00',
          maxNetworksPerRegion: 1,
          criteria: [{ id: 'approach', title: 'Aanpak', weight: 1, maxScore: 10 }],
        },
      }),
    );
    ok(await department.POST('/calls/{callId}/publish', { params: { path: { callId: call.callId } } }));

    // The facility finds the call, starts a draft and reads the eligibility report.
    const calls = ok(await facility.GET('/calls', { params: { query: { region: 'LIMBURG' } } }));
    expect(calls.items.map((c) => c.callId)).toContain(call.callId);
    const draft = ok(
      await facility.POST('/calls/{callId}/applications', {
        params: { path: { callId: call.callId } },
        body: { region: 'LIMBURG', partners: [], proposal: { summary: 'Netwerk Limburg', criteria: {} } },
      }),
    );
    expect(draft.status).toBe('DRAFT');
    const path = { callId: call.callId, applicationId: draft.applicationId };
    const before = ok(await facility.GET('/calls/{callId}/applications/{applicationId}/eligibility', { params: { path } }));
    expect(before.eligible).toBe(false);
    expect(before.rules.filter((check) => !check.passed).map((check) => check.rule)).toContain('criteria-answered');

    // Update with If-Match: the ETag of the GET, read through the headers the document declares for it.
    const read = await facility.GET('/calls/{callId}/applications/{applicationId}', { params: { path } });
    const etag = responseHeader('/calls/{callId}/applications/{applicationId}', 'get', read.response, 'ETag');
    if (etag === undefined) throw new Error('the GET declared an ETag and sent none');
    const proposal = { summary: 'Netwerk Limburg', criteria: { approach: 'Werk en zorg tegelijk.' } };
    const updated = await facility.PUT('/calls/{callId}/applications/{applicationId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { region: 'LIMBURG', partners: [], proposal },
    });
    expect(ok(updated).proposal).toEqual(proposal);
    expect(responseHeader('/calls/{callId}/applications/{applicationId}', 'put', updated.response, 'ETag')).not.toBe(etag);
    // The same ETag again is stale: a 412 problem, typed as the document's Problem.
    const stale = await facility.PUT('/calls/{callId}/applications/{applicationId}', {
      params: { path, header: { 'If-Match': etag } },
      body: { region: 'LIMBURG', partners: [], proposal },
    });
    expect(stale.response.status).toBe(412);
    // The error is the document's union of error bodies: a problem, or API Gateway's throttle message (429).
    expect(stale.error && 'type' in stale.error ? stale.error.type : undefined).toBe('/problems/stale-etag');

    // Eligible now: submit, read the receipt back, and have the department verify it.
    expect(
      ok(await facility.GET('/calls/{callId}/applications/{applicationId}/eligibility', { params: { path } })).eligible,
    ).toBe(true);
    const submitted = await facility.POST('/calls/{callId}/applications/{applicationId}/submit', { params: { path } });
    expect(submitted.response.status).toBe(201);
    const receipt = ok(submitted);
    expect(ok(await facility.GET('/calls/{callId}/applications/{applicationId}/receipt', { params: { path } }))).toEqual(receipt);
    expect(ok(await department.POST('/receipts/verify', { body: receipt }))).toEqual({ valid: true, matchesRecord: true });
    const forged = { ...receipt, contentHash: receipt.contentHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect(ok(await department.POST('/receipts/verify', { body: forged })).valid).toBe(false);
  });
});
