/**
 * A typed client of the API: openapi-fetch over the types `npm run client` generates from the OpenAPI
 * document (client/api-types.ts). Every path, parameter, body and answer is typed; so are the response
 * headers an operation declares (ETag, Location, Retry-After), read with `responseHeader`.
 *
 *   const api = createApiClient('http://127.0.0.1:3000', token);   // in AWS: the stack's ApiUrl output
 *   const read = await api.GET('/calls/{callId}', { params: { path: { callId } } });
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api-types.ts';

export type { paths, operations, components } from './api-types.ts';
export type ApiClient = Client<paths>;

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The methods a path has (the generated types mark the others `never`). */
export type MethodOf<P extends keyof paths> = {
  [M in Method]: paths[P][M] extends undefined ? never : M;
}[Method];

/** The headers an operation's answers declare, by name: `ETag`, `Location`, `Retry-After`… (not the index signature). */
export type DeclaredHeaders<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Responses[Status] extends { headers: infer Headers }
        ? { [Name in keyof Headers as string extends Name ? never : number extends Name ? never : Name]: Headers[Name] }
        : never;
    }[keyof Responses]
  : never;

/** The name of a header some answer of the operation `method path` declares. */
export type DeclaredHeaderName<P extends keyof paths, M extends MethodOf<P>> = keyof UnionToIntersection<
  DeclaredHeaders<paths[P][M]>
> &
  string;

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (all: infer I) => void ? I : never;

export function createApiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<paths>({ baseUrl, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
}

/**
 * A response header the OpenAPI document declares for `method path`: `responseHeader('/calls/{callId}',
 * 'get', read.response, 'ETag')`. A header the operation does not declare (or a misspelt one) does not compile.
 */
export function responseHeader<P extends keyof paths, M extends MethodOf<P>>(
  _path: P,
  _method: M,
  response: Response,
  name: DeclaredHeaderName<P, M>,
): string | undefined {
  return response.headers.get(name) ?? undefined;
}
