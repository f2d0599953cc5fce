import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { apiFunctions, type ApiFunctionSpec } from '../../shared/functions.ts';
import { subpathImportsOf } from '../../infra/local/paths.ts';
import { routeList } from '../../shared/routes.ts';
import { schedules } from '../../shared/schedules.ts';
import { OUTBOX_STREAM_SENDER } from '../../shared/email/outbox.ts';
import { SELECTION_TASKS, SELECTION_TASKS_FUNCTION } from '../../shared/workflows/selection.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('the layout', () => {
  it('functions/ holds entry points only: function entries and their separate modules, route handlers, workflow tasks, jobs and the outbox sender', () => {
    const entryPoints = new Set([
      ...Object.values(apiFunctions).map((fn) => fn.entry),
      ...routeList.map((spec) => spec.handler),
      ...Object.values(SELECTION_TASKS).map((task) => task.handler),
      SELECTION_TASKS_FUNCTION.handler,
      ...schedules.map((job) => job.handler),
      OUTBOX_STREAM_SENDER.handler,
      // A function's module bundled apart (`#reference-routes`): package.json "imports" names its file.
      ...Object.values(apiFunctions).flatMap((fn: ApiFunctionSpec) =>
        (fn.separateModules ?? []).map((specifier) => path.normalize(subpathImportsOf(REPO_ROOT)[specifier] ?? specifier)),
      ),
    ]);
    const others = filesUnder('functions').filter((file) => !entryPoints.has(file));
    expect(others, 'helpers belong in shared/ (access rules in shared/access, handler helpers in shared/handlers)').toEqual([]);
  });
});
