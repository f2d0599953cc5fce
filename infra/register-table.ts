import { processingRegister } from '../shared/store/processing-register.ts';

export const REGISTER_TABLE_START = '<!-- privacy-register:start -->';
export const REGISTER_TABLE_END = '<!-- privacy-register:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The README's processing register, generated from shared/store/personal-data.ts with the retention in force
 * on `on` (`npm run readme:rules`; a test checks the README holds it).
 */
export function registerTableMarkdown(on: string): string {
  const rows = processingRegister(on).map((kind) =>
    [
      `\`${kind.id}\``,
      cell(`${kind.what.en}${kind.special ? ' (special category, art. 9)' : ''}`),
      cell(kind.storedIn),
      cell(kind.readers),
      cell(kind.purpose),
      cell(kind.legalBasis),
      cell(`${kind.retention.period} (\`${kind.retention.rule}\`): ${kind.retention.atTheEnd}`),
    ].join(' | '),
  );
  return [
    '| Kind | What | Stored in | Who may read it | Purpose | Legal basis | Retention |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
