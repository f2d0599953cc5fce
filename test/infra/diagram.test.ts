import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidOf } from '../../infra/workflow-diagram.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { stateMachinesFromTemplate, synthesizedTemplate } from '../../infra/local/workflow-runner.ts';

describe('the README diagram of the selection workflow', () => {
  it('is the one generated from the synthesized state machine (npm run -s diagram)', async () => {
    const machines = stateMachinesFromTemplate(await synthesizedTemplate());
    const selection = machines.find((m) => m.logicalId.startsWith('SelectionStateMachine'))!;
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /<!-- selection-diagram:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- selection-diagram:end -->/.exec(readme);
    expect(block, 'README has the diagram block').not.toBeNull();
    expect(block![1]).toBe(mermaidOf(selection.definition as never));
  }, 60_000);
});
