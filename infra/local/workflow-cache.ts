import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_DIR, REPO_ROOT } from './paths.ts';
import type { LocalStateMachine } from './workflow-runner.ts';

/**
 * The state machines `npm start` runs come from a CDK synth of the whole app (about 10 s on 2 cores). They
 * are cached in `.local/cache/state-machines.json`, keyed by a hash of every file they may depend on, so a
 * start with nothing changed skips the synth. Conservative on purpose: all of `infra/` and `shared/` (the
 * stack, its constructs, the route table and functions, the handler tags, this runner), the lock file and
 * the configuration the synth reads. A change anywhere there costs one synth at the next start.
 */
export const WORKFLOW_SOURCES: readonly string[] = [
  'infra',
  'shared',
  'package.json',
  'package-lock.json',
  'cdk.json',
  'tsconfig.json',
];

export const WORKFLOW_CACHE_FILE = path.join(LOCAL_DIR, 'cache', 'state-machines.json');

/** Every file under the given paths (files or folders, relative to `root`), sorted, relative to `root`. */
function filesUnder(root: string, entries: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute)) walk(path.join(relative, name));
    } else {
      files.push(relative.split(path.sep).join('/'));
    }
  };
  for (const entry of entries) walk(entry);
  return files.sort();
}

/** SHA-256 over the path and content of every source file: any edit, addition, removal or rename changes it. */
export function sourcesKey(root: string = REPO_ROOT, entries: readonly string[] = WORKFLOW_SOURCES): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(root, entries)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

interface CacheFile {
  key: string;
  createdAt: string;
  machines: LocalStateMachine[];
}

function readCache(file: string, key: string): LocalStateMachine[] | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (cached.key !== key || !Array.isArray(cached.machines) || cached.machines.length === 0) return undefined;
    const wellFormed = cached.machines.every(
      (m) =>
        typeof m.logicalId === 'string' &&
        typeof m.arn === 'string' &&
        typeof m.definition === 'object' &&
        typeof m.taskHandlers === 'object',
    );
    return wellFormed ? cached.machines : undefined;
  } catch {
    return undefined; // missing or unreadable: synthesize again
  }
}

export interface CachedStateMachines {
  machines: LocalStateMachine[];
  /** `cache`: read from the cache file; `synth`: synthesized now (and written to it). */
  source: 'cache' | 'synth';
  cacheFile: string;
}

/**
 * The state machines from the cache when its key matches the sources, else from `synthesize()`, written
 * to the cache (through a temporary file and a rename, so a concurrent reader never sees half of it).
 */
export async function cachedStateMachines(options: {
  synthesize: () => Promise<LocalStateMachine[]>;
  cacheFile?: string;
  root?: string;
  sources?: readonly string[];
  /** Told before a synth starts (the local cloud prints why it takes a while). */
  onSynth?: () => void;
}): Promise<CachedStateMachines> {
  const cacheFile = options.cacheFile ?? WORKFLOW_CACHE_FILE;
  const key = sourcesKey(options.root, options.sources);
  const cached = readCache(cacheFile, key);
  if (cached) return { machines: cached, source: 'cache', cacheFile };
  options.onSynth?.();
  const machines = await options.synthesize();
  // The sources may have changed during the synth: key the result by what it was built from only if they did not.
  if (sourcesKey(options.root, options.sources) === key) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    const content: CacheFile = { key, createdAt: new Date().toISOString(), machines };
    writeFileSync(temporary, `${JSON.stringify(content)}\n`);
    renameSync(temporary, cacheFile);
  }
  return { machines, source: 'synth', cacheFile };
}
