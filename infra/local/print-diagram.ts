// `npm run -s diagram`: the Mermaid flowchart of the selection workflow, from the synthesized ASL.
import { mermaidOf } from '../workflow-diagram.ts';
import { stateMachinesFromTemplate, synthesizedTemplate } from './workflow-runner.ts';

const machines = stateMachinesFromTemplate(await synthesizedTemplate());
const selection = machines.find((m) => m.logicalId.startsWith('SelectionStateMachine'))!;
process.stdout.write(`${mermaidOf(selection.definition as never)}\n`);
