/**
 * The local cloud's ports, defined once: `npm start` reads them, the port-in-use message names the
 * variable that moves each one, and the README's table lists them (`test/local/readme.test.ts` checks it).
 */
export interface LocalPort {
  id: 'api' | 'dynamodb' | 'ses' | 'sfn' | 'secrets' | 'clock';
  /** The environment variable that overrides it. */
  variable: string;
  /** Its default; 0 is a free port picked at each start. */
  defaultPort: number;
  /** What listens there, as the messages name it. */
  what: string;
}

export const LOCAL_PORTS: readonly LocalPort[] = [
  { id: 'api', variable: 'PORT', defaultPort: 3000, what: 'Local API' },
  { id: 'dynamodb', variable: 'DYNAMODB_PORT', defaultPort: 8000, what: 'DynamoDB Local' },
  { id: 'ses', variable: 'SES_PORT', defaultPort: 8005, what: 'SES emulator' },
  { id: 'sfn', variable: 'SFN_PORT', defaultPort: 8083, what: 'Local Step Functions' },
  { id: 'secrets', variable: 'SECRETS_PORT', defaultPort: 0, what: 'Local Secrets Manager' },
  { id: 'clock', variable: 'CLOCK_PORT', defaultPort: 0, what: 'Clock control (npm run clock)' },
];

export type LocalPortId = LocalPort['id'];

export function localPort(id: LocalPortId): LocalPort {
  return LOCAL_PORTS.find((p) => p.id === id)!;
}

/** The ports to use, from the environment (each variable, else its default); a bad value is an error naming it. */
export function localPortsFrom(env: NodeJS.ProcessEnv): Record<LocalPortId, number> {
  const ports = {} as Record<LocalPortId, number>;
  for (const port of LOCAL_PORTS) {
    const raw = env[port.variable];
    if (raw === undefined || raw === '') {
      ports[port.id] = port.defaultPort;
      continue;
    }
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > 65535) {
      throw new Error(`${port.variable}=${raw} is not a port: give a number from 0 (any free port) to 65535.`);
    }
    ports[port.id] = value;
  }
  return ports;
}

/** What to tell someone whose port is taken: which variable moves it. */
export function portInUseAdvice(id: LocalPortId, port: number): string {
  const { variable } = localPort(id);
  const example = port === 0 ? 0 : port + 10 > 65535 ? port - 10 : port + 10;
  return `Stop what is using it (another npm start?), or move it: ${variable}=${example} npm start`;
}
