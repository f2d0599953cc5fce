import { RULES, type RuleDefinition } from '../shared/domain/rules/registry.ts';

export const RULES_TABLE_START = '<!-- rules-table:start -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function parametersOf(rule: RuleDefinition): string {
  return Object.entries(rule.parameters ?? {})
    .map(([name, p]) => {
      const values = p.values.map((v) => `${JSON.stringify(v.value)} from ${v.from}`).join(', ');
      return `\`${name}\`: ${values}`;
    })
    .join('; ');
}

/** The README's rules table, generated from the registry (`npm run readme:rules`; a test checks the README holds it). */
export function rulesTableMarkdown(): string {
  const rows = (RULES as readonly RuleDefinition[]).map((rule) =>
    [
      `\`${rule.id}\``,
      cell(`${rule.title.nl} (${rule.title.en})`),
      rule.kind,
      `${rule.validFrom} – ${rule.validUntil ?? ''}`,
      cell(rule.source),
      cell(parametersOf(rule)),
      `\`shared/domain/${rule.implementedBy}\``,
    ].join(' | '),
  );
  return [
    '| Rule | Title | Kind | In force | Source | Parameters | Function |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
