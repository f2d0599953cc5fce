// `npm run readme:rules`: writes the rules table (from shared/domain/rules/registry.ts) and the processing
// register (from shared/store/personal-data.ts, retention as in force on the day) into the README.
import { readFile, writeFile } from 'node:fs/promises';
import { RULES_TABLE_END, RULES_TABLE_START, rulesTableMarkdown } from '../rules-table.ts';
import { REGISTER_TABLE_END, REGISTER_TABLE_START, registerTableMarkdown } from '../register-table.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';

const path = new URL('../../README.md', import.meta.url);
const readme = await readFile(path, 'utf8');

function replaceBlock(text: string, startMark: string, endMark: string, content: string): string {
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start < 0 || end < start) throw new Error(`README.md has no ${startMark} … ${endMark} block`);
  return `${text.slice(0, start + startMark.length)}\n${content}\n${text.slice(end)}`;
}

const next = replaceBlock(
  replaceBlock(readme, RULES_TABLE_START, RULES_TABLE_END, rulesTableMarkdown()),
  REGISTER_TABLE_START,
  REGISTER_TABLE_END,
  registerTableMarkdown(brusselsDateOf(new Date())),
);
await writeFile(path, next);
process.stdout.write(next === readme ? 'README rules table and register unchanged\n' : 'README rules table and register written\n');
