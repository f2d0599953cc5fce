import type { CallStatus } from './call-rules.ts';
import type { DecisionLine, Outcome } from './selection.ts';
import type { RuleFieldViolation } from './trajectory-rules.ts';

/**
 * Acting on an upheld objection: the department decides the objection's region again, by a new ranking of
 * that region (`RERUN`: its applications evaluated again, with the registry and reviews as they are now) or
 * by hand (`BY_HAND`: appointing and ending networks, with a motivation). Pure: the handler reads, these
 * decide, the store writes it all in one transaction.
 */
export type RedecisionMethod = 'RERUN' | 'BY_HAND';

/** Why a region cannot be decided again on the strength of an objection now. */
export type RedecisionRefusal = 'call-not-decided' | 'objection-not-upheld' | 'objection-other-region' | 'objection-acted-on';

/**
 * Rule `objection-redecision`: the call is decided; the objection named was upheld, concerns an application
 * of this region, and has not been acted on before (one re-decision per upheld objection).
 */
export function redecisionRefusal(
  call: { status: CallStatus },
  objected: { region: string; objection?: { decision?: 'UPHELD' | 'REJECTED'; redecidedAt?: string } | undefined },
  region: string,
): RedecisionRefusal | undefined {
  if (call.status !== 'DECIDED') return 'call-not-decided';
  if (objected.objection?.decision !== 'UPHELD') return 'objection-not-upheld';
  if (objected.region !== region) return 'objection-other-region';
  if (objected.objection.redecidedAt) return 'objection-acted-on';
  return undefined;
}

/** A note on every line a re-decision changed, in both languages, with the department's motivation. */
export function withRedecisionNote(line: DecisionLine, on: string, motivation: string): DecisionLine {
  return {
    ...line,
    reasons: [...line.reasons, `Decided again on ${on} after an upheld objection: ${motivation}`],
    reasonsNl: [...(line.reasonsNl ?? line.reasons), `Opnieuw beslist op ${on} na een gegrond bezwaar: ${motivation}`],
  };
}

/**
 * By hand: the applications in `appoint` become SELECTED, those in `end` NOT_SELECTED; the others keep their
 * line. Refused, per field: an id that is not in the region's decision, appointing one that is selected,
 * ending one that is not, the same id in both, and more selected than the call allows per region
 * (rule `max-networks-per-region`).
 */
export function decideByHand(
  lines: readonly DecisionLine[],
  request: { appoint: readonly string[]; end: readonly string[] },
  maxNetworks: number,
): { ok: true; lines: DecisionLine[] } | { ok: false; violations: RuleFieldViolation[] } {
  const byId = new Map(lines.map((l) => [l.applicationId, l]));
  const violations: RuleFieldViolation[] = [];
  const rule = 'objection-redecision';
  request.appoint.forEach((id, i) => {
    const line = byId.get(id);
    if (!line)
      violations.push({ path: `appoint.${i}`, rule, message: 'No application of this region was decided with this id.' });
    else if (line.outcome === 'SELECTED')
      violations.push({ path: `appoint.${i}`, rule, message: 'This application is selected already.' });
    if (request.end.includes(id))
      violations.push({ path: `appoint.${i}`, rule, message: 'The same application cannot be appointed and ended.' });
  });
  request.end.forEach((id, i) => {
    const line = byId.get(id);
    if (!line) violations.push({ path: `end.${i}`, rule, message: 'No application of this region was decided with this id.' });
    else if (line.outcome !== 'SELECTED')
      violations.push({ path: `end.${i}`, rule, message: 'This application is not selected: it has no network to end.' });
  });
  if (violations.length > 0) return { ok: false, violations };
  const next = lines.map<DecisionLine>((line) => {
    if (request.appoint.includes(line.applicationId)) return { ...line, outcome: 'SELECTED' };
    if (request.end.includes(line.applicationId)) return { ...line, outcome: 'NOT_SELECTED' };
    return line;
  });
  const selected = next.filter((l) => l.outcome === 'SELECTED').length;
  if (selected > maxNetworks) {
    return {
      ok: false,
      violations: [
        {
          path: 'appoint',
          rule: 'max-networks-per-region',
          message: `The call appoints at most ${maxNetworks} network(s) per region; this would make ${selected}.`,
        },
      ],
    };
  }
  return { ok: true, lines: next };
}

export interface OutcomeChange {
  applicationId: string;
  from: Outcome;
  to: Outcome;
}

/** The applications whose outcome differs between two decisions of a region. */
export function outcomeChanges(before: readonly DecisionLine[], after: readonly DecisionLine[]): OutcomeChange[] {
  const previous = new Map(before.map((l) => [l.applicationId, l.outcome]));
  return after.flatMap((line) => {
    const from = previous.get(line.applicationId);
    return from !== undefined && from !== line.outcome ? [{ applicationId: line.applicationId, from, to: line.outcome }] : [];
  });
}

/** Did a line change in a way the application's outcome shows (outcome, score or rank)? */
export function lineChanged(before: DecisionLine | undefined, after: DecisionLine): boolean {
  return !before || before.outcome !== after.outcome || before.score !== after.score || before.rank !== after.rank;
}
