import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteSpec } from '../../shared/http/route.ts';
import { PROBLEM_CONTENT_TYPE, problems, type HttpProblem } from '../../shared/http/problem.ts';
import { routeList } from '../../shared/routes.ts';
import { apiFunctions, functionOfRoute } from '../../shared/functions.ts';
import { claimsAsApiGatewayPassesThem, lambdaContext, toApiGatewayEvent } from './api-event.ts';
import type { TokenIssuer } from './tokens.ts';
import { REPO_ROOT } from './paths.ts';
import { docsAsset, DOCS_HTML } from './docs-page.ts';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../../shared/http/cors.ts';

type LambdaHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit; the handlers enforce the API's 64 KB rule themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  paramNames: string[];
  /** Static segments count: API Gateway prefers the most specific route. */
  specificity: number;
}

function compile(spec: RouteSpec): CompiledRoute {
  const paramNames: string[] = [];
  const segments = spec.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1] as string);
        return '/([^/]+)';
      }
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return {
    spec,
    pattern: new RegExp(`^${source || '/'}$`),
    paramNames,
    specificity: segments.filter((s) => !s.startsWith('{')).length,
  };
}

export interface LocalApiOptions {
  tokens: TokenIssuer;
  /** Print one line per request. */
  log?: (line: string) => void;
  routes?: readonly RouteSpec[];
  /** The origins allowed to call from a browser (shared/http/cors.ts); none: no CORS, as the HTTP API without corsPreflight. */
  corsOrigins?: readonly string[];
}

/**
 * CORS as API Gateway's `corsPreflight` does it: with origins configured, a preflight (OPTIONS with
 * Access-Control-Request-Method) is answered 204 by the gateway itself, with the allowed methods and headers
 * when the Origin is allowed and without any CORS header when it is not; every other answer to an allowed
 * Origin names it and the headers it may read. Returns true when it answered the request.
 */
function applyCors(origins: readonly string[], req: IncomingMessage, res: ServerResponse, method: string): boolean {
  if (origins.length === 0) return false;
  const origin = req.headers.origin;
  const allowed = origin !== undefined && origins.includes(origin);
  res.setHeader('vary', 'Origin');
  if (allowed) res.setHeader('access-control-allow-origin', origin);
  if (method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    if (allowed) {
      res.setHeader('access-control-allow-methods', CORS_ALLOW_METHODS.join(','));
      res.setHeader('access-control-allow-headers', CORS_ALLOW_HEADERS.join(','));
      res.setHeader('access-control-max-age', String(CORS_MAX_AGE_SECONDS));
    }
    res.writeHead(204);
    res.end();
    return true;
  }
  if (allowed) res.setHeader('access-control-expose-headers', CORS_EXPOSE_HEADERS.join(','));
  return false;
}

function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  res.writeHead(problem.status, { ...problem.headers, 'content-type': PROBLEM_CONTENT_TYPE });
  res.end(JSON.stringify(problem.toBody()));
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function bearerToken(req: IncomingMessage): string | undefined {
  const value = req.headers.authorization;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
}

/**
 * The host and port a request came in on, as API Gateway's `requestContext.domainName` is the API's own
 * domain: the Host header when it names this server (`localhost` or the address the connection reached,
 * with the port it reached), otherwise that address itself. A Host header naming anything else is never
 * passed on (the OpenAPI document's `servers` is built from it).
 */
export function ownHost(req: IncomingMessage): string {
  // An IPv4 address reached over a dual-stack socket reads ::ffff:127.0.0.1; an IPv6 one is bracketed in a host.
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const ownAddress = address.includes(':') ? `[${address}]` : address;
  const port = req.socket.localPort ?? 0;
  const host = req.headers.host?.toLowerCase();
  const accepted = [`localhost:${port}`, `${ownAddress}:${port}`];
  return host !== undefined && accepted.includes(host) ? host : `${ownAddress}:${port}`;
}

/**
 * The local stand-in for API Gateway: serves exactly the route table, verifies bearer tokens as the JWT
 * authorizer does, builds payload format 2.0 events and calls the same function entries Lambda runs
 * (shared/functions.ts), whose dispatchers pick the route's handler.
 */
