// scripts/serve.mjs: routes, MIME types, caching headers, HEAD and path traversal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startServer } from '../../scripts/serve.mjs';
import { repoRoot } from './helpers.mjs';

let srv, dist;
before(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-dist-'));
  fs.writeFileSync(path.join(dist, 'ai-credits-widget.js'), 'export {};\n');
  fs.writeFileSync(path.join(dist, 'ai-credits-widget.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  srv = await startServer({ port: 0, dist });
});
after(async () => { await srv.close(); fs.rmSync(dist, { recursive: true, force: true }); });

const get = (p, init) => fetch(new URL(p, srv.url), { redirect: 'manual', ...init });

test('serves dist files with the right MIME types and no-cache', async () => {
  const wasm = await get('/dist/ai-credits-widget.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.match(wasm.headers.get('cache-control'), /no-cache/);
  assert.equal((await wasm.arrayBuffer()).byteLength, 8);
  const js = await get('/dist/ai-credits-widget.js');
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
});

test('serves the repo folders and redirects / to the script-tag demo', async () => {
  const html = await get('/host-examples/script-tag.html');
  assert.equal(html.status, 200);
  assert.match(html.headers.get('content-type'), /^text\/html/);
  assert.match(await html.text(), /<ai-credits-widget/);
  assert.equal((await get('/tests/browser/pages/widget.html')).status, 200);
  const root = await get('/');
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), '/host-examples/script-tag.html');
});

test('HEAD answers headers without a body', async () => {
  const res = await get('/host-examples/dev-wallet.js', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/javascript/);
  assert.ok(Number(res.headers.get('content-length')) > 0);
  assert.equal((await res.text()).length, 0);
});

test('refuses path traversal and unknown paths with 404', async () => {
  const net = await import('node:net');
  // fetch() normalises "..", so send raw request lines.
  const raw = (p) => new Promise((ok, fail) => {
    const s = net.connect(srv.port, '127.0.0.1', () => s.write(`GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let buf = '';
    s.on('data', (d) => { buf += d; });
    s.on('end', () => ok(Number(buf.split(' ')[1])));
    s.on('error', fail);
  });
  for (const p of ['/host-examples/../package.json', '/dist/../../package.json', '/host-examples/%2e%2e/package.json',
    '/host-examples/..%2fpackage.json', '/tests/browser/pages/../helpers.mjs', '/package.json', '/scripts/serve.mjs',
    '/host-examples/nope.html']) {
    assert.equal(await raw(p), 404, p);
  }
  assert.equal((await get('/host-examples/script-tag.html', { method: 'POST' })).status, 405);
});

test('the CLI prints the URL first, on a free port', async () => {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise((ok) => child.stdout.once('data', (d) => ok(String(d).split('\n')[0])));
    const m = /^serving (http:\/\/127\.0\.0\.1:(\d+)\/)$/.exec(line);
    assert.ok(m, line);
    assert.ok(Number(m[2]) > 0);
    assert.equal((await fetch(m[1] + 'host-examples/index.html')).status, 200);
  } finally { child.kill(); }
});

test('never serves dotfiles or files behind a symlink that leads out of the folder', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
  fs.writeFileSync(path.join(dist, '.env'), 'KEY=1\n');
  fs.mkdirSync(path.join(dist, '.git'), { recursive: true });
  fs.writeFileSync(path.join(dist, '.git', 'config'), '[core]\n');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dist, 'link.txt'));
  fs.symlinkSync(outside, path.join(dist, 'linked-dir'));
  fs.writeFileSync(path.join(dist, 'inside.txt'), 'ok\n');
  fs.symlinkSync(path.join(dist, 'inside.txt'), path.join(dist, 'inside-link.txt'));
  try {
    for (const p of ['/dist/.env', '/dist/.git/config', '/dist/%2egit/config', '/dist/link.txt',
      '/dist/linked-dir/secret.txt']) {
      assert.equal((await get(p)).status, 404, p);
    }
    assert.equal((await get('/dist/inside-link.txt')).status, 200);  // a link within the folder
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('every answer: nosniff and frame-ancestors; the allowed parents as /embed-config.json', async () => {
  for (const p of ['/dist/ai-credits-widget.js', '/dist/nope', '/nope', '/', '/storybook-wasm/']) {
    const res = await get(p);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
    assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'self'", p);
  }
  // The example host pages stand for other sites: nosniff, but framed by the tests' pages.
  const host = await get('/host-examples/script-tag.html');
  assert.equal(host.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(host.headers.get('content-security-policy'), null);
  assert.deepEqual(await (await get('/embed-config.json')).json(), { frameAncestors: [] });
  const other = await startServer({ port: 0, dist, frameAncestors: ['https://dapp.example', 'http://localhost:5173'] });
  try {
    const res = await fetch(new URL('/dist/ai-credits-widget.js', other.url));
    assert.equal(res.headers.get('content-security-policy'),
      "frame-ancestors 'self' https://dapp.example http://localhost:5173");
    assert.deepEqual(await (await fetch(new URL('/embed-config.json', other.url))).json(),
      { frameAncestors: ['https://dapp.example', 'http://localhost:5173'] });
  } finally { await other.close(); }
  const { parseOrigins } = await import('../../scripts/serve.mjs');
  assert.throws(() => parseOrigins('https://a.example/path'));
  assert.throws(() => parseOrigins('javascript:alert(1)'));
  assert.deepEqual(parseOrigins(' https://a.example ,'), ['https://a.example']);
});
