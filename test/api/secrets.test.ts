import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { resetDeps } from '../../shared/runtime/deps.ts';
import { SECRET_ID_VARIABLES } from '../../shared/runtime/secret-ids.ts';
import { signReceipt } from '../../shared/domain/receipt.ts';

/**
 * The HMAC keys are read at run time from Secrets Manager (the local cloud's endpoint, reached through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER as in AWS), cached, and never carried in the environment.
 */

let api: TestApi;
let department: string;
let realEndpoint: string;

const fields = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  trackingNumber: 'WZ-2026-0000000000000001',
  submittedAt: '2026-11-20T10:00:00.000Z',
  contentHash: 'a'.repeat(64),
};

async function secretValue(variable: string): Promise<string> {
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: process.env[variable] }));
    return SecretString!;
  } finally {
    client.destroy();
  }
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  api = await startTestApi();
  realEndpoint = process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER!;
  department = await api.token({ role: 'department', sub: 'civil-servant-1' });
});

afterEach(() => {
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = realEndpoint;
  resetDeps();
});

afterAll(() => api.close());

describe('the HMAC keys at run time', () => {
  it('are named in the environment, never held there', async () => {
    for (const variable of Object.values(SECRET_ID_VARIABLES)) {
      const value = await secretValue(variable);
      expect(Buffer.from(value, 'base64').length).toBeGreaterThanOrEqual(32);
      expect(Object.values(process.env), variable).not.toContain(value);
    }
    expect(process.env.RECEIPT_SIGNING_KEY).toBeUndefined();
    expect(process.env.CLIENT_PSEUDONYM_KEY).toBeUndefined();
  });

  it('the verify route checks signatures with the key Secrets Manager holds, read once and then cached', async () => {
    const key = Buffer.from(await secretValue(SECRET_ID_VARIABLES.receiptKey), 'base64');
    const before = api.secrets.reads();
    const ours = await api.request('POST', '/receipts/verify', { token: department, body: signReceipt(fields, key) });
    expect(ours.status, ours.text).toBe(200);
    expect(ours.body).toEqual({ valid: true, matchesRecord: false });
    const foreign = await api.request('POST', '/receipts/verify', {
      token: department,
      body: signReceipt(fields, randomBytes(32)),
    });
    expect(foreign.body).toEqual({ valid: false, matchesRecord: false });
    expect(api.secrets.reads() - before).toBe(1);
  });

  it('when Secrets Manager does not answer, the route answers 503 with Retry-After (not 500)', async () => {
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = await closedPortUrl();
    resetDeps(); // a cold start: nothing cached
    const response = await api.request('POST', '/receipts/verify', {
      token: department,
      body: signReceipt(fields, randomBytes(32)),
    });
    expect(response.status, response.text).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });
});
