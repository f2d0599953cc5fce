import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRIM_INSTALLED_MODULES } from '../../infra/constructs/route-function.ts';

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))],
  );
}

describe('the packages installed next to a bundle (nodeModules)', () => {
  it('lose their source maps and browser, standalone and legacy builds; what Node loads stays', () => {
    const output = mkdtempSync(path.join(tmpdir(), 'wez-trim-'));
    try {
      const files = [
        'node_modules/pdfkit/js/pdfkit.node.mjs',
        'node_modules/pdfkit/js/pdfkit.js',
        'node_modules/pdfkit/js/standard-fonts/Helvetica.mjs',
        'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
        'node_modules/pdfkit/js/pdfkit.node.mjs.map',
        'node_modules/pdfkit/js/pdfkit.browser.mjs',
        'node_modules/pdfkit/js/pdfkit.browser.old.js',
        'node_modules/pdfkit/js/pdfkit.standalone.js',
        'node_modules/pdfkit/js/pdfkit.old.js',
        'node_modules/fontkit/dist/module.mjs',
        'node_modules/fontkit/dist/main.cjs',
        'node_modules/fontkit/dist/browser-module.mjs',
        'node_modules/fontkit/dist/browser.cjs',
        'node_modules/fontkit/dist/module.mjs.map',
        'node_modules/linebreak/src/linebreaker.js',
        'index.mjs',
        'index.mjs.map',
      ];
      for (const file of files) {
        mkdirSync(path.dirname(path.join(output, file)), { recursive: true });
        writeFileSync(path.join(output, file), 'x');
      }
      for (const command of TRIM_INSTALLED_MODULES.afterBundling('/in', output)) execFileSync('bash', ['-c', command]);
      expect(filesUnder(output).sort()).toEqual(
        [
          'index.mjs',
          'index.mjs.map', // the function's own source map (NODE_OPTIONS=--enable-source-maps) is not in node_modules
          'node_modules/fontkit/dist/main.cjs',
          'node_modules/fontkit/dist/module.mjs',
          'node_modules/linebreak/src/linebreaker.js',
          'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
          'node_modules/pdfkit/js/pdfkit.js',
          'node_modules/pdfkit/js/pdfkit.node.mjs',
          'node_modules/pdfkit/js/standard-fonts/Helvetica.mjs',
        ].sort(),
      );
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});
