// `npm run openapi:lint`: lints the OpenAPI document with Spectral (`spectral:oas`, .spectral.yaml) and
// Redocly (`recommended`, redocly.yaml); fails on any warning. A test runs the same (test/unit/openapi-lint.test.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { referenceDocument } from '../openapi/document.ts';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);

export interface LintFinding {
  tool: 'spectral' | 'redocly';
  rule: string;
  severity: string;
  where: string;
  message: string;
}

/** Spectral's findings (any severity) on the document at `file`. */
async function spectral(file: string): Promise<LintFinding[]> {
  const { stdout } = await run(
    bin('spectral'),
    [
      'lint',
      file,
      '--ruleset',
      path.join(REPO_ROOT, '.spectral.yaml'),
      '--format',
      'json',
      '--fail-severity',
      'error',
      '--quiet',
    ],
    { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const severities = ['error', 'warning', 'info', 'hint'];
  const results = JSON.parse(stdout.trim() || '[]') as Array<{ code: string; severity: number; path: string[]; message: string }>;
  return results.map((r) => ({
    tool: 'spectral',
    rule: String(r.code),
    severity: severities[r.severity] ?? String(r.severity),
    where: r.path.join('.'),
    message: r.message,
  }));
}

/** Redocly's findings (any severity) on the document at `file`. */
async function redocly(file: string): Promise<LintFinding[]> {
  const { stdout } = await run(
    bin('redocly'),
    ['lint', file, '--config', path.join(REPO_ROOT, 'redocly.yaml'), '--format', 'json'],
    {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')) || '{}') as {
    problems?: Array<{ ruleId: string; severity: string; message: string; location?: Array<{ pointer?: string }> }>;
  };
  if (!report.problems) throw new Error(`redocly lint gave no report: ${stdout.slice(0, 500)}`);
  return report.problems.map((p) => ({
    tool: 'redocly',
    rule: p.ruleId,
    severity: p.severity,
    where: p.location?.[0]?.pointer ?? '',
    message: p.message,
  }));
}

/** Both linters' findings on a document (by default the one generated now). */
export async function lintOpenApi(document: object = referenceDocument()): Promise<LintFinding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'openapi-lint-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const [a, b] = await Promise.all([spectral(file), redocly(file)]);
    return [...a, ...b];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const findings = await lintOpenApi();
  for (const f of findings) console.log(`${f.tool} ${f.severity} ${f.rule} ${f.where}: ${f.message}`);
  console.error(findings.length === 0 ? 'spectral:oas and redocly recommended: no findings' : `${findings.length} findings`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
