import { ruleById } from '../domain/rules/registry.ts';
import { valueOn } from '../domain/rules/dated.ts';
import { PERSONAL_DATA, type PersonalDataKind } from './personal-data.ts';

/** The register's lines with each kind's retention period as in force on `on` (from its rule's parameter). */
export function processingRegister(on: string) {
  return (PERSONAL_DATA as readonly PersonalDataKind[]).map((kind) => ({
    id: kind.id,
    what: kind.what,
    subject: kind.subject,
    special: kind.special,
    storedIn: kind.storedIn,
    readers: kind.readers,
    purpose: kind.purpose,
    legalBasis: kind.legalBasis,
    retention: { rule: kind.retentionRule, period: retentionPeriod(kind.retentionRule, on), atTheEnd: kind.atTheEnd },
  }));
}

/** "5 years", "30 days": the rule's one parameter, by its name. */
export function retentionPeriod(ruleId: string, on: string): string {
  const rule = ruleById(ruleId);
  const [unit, parameter] = Object.entries(rule?.parameters ?? {})[0] ?? [];
  const value = parameter ? valueOn(parameter, on) : undefined;
  if (!rule || typeof value !== 'number' || !unit) throw new Error(`retention rule ${ruleId} has no period on ${on}`);
  return `${value} ${unit}`;
}
