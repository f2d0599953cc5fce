import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { SECRET_ID_VARIABLES } from '../../shared/runtime/secret-ids.ts';
import { LOCAL_REGION } from './paths.ts';

/** The names of the two secrets locally (in AWS the environment names them by ARN). */
export const LOCAL_SECRET_NAMES = {
  receiptKey: 'werk-en-zorg/receipt-signing-key',
  pseudonymKey: 'werk-en-zorg/client-pseudonym-key',
} as const;

export interface LocalSecrets {
  endpoint: string;
  /** For the handlers: AWS_ENDPOINT_URL_SECRETS_MANAGER and the variables that name the two secrets. */
  environment: Record<string, string>;
  /** How many GetSecretValue calls it answered (tests check the handlers' cache). */
  reads(): number;
  stop(): Promise<void>;
}

/**
 * The local Secrets Manager: GetSecretValue on the JSON protocol for the two HMAC keys, so handlers read
 * them exactly as in AWS (Powertools Parameters → the SDK client, which finds this endpoint through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER). No npm emulator of Secrets Manager works offline; this is the one
 * call the handlers make. Values are base64 keys (the local cloud's come from `.local/`, tests' are random).
 */
export async function startLocalSecrets(
  options: { port?: number; portAdvice?: string; receiptSigningKey?: string; clientPseudonymKey?: string } = {},
): Promise<LocalSecrets> {
  const values = new Map<string, string>([
    [LOCAL_SECRET_NAMES.receiptKey, options.receiptSigningKey ?? randomBytes(32).toString('base64')],
    [LOCAL_SECRET_NAMES.pseudonymKey, options.clientPseudonymKey ?? randomBytes(32).toString('base64')],
  ]);
  let reads = 0;
  const arnOf = (name: string) => `arn:aws:secretsmanager:${LOCAL_REGION}:000000000000:secret:${name}`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target !== 'secretsmanager.GetSecretValue') {
        return send(400, { __type: 'InvalidRequestException', message: `${target || 'this action'} is not served locally` });
      }
      let secretId = '';
      try {
        const requested = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId?: unknown }).SecretId;
        secretId = typeof requested === 'string' ? requested : '';
      } catch {
        return send(400, { __type: 'InvalidRequestException', message: 'malformed JSON' });
      }
      const name = [...values.keys()].find((n) => secretId === n || secretId === arnOf(n));
      if (!name)
        return send(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      reads += 1;
      return send(200, {
        ARN: arnOf(name),
        Name: name,
        SecretString: values.get(name),
        VersionId: randomUUID(),
        VersionStages: ['AWSCURRENT'],
        CreatedDate: Date.now() / 1000,
      });
    });
  });
  const { listen } = await import('./api-server.ts');
  const port = await listen(server, options.port ?? 0, {
    what: 'Local Secrets Manager',
    ...(options.portAdvice ? { advice: options.portAdvice } : {}),
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    environment: {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      [SECRET_ID_VARIABLES.receiptKey]: LOCAL_SECRET_NAMES.receiptKey,
      [SECRET_ID_VARIABLES.pseudonymKey]: LOCAL_SECRET_NAMES.pseudonymKey,
    },
    reads: () => reads,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
