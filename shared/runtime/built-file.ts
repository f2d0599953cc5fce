/**
 * Data the build puts beside a function's bundle, named by a subpath import of package.json "imports"
 * (`#openapi-document`): in AWS the `package.json` written beside the bundle maps it to the copied file
 * (infra/constructs/route-function.ts, `separateModules`); locally and in the tests the repository's maps
 * it to the committed file. It is read on the first request that needs it: carried in the bundle it would
 * be scanned at every cold start (about 35 µs per kB of source). Plain JSON, not compressed: reading a
 * file costs far less than loading node:zlib (5–10 ms) to unpack it.
 */
export async function readBuiltText(specifier: `#${string}`): Promise<string> {
  // Synchronous: one read of a file of some 100 kB, without waking libuv's thread pool on a cold instance.
  const { readFileSync } = await import('node:fs');
  return readFileSync(new URL(import.meta.resolve(specifier)), 'utf8');
}

export async function readBuiltJson(specifier: `#${string}`): Promise<unknown> {
  return JSON.parse(await readBuiltText(specifier)) as unknown;
}
