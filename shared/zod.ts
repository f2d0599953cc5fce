/**
 * zod for production code: `zod/mini`, the same zod v4 core as `zod` with a functional API (`z.optional(x)`,
 * `x.check(z.minLength(1))`), whose schemas cost a fraction of classic's to build at a cold start (README,
 * "Benchmarks"). Import it as `import * as z from '…/zod.ts'`: a namespace import lets the bundler keep only
 * what is used (zod's locales stay out).
 *
 * Only English messages are loaded (zod classic loads them by default, zod/mini loads none): the problem
 * documents' field errors are zod's English messages where a schema gives none of its own.
 */
import { config, clone, globalRegistry, type core } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * A copy of `schema` with this metadata (id, description, example…), for the OpenAPI document: what classic's
 * `schema.meta({...})` does (a clone, registered in the global registry; the original keeps its own).
 */
export function withMeta<T extends core.$ZodType>(schema: T, metadata: core.GlobalMeta): T {
  const copy = clone(schema);
  globalRegistry.add(copy, metadata);
  return copy;
}

/**
 * A schema built on first use instead of at import: a function serves 5–15 routes and a request needs one
 * route's input schemas (the response schemas only the OpenAPI document), while building a schema is most
 * of what zod costs a cold start (README, "Benchmarks"). `lazy(() => z.object(…))` returns the memoized
 * builder; call it for the schema.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
