import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { PERSONAL_DATA, REDACTED_LOG_KEYS, type PersonalDataKind } from '../../shared/store/personal-data.ts';
import { processingRegister, retentionPeriod } from '../../shared/store/processing-register.ts';
import { ruleById } from '../../shared/domain/rules/registry.ts';
import { REGISTER_TABLE_END, REGISTER_TABLE_START, registerTableMarkdown } from '../../infra/register-table.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';

const kinds = PERSONAL_DATA as readonly PersonalDataKind[];

/** Every `x-personal` mark in the document, with where it was found. */
function personalMarks(node: unknown, at = '#', found: Array<{ at: string; id: unknown }> = []) {
  if (Array.isArray(node)) node.forEach((child, i) => personalMarks(child, `${at}/${i}`, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-personal') found.push({ at, id: value });
      else personalMarks(value, `${at}/${key}`, found);
    }
  }
  return found;
}

describe('the processing register (GDPR art. 30)', () => {
  const marks = personalMarks(buildOpenApiDocument());

  it('every schema field marked personal names a kind the register lists', () => {
    expect(marks.length).toBeGreaterThan(10);
    const ids = new Set(kinds.map((k) => k.id));
    expect(marks.filter((m) => !ids.has(String(m.id)))).toEqual([]);
  });

  it('every kind an API schema carries is marked in a schema, and no other kind is', () => {
    const marked = new Set(marks.map((m) => String(m.id)));
    expect(
      kinds
        .filter((k) => k.inSchemas)
        .map((k) => k.id)
        .filter((id) => !marked.has(id)),
    ).toEqual([]);
    expect(
      kinds
        .filter((k) => !k.inSchemas)
        .map((k) => k.id)
        .filter((id) => marked.has(id)),
    ).toEqual([]);
  });

  it('the client and participant fields of trajectories and agreements are marked, in requests and responses', () => {
    const doc = buildOpenApiDocument() as { components: { schemas: Record<string, unknown> } };
    for (const schema of ['TrajectoryStart', 'Trajectory', 'AgreementInput']) {
      const inSchema = personalMarks(doc.components.schemas[schema]).map((m) => String(m.id));
      expect(inSchema.length, schema).toBeGreaterThan(0);
    }
    const ids = marks.map((m) => String(m.id));
    for (const id of ['client-reference', 'client-birth-date', 'participant-identity', 'participant-reference'])
      expect(ids).toContain(id);
  });

  it('every kind has a retention rule of the registry with a period in force, a purpose and a legal basis', () => {
    const today = '2026-11-26';
    for (const kind of kinds) {
      expect(ruleById(kind.retentionRule), kind.id).toBeDefined();
      expect(retentionPeriod(kind.retentionRule, today), kind.id).toMatch(/^\d+ (years|days|hours)$/);
      expect(kind.purpose.length, kind.id).toBeGreaterThan(10);
      expect(kind.legalBasis, kind.id).toMatch(/GDPR/);
    }
    expect(processingRegister(today).find((k) => k.id === 'client-reference')!.retention).toMatchObject({
      rule: 'retention-trajectory-client-data',
      period: '5 years',
    });
    expect(processingRegister(today).find((k) => k.id === 'logs')!.retention.period).toBe('365 days');
    expect([...REDACTED_LOG_KEYS]).toEqual(
      expect.arrayContaining(['client', 'birthDate', 'participant', 'nationalRegisterNumber']),
    );
  });

  it('the README holds the register generated from it (npm run readme:rules)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(REGISTER_TABLE_START) + REGISTER_TABLE_START.length;
    const end = readme.indexOf(REGISTER_TABLE_END);
    expect(readme.slice(start, end).trim()).toBe(registerTableMarkdown(brusselsDateOf(new Date())));
  });
});
