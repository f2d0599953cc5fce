import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startSesLocal, type Emulator } from '../../infra/local/emulators.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    sesEndpoint: string;
  }
}

let emulators: Emulator[] = [];

/** Starts DynamoDB Local (in memory) and the SES emulator once for the whole run, on free ports. */
export async function setup(project: TestProject): Promise<void> {
  const [dynamo, ses] = await Promise.all([startDynamoDbLocal({ port: 0 }), startSesLocal({ port: 0 })]);
  emulators = [dynamo, ses];
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
}

export async function teardown(): Promise<void> {
  await Promise.all(emulators.map((e) => e.stop()));
}
