#!/usr/bin/env node
// A small dependency-free static server for the demo pages and the browser tests.
//   node scripts/serve.mjs [--port N] [--host 127.0.0.1]
// /dist/*                  -> build/wasm/dist/ (or $ACW_DIST)
// /react-wagmi/*           -> build/react-wagmi/ (the built React + wagmi example, scripts/react-example.sh)
// /host-examples/*, /storybook-wasm/*, /tests/browser/pages/* -> the repo
// /                        -> redirect to /host-examples/script-tag.html
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const MOUNTS = ['/host-examples/', '/storybook-wasm/', '/tests/browser/pages/'];

// Map a URL path to a file path, or null when it is outside the served folders.
function resolvePath(urlPath, root, dist) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0') || decoded.split(/[\/\\]/).includes('..')) return null;
  let base, rest;
  const built = { '/dist/': dist, '/react-wagmi/': path.join(root, 'build/react-wagmi') };
  const builtMount = Object.keys(built).find((m) => decoded.startsWith(m));
  if (builtMount) {
    base = built[builtMount]; rest = decoded.slice(builtMount.length);
  } else {
    const mount = MOUNTS.find((m) => decoded.startsWith(m));
    if (!mount) return null;
    base = path.join(root, mount); rest = decoded.slice(mount.length);
  }
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rest));
  const rel = path.relative(base, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

async function handle(req, res, root, dist) {
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'Cache-Control': 'no-cache, no-store, must-revalidate', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(405, 'method not allowed\n', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
  }
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/') return send(302, '', { Location: '/host-examples/script-tag.html' });
  // Resolve the raw path: URL() would silently normalise "/a/../b" and hide a traversal attempt.
  const rawPath = req.url.split(/[?#]/)[0];
  let file = resolvePath(rawPath, root, dist);
  if (!file) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
  try {
    let st = await fs.stat(file);
    if (st.isDirectory()) {
      if (!url.pathname.endsWith('/')) return send(302, '', { Location: url.pathname + '/' });
      file = path.join(file, 'index.html');
      st = await fs.stat(file);
    }
    const body = await fs.readFile(file);
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    return send(200, body, { 'Content-Type': type, 'Content-Length': body.length });
  } catch {
    return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
  }
}

// Starts the server; resolves to {server, port, url, close()}.
// `stack` (optional): what the demo pages need to reach the local chain and backend
// ({rpcUrl, backendUrl, deployment}); served as /stack.json, 404 without it.
export async function startServer({ port = 0, host = '127.0.0.1', root = repoRoot, dist, stack } = {}) {
  const distDir = path.resolve(dist || process.env.ACW_DIST || path.join(root, 'build/wasm/dist'));
  const stackJson = stack ? JSON.stringify(stack) : null;
  const server = http.createServer((req, res) => {
    if (req.url === '/stack.json' && stackJson && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : stackJson);
      return;
    }
    handle(req, res, root, distDir).catch(() => { res.statusCode = 500; res.end(); });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  return {
    server, port: actual, url,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

function parseArgs(argv) {
  const out = { port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') out.port = Number(argv[++i]);
    else if (argv[i] === '--host') out.host = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N] [--host 127.0.0.1]  (port 0 = pick a free one)');
      process.exit(0);
    } else { console.error(`unknown argument: ${argv[i]}`); process.exit(2); }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error('--port must be 0..65535'); process.exit(2);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { port, host } = parseArgs(process.argv.slice(2));
  const { url } = await startServer({ port, host });
  console.log(`serving ${url}`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
