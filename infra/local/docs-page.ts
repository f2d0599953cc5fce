import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** The API reference page at /docs: Swagger UI served from node_modules (the machines are offline). */
const SWAGGER_DIR = path.join(REPO_ROOT, 'node_modules', 'swagger-ui-dist');

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

export function docsAsset(name: string): { file: string; contentType: string } | undefined {
  const contentType = ASSETS[name];
  return contentType ? { file: path.join(SWAGGER_DIR, name), contentType } : undefined;
}

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Werk- en zorgtrajecten API</title>
  <link rel="icon" href="/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      persistAuthorization: true,
      // Tags closed (over 90 operations); /docs#/<Tag>/<operationId> opens one.
      docExpansion: 'none',
      deepLinking: true,
    });
  </script>
</body>
</html>
`;
