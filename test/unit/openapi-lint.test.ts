import { describe, expect, it } from 'vitest';
import { lintOpenApi } from '../../infra/local/lint-openapi.ts';
import { referenceDocument } from '../../infra/openapi/document.ts';

describe('the OpenAPI document, linted (npm run openapi:lint)', () => {
  it('Spectral (spectral:oas) and Redocly (recommended) find nothing; a document without a contact and an operation description they do find', async () => {
    const document = referenceDocument();
    const broken = structuredClone(document) as {
      info: Record<string, unknown>;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    delete broken.info.contact;
    delete broken.info.license;
    delete broken.paths['/health']!.get!.description;
    const [findings, control] = await Promise.all([lintOpenApi(document), lintOpenApi(broken)]);
    expect(findings.map((f) => `${f.tool} ${f.severity} ${f.rule} ${f.where}: ${f.message}`)).toEqual([]);
    // The linters ran and read the document: the broken copy's faults are found by both.
    expect(control.filter((f) => f.tool === 'spectral').map((f) => f.rule)).toEqual(
      expect.arrayContaining(['info-contact', 'operation-description']),
    );
    expect(control.filter((f) => f.tool === 'redocly').map((f) => f.rule)).toContain('info-license');
  }, 90_000);
});
