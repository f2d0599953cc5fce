/** One line of a record's status history: who did what when, and the status change if any. */
export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  from?: string;
  to?: string;
  details?: Record<string, unknown>;
}

export interface Audit {
  actor: string;
  now: Date;
}

export function historyEntry(
  audit: Audit,
  action: string,
  change: { from?: string; to?: string; details?: Record<string, unknown> } = {},
): HistoryEntry {
  return { at: audit.now.toISOString(), by: audit.actor, action, ...change };
}
