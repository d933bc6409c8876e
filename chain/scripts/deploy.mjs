#!/usr/bin/env node
// Deploys Superfluid + G$ + CreditsVault to a running local node and writes deployment.json.
//   node chain/scripts/deploy.mjs [--rpc http://127.0.0.1:8545] [--port N] [--out build/chain/deployment.json] [--quiet]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deployAll } from '../lib/deploy.mjs';
import { BUILD_DIR } from '../lib/paths.mjs';

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    port: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const rpcUrl = values.rpc ?? `http://127.0.0.1:${values.port ?? process.env.ANVIL_PORT ?? 8545}`;
const out = path.resolve(values.out ?? path.join(BUILD_DIR, 'deployment.json'));
const log = values.quiet ? () => {} : (m) => console.error(`[deploy] ${m}`);
try {
  await deployAll({ rpcUrl, out, log });
  console.log(out);
} catch (e) {
  console.error(`[deploy] failed: ${e.stack || e.message}`);
  process.exit(1);
}
