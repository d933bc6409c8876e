#!/usr/bin/env node
// The whole local stack on loopback: anvil with our contracts, the dev backend, and the
// static server for the pages. Used by the demo (`node scripts/stack.mjs`) and by the
// end-to-end tests (`startStack()`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAnvil, freePort } from '../chain/lib/anvil.mjs';
import { deployAll } from '../chain/lib/deploy.mjs';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BACKEND_BIN = path.join(root, 'build/native/dev-backend/acw-dev-backend');

async function waitForHealth(url, child, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`dev backend exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`dev backend at ${url} did not answer within ${timeoutMs} ms`);
}

/** Starts the dev backend on `port` against `deploymentFile`; returns {url, child, stop()}. */
// `siweOrigins`: the sites whose pages may sign in (the backend's --siwe-origin).
export async function startBackend({ port, dbPath, deploymentFile, logFile, siweOrigins = [] }) {
  if (!fs.existsSync(BACKEND_BIN)) throw new Error(`dev backend not built: ${BACKEND_BIN} (run scripts/build.sh native)`);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(BACKEND_BIN, ['--host', '127.0.0.1', '--port', String(port), '--db', dbPath,
    '--deployment', deploymentFile, '--scan-interval-ms', '500',
    // anvil's blocks are never reorganized: credit at once (Celo: see dev-backend/README.md).
    '--confirmations', '1',
    ...(siweOrigins.length ? ['--siwe-origin', siweOrigins.join(',')] : [])], { stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((ok) => child.once('exit', ok));
  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  try {
    await waitForHealth(url, child);
  } catch (e) {
    await stop('SIGKILL');
    throw e;
  }
  return { url, child, stop };
}

/**
 * Starts anvil, deploys, starts the backend and the static server.
 * Returns {rpcUrl, backendUrl, webUrl, deployment, workDir, restartBackend(), stopBackend(), stop()}.
 */
export async function startStack({ webPort = 0, backendPort, anvilPort, workDir, intervalMiningSeconds = 0,
  log = () => {} } = {}) {
  const dir = workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acw-stack-'));
  fs.mkdirSync(dir, { recursive: true });
  const deploymentFile = path.join(dir, 'deployment.json');
  const dbPath = path.join(dir, 'backend.sqlite');
  const anvil = await startAnvil({ port: anvilPort, logFile: path.join(dir, 'anvil.log') });
  const stops = [() => anvil.stop()];
  try {
    log(`anvil on ${anvil.url}; deploying…`);
    const deployment = await deployAll({ rpcUrl: anvil.url, out: deploymentFile });
    if (intervalMiningSeconds > 0) {
      // Deploy with automine (TOOLCHAIN.md); then blocks every N s so streams accrue in real time.
      await fetch(anvil.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_setIntervalMining', params: [intervalMiningSeconds] }),
      });
    }
    const bPort = backendPort ?? (await freePort());
    const backendUrl = `http://127.0.0.1:${bPort}`;
    // The page server first: its origin is the site the backend offers sign-in to.
    const web = await startServer({ port: webPort, stack: { rpcUrl: anvil.url, backendUrl, deployment } });
    stops.push(() => web.close());
    const webOrigin = new URL(web.url).origin;
    const siweOrigins = [webOrigin, webOrigin.replace('//127.0.0.1:', '//localhost:')];
    const backendOpts = { port: bPort, dbPath, deploymentFile, logFile: path.join(dir, 'backend.log'), siweOrigins };
    let backend = await startBackend(backendOpts);
    const stack = {
      rpcUrl: anvil.url,
      backendUrl: backend.url,
      deployment,
      workDir: dir,
      stopBackend: (signal) => backend.stop(signal),
      restartBackend: async () => {
        await backend.stop();
        backend = await startBackend(backendOpts);
      },
    };
    stops.push(() => backend.stop());
    stack.webUrl = web.url;
    stack.stop = async () => {
      for (const s of stops.reverse()) await s().catch(() => {});
    };
    return stack;
  } catch (e) {
    for (const s of stops.reverse()) await s().catch(() => {});
    throw e;
  }
}

// `node scripts/stack.mjs [--port N]`: the demo. Runs until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const webPort = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const workDir = path.join(root, 'build/demo');
  fs.rmSync(workDir, { recursive: true, force: true });
  // The usual local ports (a wallet extension can add http://127.0.0.1:8545 as a network), or
  // free ones when those are taken.
  const stack = await startStack({ webPort, workDir, anvilPort: 8545, backendPort: 8787, intervalMiningSeconds: 1,
    log: (m) => console.log(m) })
    .catch(() => {
      fs.rmSync(workDir, { recursive: true, force: true });
      return startStack({ webPort, workDir, intervalMiningSeconds: 1, log: (m) => console.log(m) });
    });
  console.log(`local chain   ${stack.rpcUrl} (chain 31337)`);
  console.log(`dev backend   ${stack.backendUrl}`);
  console.log(`\nDemo: ${stack.webUrl}host-examples/script-tag.html\n`);
  const quit = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
