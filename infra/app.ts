// The CDK app (cdk.json: `npx tsx infra/app.ts`): the one stack, checked by cdk-nag's AwsSolutions rules
// on every synth (an unacknowledged error fails it). Context values: `-c mailFrom=no-reply@example.org`
// (MAIL_FROM), `-c sesIdentity=example.org` (default: the domain of mailFrom), `-c cognitoPlus=true`,
// `-c portalUrl=https://…` (the department's portal, linked from every email), `-c corsOrigins=https://a,https://b`
// (the origins of portals that may call the API from a browser; none by default).
import { servedDocument } from './openapi/document.ts';
import { staleBuiltFiles } from './reference-answers.ts';
import { buildApp } from './stack.ts';

// The data files put beside the bundles must be the ones the code gives now (tests check it too).
const stale = staleBuiltFiles(servedDocument);
if (stale.length > 0) throw new Error(`stale generated files, write them again: ${stale.join('; ')}`);

buildApp({ nag: true }).app.synth();
