import { spawn } from 'node:child_process';
import { mkdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { median, round } from './stats.ts';

/**
 * Bundling as CDK's NodejsFunction does it for our functions (infra/constructs/route-function.ts,
 * ESM_BUNDLING): `--bundle --target=node22 --platform=node --format=esm --minify --sourcemap
 * --main-fields=module,main --banner:js=…`, output `index.mjs`. CDK's default for Node 18+ runtimes is
 * `--external:@aws-sdk/*` (the runtime ships SDK v3); `bundleAwsSDK: true` bundles it instead.
 */
export const CDK_BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

export type SdkMode = 'sdkBundled' | 'sdkExternal';
export const SDK_MODES: readonly SdkMode[] = ['sdkBundled', 'sdkExternal'];

export const EMPTY_HANDLER_SOURCE = 'export const handler = async () => ({ statusCode: 200 });\n';

/** A reference: nothing but the DynamoDB document client our handlers build at import. */
export const SDK_CLIENT_ONLY_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
export const handler = async () => ({ statusCode: 200, body: typeof ddb.send });
`;

export interface BundleTarget {
  /** operationId, or the name of a reference handler. */
  name: string;
  /** Entry module relative to the repository root (a route's handler)… */
  entry?: string;
  /** …or the source of a reference handler. */
  source?: string;
  /** False when the code imports no SDK, so both modes give the same bundle: built once, mode `none`. */
  importsSdk: boolean;
  /** Packages CDK installs next to the bundle instead of bundling (the route's `nodeModules`). */
  externals?: readonly string[];
  /** An event to answer once right after the import (the functions that need no AWS service), timed too. */
  firstRequest?: unknown;
}

export interface BuiltBundle {
  name: string;
  /** `none` when the code imports no SDK (the empty handler): both modes would give the same bundle. */
  mode: SdkMode | 'none';
  file: string;
  bytes: number;
  sourceMapBytes: number;
  firstRequest?: unknown;
}

function esbuildOptions(repoRoot: string, target: BundleTarget, mode: SdkMode | 'none', outfile: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    ...(target.entry
      ? { entryPoints: [target.entry] }
      : { stdin: { contents: target.source ?? '', loader: 'ts', resolveDir: repoRoot, sourcefile: `${target.name}.ts` } }),
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: CDK_BANNER },
    external: [...(mode === 'sdkExternal' ? ['@aws-sdk/*'] : []), ...(target.externals ?? [])],
    logLevel: 'error',
  };
}

/**
 * Bundles every target in both SDK modes into `outDir/<mode>/<name>/index.mjs`. `outDir` gets a
 * `node_modules` link to the repository's, so the external `@aws-sdk/*` imports resolve (as the Lambda
 * runtime's own SDK copy would).
 */
export async function buildBundles(repoRoot: string, outDir: string, targets: readonly BundleTarget[]): Promise<BuiltBundle[]> {
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  const jobs = targets.flatMap((target) =>
    (target.importsSdk ? SDK_MODES : (['none'] as const)).map(async (mode): Promise<BuiltBundle> => {
      const dir = path.join(outDir, mode, target.name);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'index.mjs');
      try {
        await build(esbuildOptions(repoRoot, target, mode, file));
      } catch (error) {
        const what = `${target.name} (${target.entry ?? 'reference handler'}, ${mode})`;
        throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return {
        name: target.name,
        mode,
        file,
        bytes: statSync(file).size,
        sourceMapBytes: statSync(`${file}.map`).size,
        ...(target.firstRequest === undefined ? {} : { firstRequest: target.firstRequest }),
      };
    }),
  );
  // Wait for every build, so nothing still writes into outDir when the caller gives up and removes it.
  const settled = await Promise.allSettled(jobs);
  const failures = settled.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
  if (failures.length > 0) throw new Error(`cannot bundle ${failures.length} function(s):\n  ${failures.join('\n  ')}`);
  return settled.map((r) => (r as PromiseFulfilledResult<BuiltBundle>).value);
}

/**
 * Runs in the fresh process: time from just before `import()` to a usable `handler`, and the CPU time the
 * process spent meanwhile (all its threads: V8's compiler and GC helpers included). On a shared machine the
 * wall time also holds the time spent waiting for a core; the CPU time does not.
 */
const COLD_IMPORT_SCRIPT = `
const cpu = process.cpuUsage();
const started = performance.now();
const mod = await import(process.env.BENCH_BUNDLE_URL);
if (typeof mod.handler !== 'function') throw new Error('the bundle exports no handler function');
const ready = performance.now();
const used = process.cpuUsage(cpu);
let firstRequestMs;
if (process.env.BENCH_EVENT) {
  const result = await mod.handler(JSON.parse(process.env.BENCH_EVENT), {});
  firstRequestMs = performance.now() - ready;
  if (result && result.statusCode !== 200) throw new Error('the first request was answered ' + result.statusCode + ': ' + result.body);
}
process.stdout.write(JSON.stringify({ importMs: ready - started, importCpuMs: (used.user + used.system) / 1000, sinceProcessStartMs: ready, firstRequestMs }));
`;

export interface ColdImportSample {
  importMs: number;
  /** CPU time (user + system, every thread of the process) spent during the import. */
  importCpuMs: number;
  /** From the process's time origin to a ready handler: Node's own start-up plus the import. */
  sinceProcessStartMs: number;
  /** The first request's answer right after the import, when the bundle was given one. */
  firstRequestMs?: number;
}

/** The environment a function has in Lambda, enough for `getDeps()` at import (no network at import). */
export function coldImportEnvironment(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: 'bench',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    TABLE_NAME: 'werk-en-zorg-bench',
    MAIL_FROM: 'no-reply@werkenzorg.vlaanderen.be',
    POWERTOOLS_SERVICE_NAME: 'werk-en-zorg-bench',
  };
}

