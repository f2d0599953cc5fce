import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import '../runtime/sfn-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { SelectionState } from './selection.ts';

/**
 * Starts the selection state machine for a run, named after the run (so a second start of the same run
 * finds the execution instead of starting another). Returns the execution's ARN either way.
 */
export async function startSelectionExecution(
  deps: Deps,
  stateMachineArn: string,
  executionName: string,
  input: SelectionState,
): Promise<string> {
  try {
    const started = await deps.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: executionName, input: JSON.stringify(input) }),
    );
    return started.executionArn!;
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
    return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
  }
}
