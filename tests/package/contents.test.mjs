// The npm package (scripts/package.sh → build/package/): what the tarball holds, its manifest,
// its download sizes against the widget's budget, and that its ES module loads outside a
// browser (a server rendering the host page imports it) without touching the DOM.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOWNLOAD_BUDGET_GZIP9, fileSizes } from '../../bench/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'build/package');
const dir = path.join(out, 'ai-credits-widget');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const tarball = path.join(out, `${manifest.name}-${manifest.version}.tgz`);

const EXPECTED_FILES = [
  'LICENSE', 'README.md', 'package.json',
  'ai-credits-widget.mjs', 'ai-credits-widget.js', 'ai-credits-widget.wasm', 'react.mjs',
  'ai-credits-bridge.mjs', 'ai-credits-bridge.js', 'iframe.html', 'ai-credits-frame.js', 'ai-credits-frame.css',
  'index.d.ts', 'script.d.ts', 'react.d.ts', 'iframe-bridge.d.ts',
].sort();

test('the tarball holds exactly the package files: no tests, no source maps, no sources', () => {
  assert.ok(fs.existsSync(tarball), `${tarball} missing (scripts/package.sh)`);
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
    .map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, EXPECTED_FILES);
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tgz')), [path.basename(tarball)], 'one tarball');
});

test('package.json: exports, types, files, sideEffects, license; no runtime dependencies, react an optional peer', () => {
  assert.equal(manifest.name, 'ai-credits-widget');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.ok(manifest.license, 'license');
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.peerDependenciesMeta, { react: { optional: true } });
  assert.ok(manifest.peerDependencies.react);
  const entries = {
    '.': ['./index.d.ts', './ai-credits-widget.mjs'],
    './script': ['./script.d.ts', './ai-credits-widget.js'],
    './react': ['./react.d.ts', './react.mjs'],
    './iframe-bridge': ['./iframe-bridge.d.ts', './ai-credits-bridge.mjs'],
  };
  for (const [key, [types, file]] of Object.entries(entries)) {
    assert.deepEqual(manifest.exports[key], { types, default: file }, `exports["${key}"]`);
  }
  assert.equal(manifest.exports['./package.json'], './package.json');
  for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))) {
    assert.ok(fs.existsSync(path.join(dir, target)), `exports target ${target} is not in the package`);
  }
  assert.ok(manifest.sideEffects.includes('./ai-credits-widget.mjs'), 'defining the element is a side effect');
  assert.ok(!manifest.sideEffects.includes('./react.mjs'));
  assert.deepEqual([...manifest.files].sort(),
    EXPECTED_FILES.filter((f) => !['LICENSE', 'README.md', 'package.json'].includes(f)));
  // The license the manifest names is the one the package carries.
  assert.match(fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8'), new RegExp(`^${manifest.license} License\\n`));
});

test('either entry + the wasm stays within the download budget (gzip -9)', () => {
  const sizes = fileSizes(dir, ['ai-credits-widget.mjs', 'ai-credits-widget.js', 'ai-credits-widget.wasm', 'react.mjs']);
  for (const entry of ['ai-credits-widget.mjs', 'ai-credits-widget.js']) {
    const total = sizes[entry].gzip9 + sizes['ai-credits-widget.wasm'].gzip9;
    assert.ok(total <= DOWNLOAD_BUDGET_GZIP9, `${entry} + wasm: ${total} B gzip -9 > ${DOWNLOAD_BUDGET_GZIP9}`);
  }
  // The React component is a thin layer over the element.
  assert.ok(sizes['react.mjs'].gzip9 < 2000, `react.mjs ${sizes['react.mjs'].gzip9} B gzip -9`);
});

test('the ES module finds the wasm beside itself in a form bundlers rewrite, and sets no globals', () => {
  const mjs = fs.readFileSync(path.join(dir, 'ai-credits-widget.mjs'), 'utf8');
  assert.match(mjs, /new URL\("\.\/ai-credits-widget\.wasm",import\.meta\.url\)/);
  assert.ok(!mjs.includes('window.AiCreditsWidget'), 'the module publishes window.AiCreditsWidget');
  const js = fs.readFileSync(path.join(dir, 'ai-credits-widget.js'), 'utf8');
  assert.ok(!js.includes('import.meta'), 'import.meta is a syntax error in a classic script');
  assert.ok(js.includes('window.AiCreditsWidget'));
});

test('the ES module and the bridge module load outside a browser and export their API', async () => {
  const widget = await import(pathToFileURL(path.join(dir, 'ai-credits-widget.mjs')).href);
  assert.deepEqual(Object.keys(widget).sort(), ['AiCreditsWidgetElement', 'mount', 'version']);
  assert.equal(widget.version, manifest.version);
  assert.equal(typeof widget.mount, 'function');
  assert.deepEqual(widget.AiCreditsWidgetElement.observedAttributes.slice(0, 2), ['chain-id', 'chain-name']);
  const bridge = await import(pathToFileURL(path.join(dir, 'ai-credits-bridge.mjs')).href);
  assert.deepEqual(Object.keys(bridge), ['bridge']);
  assert.equal(globalThis.AiCreditsWidget, undefined);
});
