import { build } from 'esbuild';
import { REPO_ROOT } from '../../infra/local/paths.ts';

/** Which inputs (node_modules and our own files) an entry's bundle holds, as CDK bundles it: esbuild, ESM, node. */
export async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    metafile: true,
    external: ['pdfkit'],
    outfile: 'out.mjs',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}
