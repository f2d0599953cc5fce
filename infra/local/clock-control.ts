import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ClockError, clockTarget, type LocalClock } from './clock.ts';
import type { LocalScheduler } from './scheduler.ts';

/**
 * The local cloud's clock control: a small HTTP endpoint of its own (never a route of the route table,
 * never in AWS) that `npm run clock` calls.
 *   GET  /clock                       → { now, offsetMs, lastRuns }
 *   POST /clock  { "move": "+31d" }   → moves forward, running each scheduled job passed: { now, ran }
 *   POST /clock  { "move": "reset" }  → back to the real time
 * A move back is refused (409), a move it cannot read too (400), each with one line in `error`.
 */
export const CLOCK_CONTROL_PATH = '/clock';

export function createClockControl(options: {
  clock: LocalClock;
  scheduler: LocalScheduler;
  onMove?: () => void;
  /**
   * Runs a move while the outbox's stream sender is idle: it first finishes the deliveries it holds, then
   * reads nothing until the move is done. Its claim on an entry lasts until the clock's time plus a lease,
   * so a sweep run at a moved-ahead instant would take over a claim still being sent and send the email
   * twice. Without it (tests of the clock alone), the move runs as it is.
   */
  whileOutboxIdle?: <T>(move: () => Promise<T>) => Promise<T>;
}): Server {
  const { clock, scheduler } = options;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const state = () => ({ now: clock.now().toISOString(), offsetMs: clock.offset, lastRuns: scheduler.lastRuns() });

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url !== CLOCK_CONTROL_PATH) return send(res, 404, { error: `Only ${CLOCK_CONTROL_PATH} is served here.` });
    if (req.method === 'GET') return send(res, 200, state());
    if (req.method !== 'POST') return send(res, 405, { error: 'GET or POST.' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let move: unknown;
    try {
      move = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { move?: unknown }).move;
    } catch {
      return send(res, 400, { error: 'The body must be JSON: { "move": "+31d" }.' });
    }
    if (typeof move !== 'string') return send(res, 400, { error: 'Give { "move": "+31d" }, an instant with its offset, or "reset".' });
    try {
      if (move.trim() === 'reset') {
        await scheduler.whenIdle(() => clock.reset());
        options.onMove?.();
        return send(res, 200, { ...state(), ran: [] });
      }
      clockTarget(move, clock.now()); // a move it cannot read is a 400 at once
      let moving = false;
      const advance = () => {
        moving = true;
        return scheduler.advanceTo((now) => clockTarget(move, now));
      };
      let ran: Awaited<ReturnType<typeof advance>>;
      try {
        ran = await (options.whileOutboxIdle ? options.whileOutboxIdle(advance) : advance());
      } catch (error) {
        if (moving) throw error;
        // The sender could not finish: moving now could send an email twice. Refuse, say why, change nothing.
        const why = error instanceof Error ? error.name : 'error';
        return send(res, 503, { error: `The outbox sender could not finish its deliveries (${why}); the clock did not move. Try again.` });
      }
      options.onMove?.();
      return send(res, 200, { ...state(), ran });
    } catch (error) {
      if (error instanceof ClockError) {
        return send(res, /only moves forward/.test(error.message) ? 409 : 400, { error: error.message });
      }
      throw error;
    }
  };
  return createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: error instanceof Error ? error.message : 'error' });
      else res.end();
    });
  });
}
