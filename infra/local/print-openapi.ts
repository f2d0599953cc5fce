// `npm run -s openapi`: the OpenAPI 3.1 document, generated from the route table's zod schemas.
import { buildOpenApiDocument } from '../../shared/openapi.ts';

process.stdout.write(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
