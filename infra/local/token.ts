/**
 * `npm run token -- --role department` prints a bearer token for the local API, and nothing else.
 * Options: --role <department|facility|casemanager-zorg|casemanager-werk>, --facility <enterprise number>,
 * --sub <user id>, --email <address>, --hours <lifetime>.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/domain/reference-data.ts';
import { parseEnterpriseNumber } from '../../shared/domain/enterprise-number.ts';
import { localTokenIssuer } from './tokens.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    facility: { type: 'string' },
    sub: { type: 'string' },
    email: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) fail(`--role must be one of: ${ROLES.join(', ')}`);
let facility: string | undefined;
if (values.facility !== undefined) {
  const parsed = parseEnterpriseNumber(values.facility);
  if (!parsed.ok) fail(`--facility ${values.facility} is not a valid enterprise number (${parsed.reason})`);
  facility = parsed.value;
}
if ((role === 'facility' || role === 'casemanager-zorg') && !facility) {
  fail(`--role ${role} needs --facility <enterprise number>`);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number');

const issuer = await localTokenIssuer();
const token = await issuer.sign({
  role,
  ...(facility ? { facility } : {}),
  ...(values.sub ? { sub: values.sub } : {}),
  ...(values.email ? { email: values.email } : {}),
  expiresInSeconds: Math.round(hours * 3600),
});
process.stdout.write(`${token}\n`);
