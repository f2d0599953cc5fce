/**
 * `npm run synth` as CI runs it: the whole CDK app synthesized with every function bundled (esbuild, no
 * Docker) into a fresh directory; wall time of the process and the size of the cloud assembly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SynthResult {
  seconds: number;
  bytes: number;
  files: number;
  resources: number;
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = sizeOf(full);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(full).size;
      files++;
    }
  }
  return { bytes, files };
}

export async function measureSynth(repoRoot: string): Promise<SynthResult> {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'werk-en-zorg-synth-'));
  try {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(repoRoot, 'node_modules/.bin/cdk'), ['synth', '--quiet', '--output', outdir], {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`cdk synth failed (${code}): ${err.slice(-2000)}`)),
      );
    });
    const seconds = (performance.now() - started) / 1000;
    const template = readdirSync(outdir).find((f) => f.endsWith('.template.json'));
    const resources = template
      ? Object.keys((JSON.parse(readFileSync(path.join(outdir, template), 'utf8')) as { Resources: object }).Resources).length
      : 0;
    return { seconds: Math.round(seconds * 10) / 10, ...sizeOf(outdir), resources };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
