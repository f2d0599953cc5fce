import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL_DIR = path.join(REPO_ROOT, '.local');
export const LOCAL_TABLE_NAME = 'werk-en-zorg';
export const LOCAL_REGION = 'eu-west-1';

/** package.json "imports": subpath specifier (`#openapi-document`) → the file in the repository (`./shared/…`). */
export function subpathImportsOf(repoRoot = REPO_ROOT): Record<string, string> {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { imports?: Record<string, string> };
  return pkg.imports ?? {};
}

/** The absolute path of the file a subpath import names in the repository. */
export function subpathImportFile(specifier: `#${string}`, repoRoot = REPO_ROOT): string {
  const target = subpathImportsOf(repoRoot)[specifier];
  if (!target) throw new Error(`${specifier} is not in package.json "imports"`);
  return path.join(repoRoot, target);
}
