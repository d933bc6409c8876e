// Repository-relative locations used by the chain tooling (no absolute paths baked in).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHAIN_DIR = path.join(REPO_ROOT, 'chain');
/** Generated output (compiled vault, deployment.json, state dumps, logs). Ignored by git. */
export const BUILD_DIR = path.join(REPO_ROOT, 'build', 'chain');
/** Third-party downloads (Superfluid's published artifacts). Ignored by git. */
export const DEPS_DIR = path.join(REPO_ROOT, '.deps');
export const ANVIL_BIN = path.join(REPO_ROOT, 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');
