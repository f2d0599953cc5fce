/**
 * `npm run job -- expiring-trajectories --date 2026-12-01`: runs a scheduled job now, for a given day,
 * against the running local cloud (`npm start`; DYNAMODB_PORT and SES_PORT as there). Prints its report.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schedules } from '../../shared/schedules.ts';
import { isCalendarDate } from '../../shared/domain/calendar.ts';
import { localAwsEnvironment } from './environment.ts';
import { LOCAL_TABLE_NAME, REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' } } });
const id = positionals[0];
const schedule = schedules.find((s) => s.id === id);
if (!schedule) {
  process.stderr.write(`Usage: npm run job -- <${schedules.map((s) => s.id).join('|')}> [--date YYYY-MM-DD]\n`);
  process.exit(2);
}
if (values.date !== undefined && !isCalendarDate(values.date)) {
  process.stderr.write('--date must be a calendar date, YYYY-MM-DD\n');
  process.exit(2);
}
Object.assign(
  process.env,
  localAwsEnvironment({
    dynamoDbEndpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
    sesEndpoint: `http://127.0.0.1:${process.env.SES_PORT ?? 8005}`,
    tableName: LOCAL_TABLE_NAME,
  }),
  { POWERTOOLS_LOG_LEVEL: 'WARN' },
);
const module = (await import(pathToFileURL(path.join(REPO_ROOT, schedule.handler)).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const report = await module.handler(values.date ? { date: values.date } : {}, lambdaContext(schedule.id, 900_000));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
