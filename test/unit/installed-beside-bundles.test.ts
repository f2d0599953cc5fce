import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterBundlingHooks, ESM_BUNDLING, separateBundle, TRIM_INSTALLED_MODULES } from '../../infra/constructs/route-function.ts';
import { coldImportEnvironment } from '../../bench/bundles.ts';
import { apiFunctions, separateBundlesOf } from '../../shared/functions.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { ENCRYPTION_SDK_EXPORTS, ENCRYPTION_SDK_PACKAGE } from '../../shared/runtime/encryption-sdk.ts';

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))],
  );
}

describe('the packages installed next to a bundle (nodeModules)', () => {
  it('lose their source maps and browser, standalone and legacy builds; what Node loads stays', () => {
    const output = mkdtempSync(path.join(tmpdir(), 'wez-trim-'));
    try {
      const files = [
        'node_modules/pdfkit/js/pdfkit.node.mjs',
        'node_modules/pdfkit/js/pdfkit.js',
        'node_modules/pdfkit/js/standard-fonts/Helvetica.mjs',
        'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
        'node_modules/pdfkit/js/pdfkit.node.mjs.map',
        'node_modules/pdfkit/js/pdfkit.browser.mjs',
        'node_modules/pdfkit/js/pdfkit.browser.old.js',
        'node_modules/pdfkit/js/pdfkit.standalone.js',
        'node_modules/pdfkit/js/pdfkit.old.js',
        'node_modules/fontkit/dist/module.mjs',
        'node_modules/fontkit/dist/main.cjs',
        'node_modules/fontkit/dist/browser-module.mjs',
        'node_modules/fontkit/dist/browser.cjs',
        'node_modules/fontkit/dist/module.mjs.map',
        'node_modules/linebreak/src/linebreaker.js',
        'index.mjs',
        'index.mjs.map',
      ];
      for (const file of files) {
        mkdirSync(path.dirname(path.join(output, file)), { recursive: true });
        writeFileSync(path.join(output, file), 'x');
      }
      for (const command of TRIM_INSTALLED_MODULES.afterBundling('/in', output)) execFileSync('bash', ['-c', command]);
      expect(filesUnder(output).sort()).toEqual(
        [
          'index.mjs',
          'index.mjs.map', // the function's own source map (NODE_OPTIONS=--enable-source-maps) is not in node_modules
          'node_modules/fontkit/dist/main.cjs',
          'node_modules/fontkit/dist/module.mjs',
          'node_modules/linebreak/src/linebreaker.js',
          'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
          'node_modules/pdfkit/js/pdfkit.js',
          'node_modules/pdfkit/js/pdfkit.node.mjs',
          'node_modules/pdfkit/js/standard-fonts/Helvetica.mjs',
        ].sort(),
      );
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});

describe('the Encryption SDK in a bundle of its own (separateBundles)', () => {
  it('is built next to the bundle with the exports the cipher uses, and seals and opens a value from there', () => {
    const output = mkdtempSync(path.join(tmpdir(), 'wez-separate-'));
    try {
      for (const command of separateBundle(REPO_ROOT, output, ENCRYPTION_SDK_PACKAGE)) execFileSync('bash', ['-c', command]);
      // A script beside the bundle, as the function's own index.mjs: Node resolves the import to that file.
      writeFileSync(
        path.join(output, 'roundtrip.mjs'),
        [
          `const sdk = await import('${ENCRYPTION_SDK_PACKAGE}');`,
          `const names = ${JSON.stringify([...ENCRYPTION_SDK_EXPORTS])}.filter((n) => sdk[n] === undefined);`,
          'const keyring = new sdk.RawAesKeyringNode({ keyNamespace: "n", keyName: "k", unencryptedMasterKey: new Uint8Array(32).fill(7),',
          '  wrappingSuite: sdk.RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING });',
          'const { encrypt, decrypt } = sdk.buildClient(sdk.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);',
          'const { result } = await encrypt(keyring, "deelnemer", { encryptionContext: { purpose: "test" } });',
          'const { plaintext } = await decrypt(keyring, result);',
          `console.log(JSON.stringify({ missing: names, plaintext: plaintext.toString(), resolved: import.meta.resolve('${ENCRYPTION_SDK_PACKAGE}') }));`,
        ].join('\n'),
      );
      const answer = JSON.parse(execFileSync(process.execPath, [path.join(output, 'roundtrip.mjs')], { cwd: output, encoding: 'utf8' })) as {
        missing: string[];
        plaintext: string;
        resolved: string;
      };
      expect(answer).toEqual({
        missing: [],
        plaintext: 'deelnemer',
        resolved: pathToFileURL(path.join(output, 'node_modules', ENCRYPTION_SDK_PACKAGE, 'index.mjs')).href,
      });
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Builds a function's bundle as CDK does (its separate modules left out), then runs the hook that follows it. */
async function buildWithSeparateModules(id: 'Reference' | 'OpenApi', output: string): Promise<string[]> {
  const { metafile } = await build({
    metafile: true,
    absWorkingDir: REPO_ROOT,
    entryPoints: [apiFunctions[id].entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    banner: { js: ESM_BUNDLING.banner },
    external: [...separateBundlesOf(id)],
    outfile: path.join(output, 'index.mjs'),
    logLevel: 'error',
  });
  const hooks = afterBundlingHooks(REPO_ROOT, separateBundlesOf(id), false);
  for (const command of hooks.afterBundling(REPO_ROOT, output)) execFileSync('bash', ['-c', command]);
  return Object.keys(metafile.inputs);
}

/** Runs `script` beside the bundle in a fresh Node, as Lambda would load index.mjs, and parses what it prints. */
function runBeside(output: string, script: string[]): Record<string, unknown> {
  writeFileSync(path.join(output, 'invoke.mjs'), script.join('\n'));
  return JSON.parse(
    execFileSync(process.execPath, [path.join(output, 'invoke.mjs')], { cwd: output, encoding: 'utf8', env: { ...coldImportEnvironment() } }),
  ) as Record<string, unknown>;
}

describe("a function's own modules and data beside its bundle (separateModules)", () => {
  it('Reference: the answers file and #reference-routes are put beside index.mjs and mapped there; the routes are imported on the first request the answers do not settle', async () => {
    const output = mkdtempSync(path.join(tmpdir(), 'wez-separate-module-'));
    try {
      const inputs = await buildWithSeparateModules('Reference', output);
      expect(filesUnder(output).sort()).toEqual(
        ['index.mjs', 'package.json', 'reference-answers.json', 'reference-routes.mjs', 'reference-routes.mjs.map'].sort(),
      );
      // The entry carries neither zod, nor middy, nor Powertools, nor the route handlers.
      expect(inputs.filter((input) => /node_modules\/(zod|@middy|@aws-lambda-powertools)\/|functions\/(rules|privacy|problems)\//.test(input))).toEqual([]);
      const answer = runBeside(output, [
        "const { handler } = await import('./index.mjs');",
        "const claims = { sub: 'u', 'cognito:groups': '[department]' };",
        "const base = { headers: {}, requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims } } } };",
        "const today = await handler({ ...base, routeKey: 'GET /rules', rawPath: '/rules', rawQueryString: '' }, {});",
        "const onDate = await handler({ ...base, routeKey: 'GET /rules', rawPath: '/rules', rawQueryString: 'on=2023-07-01', queryStringParameters: { on: '2023-07-01' } }, {});",
        "console.log(JSON.stringify({ today: today.statusCode, rules: JSON.parse(today.body).items.length > 0, onDate: onDate.statusCode, on: JSON.parse(onDate.body).on, resolved: import.meta.resolve('#reference-routes') }));",
      ]);
      expect(answer).toEqual({
        today: 200,
        rules: true,
        onDate: 200,
        on: '2023-07-01',
        resolved: pathToFileURL(path.join(output, 'reference-routes.mjs')).href,
      });
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 60_000);

  it('OpenApi: the document is a file beside index.mjs, read on the first request', async () => {
    const output = mkdtempSync(path.join(tmpdir(), 'wez-separate-data-'));
    try {
      await buildWithSeparateModules('OpenApi', output);
      expect(filesUnder(output).sort()).toEqual(['index.mjs', 'openapi-document.json', 'package.json']);
      const answer = runBeside(output, [
        "const { handler } = await import('./index.mjs');",
        "const result = await handler({ routeKey: 'GET /openapi.json', rawPath: '/openapi.json', headers: { host: 'api.example' }, requestContext: { domainName: 'api.example', http: { method: 'GET' } } }, {});",
        'const document = JSON.parse(result.body);',
        'console.log(JSON.stringify({ status: result.statusCode, openapi: document.openapi, paths: Object.keys(document.paths).length }));',
      ]);
      expect(answer).toMatchObject({ status: 200, openapi: expect.stringMatching(/^3\.1/) as unknown });
      expect(answer.paths).toBeGreaterThan(50);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 60_000);
});
