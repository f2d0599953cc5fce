import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import type { Role } from '../../shared/domain/reference-data.ts';
import { LOCAL_DIR } from './paths.ts';

/**
 * Local stand-in for Cognito: an ES256 key pair, tokens with the claims Cognito puts in an ID token
 * (`sub`, `email`, `cognito:groups`, `custom:facility`), and verification as API Gateway's JWT
 * authorizer does it (signature, issuer, audience, expiry).
 */
export const LOCAL_ISSUER = 'https://local.werkenzorg.invalid/issuer';
export const LOCAL_AUDIENCE = 'werk-en-zorg-local';
const ALGORITHM = 'ES256';

export interface TokenRequest {
  role: Role;
  sub?: string;
  email?: string;
  facility?: string;
  /** Lifetime in seconds (negative for an already expired token, in tests). */
  expiresInSeconds?: number;
}

export interface TokenIssuer {
  sign(request: TokenRequest): Promise<string>;
  verify(token: string): Promise<JWTPayload>;
}

function issuerFromKeys(privateKey: CryptoKey, publicKey: CryptoKey): TokenIssuer {
  return {
    async sign(request) {
      const now = Math.floor(Date.now() / 1000);
      const sub = request.sub ?? `local-${request.role}${request.facility ? `-${request.facility}` : ''}`;
      return new SignJWT({
        'cognito:groups': [request.role],
        email: request.email ?? `${sub}@example.org`,
        ...(request.facility ? { 'custom:facility': request.facility } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: 'local' })
        .setSubject(sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (request.expiresInSeconds ?? 12 * 3600))
        .sign(privateKey);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALGORITHM],
      });
      return payload;
    },
  };
}

/** A fresh key pair that lives in memory only (tests). */
export async function ephemeralTokenIssuer(): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return issuerFromKeys(privateKey, publicKey);
}

/** The key pair under `.local/`, generated on first use, shared by `npm start` and `npm run token`. */
export async function localTokenIssuer(dir = LOCAL_DIR): Promise<TokenIssuer> {
  const file = path.join(dir, 'jwt-signing-key.json');
  let jwks: { privateKey: JWK; publicKey: JWK };
  if (existsSync(file)) {
    jwks = JSON.parse(readFileSync(file, 'utf8')) as typeof jwks;
  } else {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    jwks = { privateKey: await exportJWK(privateKey), publicKey: await exportJWK(publicKey) };
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(jwks), { mode: 0o600 });
  }
  const privateKey = (await importJWK(jwks.privateKey, ALGORITHM)) as CryptoKey;
  const publicKey = (await importJWK(jwks.publicKey, ALGORITHM)) as CryptoKey;
  return issuerFromKeys(privateKey, publicKey);
}
