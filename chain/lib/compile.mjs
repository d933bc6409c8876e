// Compiles chain/contracts/*.sol with npm `solc` (solcjs: no compiler download) and caches
// the result in build/chain/artifacts/ keyed by a hash of sources + compiler + settings.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, CHAIN_DIR } from './paths.mjs';

const require = createRequire(import.meta.url);

export const SOLC_SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
};

const ARTIFACT_DIR = path.join(BUILD_DIR, 'artifacts');

/** Returns {abi, bytecode, methodIdentifiers} of `contractName` from chain/contracts/<file>. */
export function compileContract(file = 'CreditsVault.sol', contractName = 'CreditsVault') {
  const srcPath = path.join(CHAIN_DIR, 'contracts', file);
  const source = fs.readFileSync(srcPath, 'utf8');
  const solcVersion = require('solc/package.json').version;
  const key = createHash('sha256')
    .update(JSON.stringify({ file, source, solcVersion, SOLC_SETTINGS })).digest('hex').slice(0, 16);
  const out = path.join(ARTIFACT_DIR, `${contractName}.${key}.json`);
  if (fs.existsSync(out)) return JSON.parse(fs.readFileSync(out, 'utf8'));

  const solc = require('solc');
  const input = { language: 'Solidity', sources: { [file]: { content: source } }, settings: SOLC_SETTINGS };
  const result = JSON.parse(solc.compile(JSON.stringify(input), {
    import: () => ({ error: 'imports are not used by chain/contracts' }),
  }));
  const errors = (result.errors || []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const c = result.contracts[file][contractName];
  const artifact = {
    contractName,
    compiler: `solc-js ${solc.version()}`,
    settings: SOLC_SETTINGS,
    abi: c.abi,
    bytecode: '0x' + c.evm.bytecode.object,
    methodIdentifiers: c.evm.methodIdentifiers,
  };
  fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(artifact, null, 1));
  fs.renameSync(tmp, out);
  // Stable name for humans and other tools (last compiled wins).
  const stable = path.join(ARTIFACT_DIR, `${contractName}.json`);
  fs.writeFileSync(`${stable}.${process.pid}.tmp`, JSON.stringify(artifact, null, 1));
  fs.renameSync(`${stable}.${process.pid}.tmp`, stable);
  return artifact;
}
