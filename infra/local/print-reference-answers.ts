// `npm run reference:write`: writes shared/reference-answers.generated.ts, the answers the Reference function
// serves from data (infra/reference-answers.ts); a test fails when the file is stale. Without `--write`,
// prints the answers as JSON.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { referenceAnswers, referenceAnswersModuleSource } from '../reference-answers.ts';
import { REPO_ROOT } from './paths.ts';

export const GENERATED_REFERENCE_ANSWERS = path.join(REPO_ROOT, 'shared/reference-answers.generated.ts');

if (process.argv.includes('--write')) {
  writeFileSync(GENERATED_REFERENCE_ANSWERS, referenceAnswersModuleSource());
  console.error(`written to ${path.relative(process.cwd(), GENERATED_REFERENCE_ANSWERS)}`);
} else {
  process.stdout.write(`${JSON.stringify(referenceAnswers(), null, 2)}\n`);
}
