// A proxy in front of the real dev backend that can misbehave on purpose, for the fault tests:
// the widget must end in a clear state with nothing lost, whatever the backend does.
import http from 'node:http';

// mode: pass | down (the connection drops) | status500 | slow (answers after `slowMs`) |
//       malformed (200, not JSON) | wrongTypes (200, amounts as numbers) | huge (200, 3 MB)
export async function startFaultProxy(targetUrl, { slowMs = 4000 } = {}) {
  const target = new URL(targetUrl);
  let mode = 'pass';
  let only = null;  // a RegExp: misbehave only for matching paths
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS' };
  const sockets = new Set();

  const server = http.createServer((req, res) => {
    const faulty = mode !== 'pass' && req.method !== 'OPTIONS' && (!only || only.test(req.url));
    const reply = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...cors });
      res.end(body);
    };
    if (faulty && mode === 'down') return req.socket.destroy();
    if (faulty && mode === 'status500') return reply(500, '{"error":"internal error (injected)"}');
    if (faulty && mode === 'malformed') return reply(200, '{"remainingUsd": "10", oops');
    if (faulty && mode === 'huge') return reply(200, `{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    const forward = () => {
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method,
        headers: { ...req.headers, host: target.host } }, (up) => {
        if (faulty && mode === 'wrongTypes') {
          let text = '';
          up.on('data', (c) => { text += c; });
          up.on('end', () => reply(up.statusCode, text.replace(/"(\w+(?:Usd|Wei|Bps|MicroUsdPerG))":"(\d+)"/g, '"$1":$2')));
          return;
        }
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => reply(502, '{"error":"upstream unreachable"}'));
      req.pipe(upstream);
    };
    if (faulty && mode === 'slow') setTimeout(forward, slowMs);
    else forward();
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    set(next, pathPattern = null) { mode = next; only = pathPattern; },
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }),
  };
}
