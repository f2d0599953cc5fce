import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Stack, type App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, type WerkEnZorgStack } from '../../infra/stack.ts';

/** Synthesis bundles every function with esbuild: do it once per test file, in a hook with this timeout. */
export const SYNTH_TIMEOUT_MS = 120_000;

export interface Synthesized {
  app: App;
  stack: WerkEnZorgStack;
  outdir: string;
  /** The error synthesis threw, if any (with cdk-nag: unacknowledged errors make it throw under vitest). */
  synthError?: Error;
  /** Remove the temporary cloud assembly. */
  cleanup(): void;
}

/** Build and synthesize the app into a fresh temporary directory (never the project's cdk.out). */
export function synthesize(options: { nag?: boolean; context?: Record<string, unknown> } = {}): Synthesized {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'werk-en-zorg-cdk-'));
  // Bundling is skipped: no assertion here depends on the bundles, and `npm run synth` (CI) bundles every function.
  const { app, stack } = buildApp({ outdir, nag: options.nag ?? false, context: { ...options.context, 'aws:cdk:bundling-stacks': [] } });
  let synthError: Error | undefined;
  try {
    app.synth();
  } catch (error) {
    synthError = error instanceof Error ? error : new Error(String(error));
  }
  return {
    app,
    stack,
    outdir,
    ...(synthError === undefined ? {} : { synthError }),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** The stack's template as written to the cloud assembly. */
export function templateOf(synthesized: Synthesized): Template {
  const file = path.join(synthesized.outdir, `${synthesized.stack.artifactId}.template.json`);
  return Template.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
}

/** The logical id a construct's CloudFormation resource has in the template. */
export function logicalIdOf(construct: IConstruct): string {
  const stack = Stack.of(construct);
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return stack.resolve(stack.getLogicalId(element)) as string;
}
