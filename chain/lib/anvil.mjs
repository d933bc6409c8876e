// Starts the anvil binary shipped by npm @foundry-rs/anvil-linux-amd64.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { ANVIL_BIN } from './paths.mjs';

export const CHAIN_ID = 31337;
/** Superfluid's largest contract is 32,428 bytes, above EIP-170's 24,576. */
export const CODE_SIZE_LIMIT = 32768;

/** A port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function anvilArgs({ port, loadState, dumpState, extraArgs = [] }) {
  const args = [
    '--host', '127.0.0.1', '--port', String(port),
    '--chain-id', String(CHAIN_ID),
    '--code-size-limit', String(CODE_SIZE_LIMIT),
    // No --block-time: automine during deploys (see TOOLCHAIN.md). Tests that want time to
    // pass use evm_increaseTime + evm_mine, or evm_setIntervalMining after the deploy.
  ];
  if (loadState) args.push('--load-state', loadState);
  if (dumpState) args.push('--dump-state', dumpState);
  return [...args, ...extraArgs];
}

async function answers(url) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    const body = await res.json();
    return body.result === '0x' + CHAIN_ID.toString(16);
  } catch {
    return false;
  }
}

export async function waitForRpc(url, { timeoutMs = 15_000, child } = {}) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}`);
    if (await answers(url)) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`anvil at ${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts anvil on `port` (a free one when omitted). Returns {url, port, child, stop()}.
 * stop() ends exactly this child (SIGTERM, then SIGKILL after 5 s).
 */
export async function startAnvil({ port, loadState, dumpState, extraArgs, logFile, tries = 3 } = {}) {
  if (!fs.existsSync(ANVIL_BIN)) {
    throw new Error(`anvil not found at ${ANVIL_BIN}: run npm ci (dev dependency @foundry-rs/anvil-linux-amd64)`);
  }
  let lastErr;
  for (let attempt = 0; attempt < tries; attempt++) {
    const p = port ?? (await freePort());
    const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
    const child = spawn(ANVIL_BIN, anvilArgs({ port: p, loadState, dumpState, extraArgs }), {
      stdio: ['ignore', out, out],
    });
    if (typeof out === 'number') fs.closeSync(out);
    const url = `http://127.0.0.1:${p}`;
    const exited = new Promise((ok) => child.once('exit', ok));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    };
    try {
      await waitForRpc(url, { child });
      return { url, port: p, child, stop };
    } catch (e) {
      lastErr = e;
      await stop();
      if (port) break; // a fixed port that failed will fail again
    }
  }
  throw lastErr;
}