export function createLocalApi(options: LocalApiOptions): Server {
  const compiled = (options.routes ?? routeList).map(compile).sort((a, b) => b.specificity - a.specificity);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  // Verified tokens, until they expire: the signature check costs more than the rest of the local hop.
  const verified = new Map<string, { claims: Record<string, string>; expiresAt: number }>();
  const claimsOf = async (token: string) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.claims;
    const payload = await options.tokens.verify(token);
    const claims = claimsAsApiGatewayPassesThem(payload);
    if (verified.size > 10_000) verified.clear();
    verified.set(token, { claims, expiresAt: (payload.exp ?? 0) * 1000 });
    return claims;
  };
  // The function that serves the route in AWS (shared/functions.ts): its entry's dispatcher picks the
  // route's handler by the event's routeKey, as it does in Lambda.
  const functionOf = new Map(compiled.map(({ spec }) => [spec.operationId, functionOfRoute(spec.operationId)]));
  const loadFunction = (spec: RouteSpec) => {
    const functionId = functionOf.get(spec.operationId)!;
    let loaded = handlers.get(functionId);
    if (!loaded) {
      const entry = pathToFileURL(path.join(REPO_ROOT, apiFunctions[functionId].entry)).href;
      loaded = (import(entry) as Promise<{ handler: LambdaHandler }>).then((m) => m.handler);
      handlers.set(functionId, loaded);
    }
    return { functionId, handler: loaded };
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    res.on('finish', () =>
      options.log?.(
        `${method} ${url.pathname}${url.search} → ${res.statusCode} (${(performance.now() - started).toFixed(1)} ms)`,
      ),
    );
    try {
      if (applyCors(options.corsOrigins ?? [], req, res, method)) return;
      if (method === 'GET' && (url.pathname === '/docs' || url.pathname.startsWith('/docs/'))) {
        return await serveDocs(url.pathname, res);
      }
      let match: { route: CompiledRoute; params: Record<string, string> } | undefined;
      for (const route of compiled) {
        if (route.spec.method !== method) continue;
        const found = route.pattern.exec(url.pathname);
        if (!found) continue;
        const params: Record<string, string> = {};
        route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] as string)));
        match = { route, params };
        break;
      }
      if (!match) return sendProblem(res, problems.notFound(`${method} ${url.pathname}`));
      const body = await readBody(req);
      if (body === 'too-large') return sendProblem(res, problems.payloadTooLarge(GATEWAY_MAX_BODY));
      let claims: Record<string, string> | undefined;
      if (match.route.spec.auth !== 'public') {
        const token = bearerToken(req);
        if (!token) return sendProblem(res, problems.unauthorized());
        try {
          claims = await claimsOf(token);
        } catch {
          return sendProblem(res, problems.unauthorized());
        }
      }
      const event = toApiGatewayEvent({
        method,
        url,
        headers: req.headers,
        body,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        domainName: ownHost(req),
        routePath: match.route.spec.path,
        pathParameters: match.params,
        ...(claims ? { claims } : {}),
      });
      const fn = loadFunction(match.route.spec);
      const result = await (await fn.handler)(event, lambdaContext(fn.functionId));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
      res.writeHead(result.statusCode ?? 200, headers);
      res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    } catch (error) {
      // A handler never throws (middy turns errors into problems); this is the local API's own failure.
      console.error('local API error:', error instanceof Error ? error.name : error);
      if (!res.headersSent) sendProblem(res, problems.internal());
      else res.end();
    }
  };

  // Node's server ignores what a request listener returns: a failure the handler did not catch itself
  // (a malformed Host header, say) is answered here rather than left as an unhandled rejection.
  return createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error('local API error:', error instanceof Error ? error.name : error);
      if (!res.headersSent) sendProblem(res, problems.internal());
      else res.end();
    });
  });

  async function serveDocs(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/docs' || pathname === '/docs/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(DOCS_HTML);
      return;
    }
    const asset = docsAsset(pathname.slice('/docs/'.length));
    if (!asset) return sendProblem(res, problems.notFound(pathname));
    res.writeHead(200, { 'content-type': asset.contentType });
    res.end(await readFile(asset.file));
  }
}

/**
 * Listen on `port` (0: any free one) on loopback; rejects with a clear message when the port is taken:
 * `what` names the server, `advice` says how to move it (the local cloud names the variable: ports.ts).
 */
export function listen(server: Server, port: number, options: { what?: string; advice?: string } = {}): Promise<number> {
  const host = '127.0.0.1';
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `${options.what ?? 'Server'}: port ${port} on ${host} is already in use. ${options.advice ?? 'Stop what is using it, or pick another port.'}`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
