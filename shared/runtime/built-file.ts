/**
 * Data the build puts beside a function's bundle, named by a subpath import of package.json "imports"
 * (`#openapi-document`): in AWS the `package.json` written beside the bundle maps it to the copied file
 * (infra/constructs/route-function.ts, `separateModules`); locally and in the tests the repository's maps
 * it to the committed file. A file is read on the first request that needs it, not scanned as a string
 * literal at every cold start (about 35 µs per kB of source), and node:fs and node:zlib are loaded then.
 */
export async function readBrotliFile(specifier: `#${string}`): Promise<string> {
  const [{ readFile }, { brotliDecompressSync }] = await Promise.all([import('node:fs/promises'), import('node:zlib')]);
  return brotliDecompressSync(await readFile(new URL(import.meta.resolve(specifier)))).toString('utf8');
}
