import { REDACTED_LOG_KEYS } from '../store/personal-data.ts';

export const REDACTED = '[redacted]';

/**
 * The logger's JSON replacer: the value of any attribute the processing register names in `logKeys`
 * (shared/store/personal-data.ts) is replaced wherever it appears in a log entry, at any depth, even when a
 * whole record is logged by mistake.
 */
export function redactPersonalData(key: string, value: unknown): unknown {
  return key !== '' && REDACTED_LOG_KEYS.has(key) && value !== undefined && value !== null ? REDACTED : value;
}
