import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedStateMachines, sourcesKey, WORKFLOW_SOURCES } from '../../infra/local/workflow-cache.ts';
import type { LocalStateMachine } from '../../infra/local/workflow-runner.ts';

/** A little source tree and a counting "synth" whose result names how many times it ran. */
function fixture() {
  const root = mkdtempSync(path.join(tmpdir(), 'wez-cache-'));
  mkdirSync(path.join(root, 'infra', 'constructs'), { recursive: true });
  mkdirSync(path.join(root, 'shared', 'workflows'), { recursive: true });
  writeFileSync(path.join(root, 'infra', 'constructs', 'selection-workflow.ts'), 'export const retries = 2;\n');
  writeFileSync(path.join(root, 'shared', 'workflows', 'tasks.ts'), 'export const tasks = 7;\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  let synths = 0;
  const synthesize = (): Promise<LocalStateMachine[]> => {
    synths += 1;
    return Promise.resolve([
      {
        logicalId: `Selection${synths}`,
        arn: `arn:aws:states:eu-west-1:000000000000:stateMachine:Selection${synths}`,
        definition: { StartAt: 'A', States: {} },
        taskHandlers: {},
      },
    ]);
  };
  const sources = ['infra', 'shared', 'package-lock.json'];
  const cacheFile = path.join(root, '.local', 'cache', 'state-machines.json');
  const load = () => cachedStateMachines({ synthesize, root, sources, cacheFile });
  return { root, load, cacheFile, synths: () => synths, cleanUp: () => rmSync(root, { recursive: true, force: true }) };
}

describe('the cache of the synthesized state machines (.local/cache/)', () => {
  it('synthesizes once, then reuses the cache while no source changed', async () => {
    const f = fixture();
    try {
      const first = await f.load();
      expect(first.source).toBe('synth');
      expect(f.synths()).toBe(1);
      const second = await f.load();
      expect(second.source).toBe('cache');
      expect(second.machines).toEqual(first.machines);
      expect(f.synths()).toBe(1);
    } finally {
      f.cleanUp();
    }
  });

  it('a changed, added or removed source, or a changed lock file, invalidates it', async () => {
    const f = fixture();
    try {
      await f.load();
      const changes: Array<() => void> = [
        () => writeFileSync(path.join(f.root, 'infra', 'constructs', 'selection-workflow.ts'), 'export const retries = 3;\n'),
        () => writeFileSync(path.join(f.root, 'shared', 'workflows', 'new-task.ts'), 'export const x = 1;\n'),
        () => rmSync(path.join(f.root, 'shared', 'workflows', 'new-task.ts')),
        () => writeFileSync(path.join(f.root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n'),
      ];
      for (const [i, change] of changes.entries()) {
        change();
        const after = await f.load();
        expect(after.source, `change ${i}`).toBe('synth');
        expect(after.machines[0]!.logicalId).toBe(`Selection${i + 2}`);
        expect((await f.load()).source, `unchanged after change ${i}`).toBe('cache');
      }
      expect(f.synths()).toBe(5);
    } finally {
      f.cleanUp();
    }
  });

  it('a damaged cache file is synthesized again, not trusted', async () => {
    const f = fixture();
    try {
      await f.load();
      writeFileSync(f.cacheFile, readFileSync(f.cacheFile, 'utf8').slice(0, 40));
      expect((await f.load()).source).toBe('synth');
      expect((await f.load()).source).toBe('cache');
    } finally {
      f.cleanUp();
    }
  });

  it('keys on all of infra/ and shared/, the lock file and the configuration the synth reads', () => {
    expect(WORKFLOW_SOURCES).toEqual(
      expect.arrayContaining(['infra', 'shared', 'package-lock.json', 'package.json', 'cdk.json', 'tsconfig.json']),
    );
    // The repository's own key is stable between two reads (nothing in the sources changes by reading them).
    expect(sourcesKey()).toBe(sourcesKey());
  });
});
