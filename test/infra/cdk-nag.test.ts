import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthesize, SYNTH_TIMEOUT_MS, type Synthesized } from './synth.ts';

/**
 * cdk-nag 3 runs as a CDK validation plugin: it writes its findings to `validation-report.json` in the
 * cloud assembly (and synthesis throws under a test runner when an error is left). Acknowledged findings
 * are left out of that report by cdk-nag itself; the acknowledgements live in the construct tree.
 */
interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: 'success' | 'failure';
    metadata?: Record<string, unknown>;
    violations: { ruleName: string; description: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

interface Finding {
  rule: string;
  severity: string;
  paths: string[];
}

function readReport(outdir: string): ValidationReport {
  const file = path.join(outdir, 'validation-report.json');
  expect(existsSync(file), `${file} exists`).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as ValidationReport;
}

function findings(report: ValidationReport, pluginName = 'AwsSolutions'): Finding[] {
  return report.pluginReports
    .filter((p) => p.pluginName === pluginName)
    .flatMap((p) =>
      p.violations.map((v) => ({
        rule: v.ruleName,
        severity: v.severity,
        paths: v.violatingConstructs.map((c) => c.constructPath),
      })),
    );
}

function pluginFailures(report: ValidationReport): string[] {
  return report.pluginReports
    .filter((p) => p.conclusion === 'failure' && p.violations.length === 0)
    .map((p) => JSON.stringify(p.metadata));
}

interface Acknowledgement {
  id: string;
  reason: unknown;
  at: string;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) =>
          Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({ id, reason, at: construct.node.path })),
        ),
    );
}

/** The rules we accept acknowledging (each finding still needs its own reason); adding one is a reviewed change. */
const ACKNOWLEDGEABLE_RULES = [
  'AwsSolutions-L1',
  'AwsSolutions-IAM5',
  'AwsSolutions-APIG4',
  'AwsSolutions-COG8',
  'AwsSolutions-SMG4',
  'AwsSolutions-SQS3',
];

describe('the report reader', () => {
  it('sees an unacknowledged error (a canary stack with an AWS managed policy)', () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'werk-en-zorg-nag-canary-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'Canary');
      new Role(stack, 'Role', {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
      });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth()).toThrow();
      const errors = findings(readReport(outdir)).filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.rule)).toContain(
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('cdk-nag AwsSolutions checks on the stack', () => {
  let synthesized: Synthesized;
  let report: ValidationReport;

  beforeAll(() => {
    synthesized = synthesize({ nag: true });
    report = readReport(synthesized.outdir);
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => synthesized?.cleanup());

  it('leaves no unacknowledged error', () => {
    const errors = findings(report).filter((f) => f.severity === 'error' || f.severity === 'fatal');
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
    expect(pluginFailures(report)).toEqual([]);
    expect(synthesized.synthError).toBeUndefined();
  });

  it('leaves no unacknowledged warning either', () => {
    const warnings = findings(report).filter((f) => f.severity === 'warning');
    expect(warnings, JSON.stringify(warnings, null, 2)).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    const acknowledgements = acknowledgementsIn(synthesized.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const ack of acknowledgements) {
      expect(typeof ack.reason, `${ack.id} at ${ack.at}`).toBe('string');
      expect((ack.reason as string).trim().length, `${ack.id} at ${ack.at}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('acknowledges only the reviewed rules, finding by finding', () => {
    for (const ack of acknowledgementsIn(synthesized.app)) {
      const rule = ack.id.replace(/^[A-Za-z]+::/, '').replace(/\[.*\]$/, '');
      expect(ACKNOWLEDGEABLE_RULES, `${ack.id} at ${ack.at}`).toContain(rule);
      // IAM5 findings are acknowledged one wildcard at a time, never the whole rule.
      if (rule === 'AwsSolutions-IAM5') expect(ack.id, ack.at).toMatch(/\[(Resource|Action)::.+\]$/);
    }
  });
});
