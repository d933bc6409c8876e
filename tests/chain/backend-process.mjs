// The real dev backend binary (build/native/dev-backend/acw-dev-backend, built by
// `cmake --build --preset native`) as a child process of a chain test, on a free port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../chain/lib/paths.mjs';

const BACKEND_BIN = path.join(REPO_ROOT, 'build', 'native', 'dev-backend', 'acw-dev-backend');

/** Starts the backend binary with --port 0 and `args`, and reads the port it prints. */
export async function startBackend(deploymentFile, dbPath, args = []) {
  if (!fs.existsSync(BACKEND_BIN)) {
    throw new Error(`dev backend not built: ${BACKEND_BIN} (cmake --preset native && cmake --build --preset native)`);
  }
  const child = spawn(BACKEND_BIN, ['--host', '127.0.0.1', '--port', '0', '--db', dbPath,
    '--deployment', deploymentFile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-20_000); });
  const exited = new Promise((ok) => child.once('exit', ok));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${stderr}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code}:\n${stderr}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  return { url, stop, log: () => stderr };
}
