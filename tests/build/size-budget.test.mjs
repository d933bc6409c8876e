// The widget's download budget (docs/performance.md): the built script + wasm, gzip -9, stay
// within 215 KB. Sizes only (deterministic); times and memory are the benchmark's job
// (bench/widget.mjs), never a test's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOWNLOAD_BUDGET_GZIP9, WIDGET_FILES, fileSizes } from '../../bench/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(process.env.ACW_DIST || path.join(root, 'build/wasm/dist'));

test('the widget downloads at most 215 KB gzip -9 before its first frame', () => {
  for (const name of WIDGET_FILES) assert.ok(fs.existsSync(path.join(dist, name)), `${name} is not built in ${dist}`);
  const sizes = fileSizes(dist, WIDGET_FILES);
  const total = WIDGET_FILES.reduce((sum, name) => sum + sizes[name].gzip9, 0);
  const detail = WIDGET_FILES.map((n) => `${n} ${sizes[n].gzip9} B`).join(', ');
  assert.ok(total <= DOWNLOAD_BUDGET_GZIP9, `${total} bytes gzip -9 (${detail}) > ${DOWNLOAD_BUDGET_GZIP9}`);
});

test('the shipped script is minified', () => {
  const js = fs.readFileSync(path.join(dist, 'ai-credits-widget.js'), 'utf8');
  // The shim's file markers and comments would be there if the terser pass had not run.
  assert.ok(!js.includes('// ---- controller.js'), 'the shim is not minified');
  assert.ok(js.split('\n').length < 50, `${js.split('\n').length} lines`);
});
