import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_DIR } from './paths.ts';
import type { LocalPortId } from './ports.ts';

/**
 * What a running local cloud tells the commands that work against it (`npm run job`, and any later one):
 * where each part listens and the environment its handlers run with. `npm start` writes it once everything
 * is up and removes it when it stops; a file left by a cloud that was killed is recognised by its pid.
 * It holds endpoints, names and file paths only, never a key.
 */
export interface LocalCloudState {
  pid: number;
  startedAt: string;
  /** `in-memory` (thrown away on exit) or the folder of DynamoDB Local's data. */
  data: string;
  tableName: string;
  endpoints: Record<LocalPortId, string>;
  /** The variables the handlers get (AWS_ENDPOINT_URL_*, TABLE_NAME, the secrets' names, the state machine ARN). */
  environment: Record<string, string>;
}

/** `.local/cloud.json`, or the file `LOCAL_CLOUD_STATE` names (tests run a cloud of their own beside yours). */
export function cloudStateFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOCAL_CLOUD_STATE ? path.resolve(env.LOCAL_CLOUD_STATE) : path.join(LOCAL_DIR, 'cloud.json');
}

export function writeCloudState(state: LocalCloudState, file = cloudStateFile()): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Removes the state file if it is this process's (another cloud may have written it since). */
export function removeCloudState(file = cloudStateFile(), pid = process.pid): void {
  const state = readCloudState(file);
  if (state?.pid === pid) rmSync(file, { force: true });
}

function readCloudState(file: string): LocalCloudState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalCloudState>;
    if (typeof state.pid !== 'number' || typeof state.endpoints !== 'object' || typeof state.environment !== 'object') {
      return undefined;
    }
    return state as LocalCloudState;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LocalCloudNotRunning extends Error {
  override name = 'LocalCloudNotRunning';
}

/** The running cloud's state; throws LocalCloudNotRunning (one line, what to do) when there is none. */
export function runningCloud(file = cloudStateFile()): LocalCloudState {
  const state = readCloudState(file);
  if (!state) {
    throw new LocalCloudNotRunning(
      `The local cloud is not running (no ${path.relative(process.cwd(), file) || file}): start it with npm start, in another terminal, and try again.`,
    );
  }
  if (!isAlive(state.pid)) {
    throw new LocalCloudNotRunning(
      `The local cloud that wrote ${path.relative(process.cwd(), file) || file} (pid ${state.pid}) is gone: start it again with npm start.`,
    );
  }
  return state;
}

/** Another cloud that is still running with this state file, if any (a second npm start must not share it). */
export function otherRunningCloud(file = cloudStateFile()): LocalCloudState | undefined {
  const state = readCloudState(file);
  return state && state.pid !== process.pid && isAlive(state.pid) ? state : undefined;
}
