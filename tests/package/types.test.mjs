// The package's TypeScript declarations, checked as a user's project sees them: the packed
// tarball unpacked into node_modules/ai-credits-widget of a scratch project, the usage files of
// tests/package/types/ beside it, `tsc --noEmit --strict` (TypeScript from the lockfile).
// misspelled.tsx holds lines that must not compile (@ts-expect-error): tsc fails when the types
// stop catching a misspelled attribute, event or state name.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(root, 'node_modules/typescript/bin/tsc');
const usageDir = path.join(root, 'tests/package/types');

function scratchProject() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/package/ai-credits-widget/package.json'), 'utf8'));
  const tarball = path.join(root, 'build/package', `${manifest.name}-${manifest.version}.tgz`);
  const project = path.join(root, 'build/package-typecheck');
  fs.rmSync(project, { recursive: true, force: true });
  const pkg = path.join(project, 'node_modules/ai-credits-widget');
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  fs.symlinkSync(path.join(root, 'node_modules/@types'), path.join(project, 'node_modules/@types'));
  for (const f of fs.readdirSync(usageDir)) fs.copyFileSync(path.join(usageDir, f), path.join(project, f));
  return project;
}

test('tsc --strict accepts the usage files and rejects every misspelling in misspelled.tsx', () => {
  const project = scratchProject();
  const r = spawnSync(process.execPath, [TSC, '-p', path.join(project, 'tsconfig.json'), '--noEmit', '--strict'],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  // The check can fail: without its directives, each marked line of misspelled.tsx is an error.
  const file = path.join(project, 'misspelled.tsx');
  const text = fs.readFileSync(file, 'utf8');
  const directive = /^\s*\/\/ @ts-expect-error.*$/gm;
  const marked = (text.match(directive) || []).length;
  assert.ok(marked >= 10, `${marked} marked lines`);
  fs.writeFileSync(file, text.replace(directive, ''));
  const bare = spawnSync(process.execPath, [TSC, '-p', path.join(project, 'tsconfig.json')], { encoding: 'utf8' });
  const errors = (bare.stdout.match(/misspelled\.tsx\(\d+,\d+\): error/g) || []).length;
  assert.equal(errors, marked, `${marked} lines are marked, tsc reports ${errors} errors:\n${bare.stdout}`);
});
