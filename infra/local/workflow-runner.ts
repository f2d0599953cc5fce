import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

/**
 * The workflow runner executes the state machines' ASL as CDK synthesized it (cdk.out) with
 * aws-local-stepfunctions. The network-selection state machine arrives with the selection issue; until
 * then this reports what the synthesized template holds.
 */
export function synthesizedStateMachines(
  templateFile = path.join(REPO_ROOT, 'cdk.out', 'WerkEnZorgStack.template.json'),
): string[] {
  if (!existsSync(templateFile)) return [];
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as { Resources?: Record<string, { Type: string }> };
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId]) => logicalId);
}

export async function describeWorkflows(): Promise<string> {
  const machines = synthesizedStateMachines();
  return machines.length === 0 ? 'no state machines defined yet' : machines.join(', ');
}
