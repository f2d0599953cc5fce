import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The local cloud's clock: the real time plus an offset that only grows, so that a civil servant or a
 * facility's developer can walk a call past its deadline or a trajectory past its milestones without
 * waiting (`npm start -- --now <instant>`, `npm run clock -- +31d`). Every handler, task and job reads it
 * through `deps.clock` (shared/runtime/clock.ts); the local scheduler runs the jobs of every day passed.
 * Nothing of it exists in the CDK app or in AWS.
 *
 * It never moves back (nothing is decided twice); `reset` returns to the real time, and the scheduler
 * then runs nothing it already ran (it goes on from the last run of each schedule).
 */
export class LocalClock {
  constructor(
    private offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** The clock's instant: what `deps.clock()` and `GET /health` give. */
  readonly now = (): Date => new Date(this.realNow() + this.offsetMs);

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock to `instant`, which must not be before its current instant. */
  moveTo(instant: Date): Date {
    const current = this.now();
    if (instant.getTime() < current.getTime()) {
      throw new ClockError(
        `The clock only moves forward: ${instant.toISOString()} is before its current instant ${current.toISOString()}.`,
      );
    }
    this.offsetMs += instant.getTime() - current.getTime();
    return this.now();
  }

  /** Back to the real time (the scheduler does not run again what it ran). */
  reset(): Date {
    this.offsetMs = 0;
    return this.now();
  }
}

export class ClockError extends Error {
  override name = 'ClockError';
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * Where `npm run clock -- <argument>` moves the clock: `+31d`, `+2h`, `+90m`, `+1w` (forward by that much), or
 * an instant in ISO 8601 with an offset (`2027-02-01T10:00:00+01:00`). `reset` is handled by the caller.
 */
export function clockTarget(argument: string, current: Date): Date {
  const relative = /^\+(\d{1,5})([mhdw])$/.exec(argument.trim());
  if (relative) return new Date(current.getTime() + Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(argument.trim())) {
    const instant = new Date(argument.trim());
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new ClockError(
    `Not a clock move: "${argument}". Give +<n>m, +<n>h, +<n>d or +<n>w, an instant with its offset (2027-02-01T10:00:00+01:00), or reset.`,
  );
}

/** What the clock keeps across restarts of a cloud whose data is kept (not with --in-memory). */
interface StoredClock {
  offsetMs: number;
  /** The last instant each schedule ran at (ISO), so that nothing runs twice. */
  lastRuns: Record<string, string>;
}

export class ClockFile {
  constructor(private readonly file: string | undefined) {}

  read(): StoredClock {
    if (!this.file || !existsSync(this.file)) return { offsetMs: 0, lastRuns: {} };
    const stored = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoredClock>;
    return { offsetMs: Number(stored.offsetMs ?? 0), lastRuns: stored.lastRuns ?? {} };
  }

  write(state: StoredClock): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Written aside and renamed: a start never reads half a file.
    const partial = `${this.file}.${process.pid}.tmp`;
    writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(partial, this.file);
  }
}
