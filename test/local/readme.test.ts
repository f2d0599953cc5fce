import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { LOCAL_PORTS } from '../../infra/local/ports.ts';
import { freeCloudPorts, startLocalCloud, stateFile } from '../helpers/local-cloud.ts';

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const WALK_THROUGH = '<!-- walk-through -->';
const NOT_RUN = /^<!-- not run: .+ -->$/;

interface ShellBlock {
  /** 1-based line of the opening fence. */
  line: number;
  marker: string;
  code: string;
}

/** Every ```sh block of the README, with the comment line before its fence (its marker). */
function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```sh')) continue;
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    blocks.push({ line: i + 1, marker: (lines[before] ?? '').trim(), code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

describe('README.md', () => {
  const blocks = shellBlocks(README);

  it('marks every shell block as a walk-through (run by this test) or says why it is not run', () => {
    const unmarked = blocks.filter((b) => b.marker !== WALK_THROUGH && !NOT_RUN.test(b.marker)).map((b) => b.line);
    expect(unmarked, 'shell blocks without <!-- walk-through --> or <!-- not run: why --> before the fence').toEqual([]);
    expect(blocks.filter((b) => b.marker === WALK_THROUGH).length).toBeGreaterThanOrEqual(10);
    // No placeholder for the reader to fill in: ids are captured into variables.
    for (const block of blocks.filter((b) => b.marker === WALK_THROUGH)) {
      expect(block.code, `block at line ${block.line}`).not.toMatch(/<[A-Za-z]+Id>|<[a-z]+>/);
    }
  });

  it('names every port variable of the local cloud, and no other', () => {
    for (const port of LOCAL_PORTS) expect(README).toContain(`| \`${port.variable}\``);
    const named = new Set(README.match(/\b[A-Z]+_PORT\b/g));
    expect([...named].sort()).toEqual(
      LOCAL_PORTS.map((p) => p.variable)
        .filter((v) => v !== 'PORT')
        .sort(),
    );
  });

  it('runs its walk-throughs, top to bottom in one bash, against a fresh local cloud', async () => {
    for (const tool of ['bash', 'curl', 'jq']) {
      expect(spawnSync(tool, ['--version']).status, `${tool} is needed by the README's walk-throughs`).toBe(0);
    }
    const { api, ses, env } = await freeCloudPorts();
    const state = stateFile();
    const cloud = startLocalCloud({ ...env, LOCAL_CLOUD_STATE: state });
    const workDir = mkdtempSync(path.join(tmpdir(), 'wez-readme-'));
    try {
      await cloud.waitFor('Local cloud is up');
      // The README speaks of the default ports; this cloud listens on free ones.
      const walkThroughs = blocks
        .filter((b) => b.marker === WALK_THROUGH)
        .map((b) => `echo "--- README line ${b.line}" >&2\n${b.code}`)
        .join('\n')
        .replaceAll('localhost:3000', `127.0.0.1:${api}`)
        .replaceAll(/(localhost|127\.0\.0\.1):8005/g, `127.0.0.1:${ses}`);
      const script = path.join(workDir, 'walk-through.sh');
      // In a folder of its own (the blocks write receipt.json and overeenkomst.pdf); npm runs this repository's scripts.
      writeFileSync(script, `set -euo pipefail\nnpm() { command npm --prefix '${REPO_ROOT}' "$@"; }\n${walkThroughs}\n`);
      const run = spawnSync('bash', [script], {
        cwd: workDir,
        env: { ...process.env, LOCAL_CLOUD_STATE: state },
        encoding: 'utf8',
        timeout: 240_000,
      });
      const where = run.stderr
        .split('\n')
        .filter((l) => l.startsWith('--- README line'))
        .at(-1);
      expect(run.status, `failed after ${where}:\n${run.stderr.slice(-3000)}\n${run.stdout.slice(-2000)}`).toBe(0);
      // Spot checks that the walk-throughs did what they say, not merely exited 0.
      expect(run.stdout).toContain('"status":"WITHDRAWN"');
      expect(run.stdout).toContain('{"valid":true,"matchesRecord":true}');
      expect(run.stdout).toContain('"ACTIVE"');
      expect(run.stdout).toContain('"itemsRead": 0');
      expect(run.stdout).toContain('idempotent-replayed: true');
      // Moving time: past the deadline a draft is refused, the selection decides, the objection is answered,
      // and a trajectory gets its 60-, 30- and 7-day notices.
      expect(run.stdout).toContain('{"status":409,"rule":"call-open"}');
      expect(run.stdout).toContain('"status":"SELECTED"');
      expect(run.stdout).toContain('"status":"NOT_SELECTED"');
      expect(run.stdout).toContain('"decision":"REJECTED"');
      for (const days of [60, 30, 7]) expect(run.stdout).toContain(`loopt over ${days} dagen af`);
    } finally {
      cloud.child.kill('SIGINT');
      await cloud.exited;
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 330_000);
});
