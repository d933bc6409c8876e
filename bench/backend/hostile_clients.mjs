#!/usr/bin/env node
// Misbehaving clients for bench/backend/load.sh, all on loopback, bounded by --seconds:
//   --slowloris N      connections that send a request head a line per second, never ending it
//   --idle N           keep-alive connections idle after one answered request
//   --flood-headers N  connections that send header lines as fast as they can
//   --flood-chunked N  connections that send a chunked body as fast as they can
// Each comes from addresses 127.0.0.2 and up (32 connections per address, below the server's
// per-client cap), so the ordinary client on 127.0.0.1 is another client. A connection the
// server closes is opened again after 100 ms. Prints one JSON line of counts at the end.
import net from 'node:net';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const port = Number(args.port);
const seconds = Number(args.seconds ?? 10);
if (!(port > 0) || !(seconds > 0 && seconds <= 600)) {
  console.error('usage: hostile_clients.mjs --port N [--seconds 10] [--slowloris N] [--idle N] [--flood-headers N] [--flood-chunked N]');
  process.exit(2);
}
const counts = { opened: 0, closedByServer: 0, bytesSent: 0, answered: 0 };
const sockets = new Set();
let stopping = false;
// Source address number n (0, 1, …) -> 127.0.0.2, 127.0.0.3, …
const address = (n) => `127.0.${Math.floor(n / 250)}.${(n % 250) + 2}`;

// Opens connection i of a kind, `start(socket)` drives it; reopens it when the server closes it.
function keep(kind, i, localAddress, start) {
  if (stopping) return;
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  sockets.add(socket);
  counts.opened++;
  socket.setNoDelay(true);
  socket.on('error', () => {});
  socket.on('data', (d) => { if (String(d).startsWith('HTTP/1.1 ')) counts.answered++; });
  socket.on('close', () => {
    sockets.delete(socket);
    clearInterval(socket.timer);
    if (stopping) return;
    counts.closedByServer++;
    setTimeout(() => keep(kind, i, localAddress, start), 100);
  });
  socket.on('connect', () => start(socket));
}

const write = (socket, text) => {
  if (socket.destroyed) return false;
  counts.bytesSent += text.length;
  return socket.write(text);
};

const kinds = {
  slowloris: (socket) => {
    write(socket, 'GET /health HTTP/1.1\r\nHost: x\r\n');
    socket.timer = setInterval(() => write(socket, 'X-Slow: 1\r\n'), 1000);
  },
  idle: (socket) => write(socket, 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n'),
  'flood-headers': (socket) => {
    write(socket, 'GET /health HTTP/1.1\r\nHost: x\r\n');
    const line = `X-Fill: ${'a'.repeat(1000)}\r\n`.repeat(16);
    const pump = () => { while (!socket.destroyed && write(socket, line)) { /* until the buffer is full */ } };
    socket.on('drain', pump);
    pump();
  },
  'flood-chunked': (socket) => {
    write(socket, 'POST /v1/celo/events/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = `1000\r\n${' '.repeat(4096)}\r\n`.repeat(4);
    const pump = () => { while (!socket.destroyed && write(socket, chunk)) { /* until the buffer is full */ } };
    socket.on('drain', pump);
    pump();
  },
};

let firstAddress = 0;
for (const [kind, start] of Object.entries(kinds)) {
  const n = Number(args[kind] ?? 0);
  for (let i = 0; i < n; i++) keep(kind, i, address(firstAddress + Math.floor(i / 32)), start);
  firstAddress += Math.ceil(n / 32);
}

setTimeout(() => {
  stopping = true;
  for (const s of sockets) s.destroy();
  console.log(JSON.stringify({ ...counts, open: sockets.size }));
  process.exit(0);
}, seconds * 1000);