export function coldImportOnce(file: string, options: { sourceMaps: boolean }, firstRequest?: unknown): Promise<ColdImportSample> {
  return new Promise((resolve, reject) => {
    const args = [...(options.sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', COLD_IMPORT_SCRIPT];
    const child = spawn(process.execPath, args, {
      env: {
        ...coldImportEnvironment(),
        BENCH_BUNDLE_URL: pathToFileURL(file).href,
        ...(firstRequest === undefined ? {} : { BENCH_EVENT: JSON.stringify(firstRequest) }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`cold import of ${file} failed (exit ${code}): ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out) as ColdImportSample);
      } catch {
        reject(new Error(`cold import of ${file} printed no result: ${out.slice(0, 500)} ${err.slice(-1000)}`));
      }
    });
  });
}

export interface ColdImportResult {
  name: string;
  mode: SdkMode | 'none';
  sourceMaps: boolean;
  runs: number;
  importMsMedian: number;
  importCpuMsMedian: number;
  sinceProcessStartMsMedian: number;
  /** Import and the first request's answer, for the bundles given one. */
  importAndFirstRequestMsMedian?: number;
  importMsSamples: number[];
}

/**
 * Median cold import per bundle over `runs` timed rounds that go round-robin over the bundles, so drift on
 * the machine hits them all alike. (The bundles were just written, so they are in the file cache.)
 */
export async function measureColdImports(
  bundles: readonly BuiltBundle[],
  options: { runs: number; sourceMaps: boolean },
): Promise<ColdImportResult[]> {
  const samples = bundles.map(() => [] as ColdImportSample[]);
  for (let run = 0; run < options.runs; run++) {
    for (const [i, bundle] of bundles.entries()) samples[i]!.push(await coldImportOnce(bundle.file, options, bundle.firstRequest));
  }
  return bundles.map((bundle, i) => {
    const mine = samples[i] as ColdImportSample[];
    return {
      name: bundle.name,
      mode: bundle.mode,
      sourceMaps: options.sourceMaps,
      runs: options.runs,
      importMsMedian: round(median(mine.map((s) => s.importMs))),
      importCpuMsMedian: round(median(mine.map((s) => s.importCpuMs))),
      sinceProcessStartMsMedian: round(median(mine.map((s) => s.sinceProcessStartMs))),
      ...(bundle.firstRequest === undefined
        ? {}
        : { importAndFirstRequestMsMedian: round(median(mine.map((s) => s.importMs + (s.firstRequestMs ?? 0)))) }),
      importMsSamples: mine.map((s) => round(s.importMs)),
    };
  });
}
