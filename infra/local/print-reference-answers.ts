// `npm run reference:write`: writes the answers the Reference function serves from data
// (infra/reference-answers.ts) to shared/reference-answers.json and its routes to
// shared/reference-answers.generated.ts; a test fails when either is stale. Without `--write`, prints the
// answers as JSON.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { referenceAnswersJson, referenceRoutesModuleSource } from '../reference-answers.ts';
import { REPO_ROOT, subpathImportFile } from './paths.ts';

const ROUTES_MODULE = path.join(REPO_ROOT, 'shared/reference-answers.generated.ts');

if (process.argv.includes('--write')) {
  const answersFile = subpathImportFile('#reference-answers');
  writeFileSync(answersFile, referenceAnswersJson());
  writeFileSync(ROUTES_MODULE, referenceRoutesModuleSource());
  console.error(`written to ${path.relative(process.cwd(), answersFile)} and ${path.relative(process.cwd(), ROUTES_MODULE)}`);
} else {
  process.stdout.write(referenceAnswersJson());
}
