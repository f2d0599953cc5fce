/**
 * A parameter that changes over time, as OpenFisca keeps its parameters: a list of values, each in force
 * from a date (Europe/Brussels calendar date, YYYY-MM-DD) until the next one starts. A date before the
 * first value has none.
 */
export interface DatedValue<T> {
  /** What the parameter is, in a few words (English). */
  description: string;
  /** Oldest first; each value is in force from its `from` until the day before the next `from`. */
  values: ReadonlyArray<{ from: string; value: T }>;
}

export function dated<T>(description: string, values: ReadonlyArray<{ from: string; value: T }>): DatedValue<T> {
  for (let i = 1; i < values.length; i++) {
    if (values[i]!.from <= values[i - 1]!.from) throw new Error(`${description}: values must be in date order`);
  }
  return { description, values };
}

/** The value in force on `date`, or undefined before the first one. */
export function valueOn<T>(parameter: DatedValue<T>, date: string): T | undefined {
  let current: T | undefined;
  for (const { from, value } of parameter.values) {
    if (from > date) break;
    current = value;
  }
  return current;
}

/**
 * The value a rule applies on `date`: the one in force, or for a date before the first value (a record
 * older than the rule's first source known to us) the first value.
 */
export function requireValueOn<T>(parameter: DatedValue<T>, date: string): T {
  const first = parameter.values[0];
  if (!first) throw new RangeError(`${parameter.description}: no values`);
  return valueOn(parameter, date) ?? first.value;
}
