#!/usr/bin/env node
// Setup-time preparation of the local chain tooling (idempotent, ~2 s cold, instant after):
// fetches Superfluid's pinned artifacts into .deps/ and compiles CreditsVault into build/chain/.
// deploy.mjs and the tests do this on demand too; bootstrap can call it to do it up front.
import { ensureSuperfluid } from '../lib/superfluid.mjs';
import { compileContract } from '../lib/compile.mjs';

const dir = ensureSuperfluid({ log: (m) => console.error(`[chain-setup] ${m}`) });
const vault = compileContract('CreditsVault.sol', 'CreditsVault');
console.error(`[chain-setup] superfluid artifacts: ${dir}`);
console.error(`[chain-setup] CreditsVault: ${(vault.bytecode.length - 2) / 2} bytes (${vault.compiler})`);
