// `npm run readme:rules`: writes the rules table (from shared/domain/rules/registry.ts) into the README.
import { readFile, writeFile } from 'node:fs/promises';
import { RULES_TABLE_END, RULES_TABLE_START, rulesTableMarkdown } from '../rules-table.ts';

const path = new URL('../../README.md', import.meta.url);
const readme = await readFile(path, 'utf8');
const start = readme.indexOf(RULES_TABLE_START);
const end = readme.indexOf(RULES_TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${RULES_TABLE_START} … ${RULES_TABLE_END} block`);
const next = `${readme.slice(0, start + RULES_TABLE_START.length)}\n${rulesTableMarkdown()}\n${readme.slice(end)}`;
await writeFile(path, next);
process.stdout.write(next === readme ? 'README rules table unchanged\n' : 'README rules table written\n');
