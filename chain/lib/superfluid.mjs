// Superfluid's published, compiled framework (npm @superfluid-finance/ethereum-contracts).
//
// We do NOT add the package to package.json: its npm dependencies (hardhat, truffle,
// safe-global kits, ethers 5 ...) weigh ~870 MB and we only need ~20 compiled artifacts
// of its 14 MB tarball. So at setup time we fetch the pinned tarball with npm's own client
// (`npm pack`, which uses and fills npm's cache), check its sha512 against the pin below,
// and extract just those artifacts into .deps/ (ignored by git, never committed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEPS_DIR } from './paths.mjs';

export const SUPERFLUID_PACKAGE = '@superfluid-finance/ethereum-contracts';
export const SUPERFLUID_VERSION = '1.15.2';
export const SUPERFLUID_INTEGRITY =
  'sha512-pvNZvjR72VNdVsUyk0AEsyU8nhk3ClFI9IDfpDVgHaeupugUzrtrsWAwr8s9iAbNgC7uS4e3/kz1Afd+aK5H7Q==';

const STEPS = 'build/hardhat/contracts/utils/SuperfluidFrameworkDeploymentSteps.t.sol';
/** name -> path inside the package */
export const ARTIFACTS = {
  SlotsBitmapLibrary: 'build/hardhat/contracts/libs/SlotsBitmapLibrary.sol/SlotsBitmapLibrary.json',
  SuperfluidPoolDeployerLibrary:
    'build/hardhat/contracts/agreements/gdav1/SuperfluidPoolDeployerLibrary.sol/SuperfluidPoolDeployerLibrary.json',
  SuperfluidGovDeployerLibrary: `${STEPS}/SuperfluidGovDeployerLibrary.json`,
  SuperfluidHostDeployerLibrary: `${STEPS}/SuperfluidHostDeployerLibrary.json`,
  SuperfluidCFAv1DeployerLibrary: `${STEPS}/SuperfluidCFAv1DeployerLibrary.json`,
  SuperfluidIDAv1DeployerLibrary: `${STEPS}/SuperfluidIDAv1DeployerLibrary.json`,
  SuperfluidGDAv1DeployerLibrary: `${STEPS}/SuperfluidGDAv1DeployerLibrary.json`,
  SuperTokenDeployerLibrary: `${STEPS}/SuperTokenDeployerLibrary.json`,
  SuperfluidPeripheryDeployerLibrary: `${STEPS}/SuperfluidPeripheryDeployerLibrary.json`,
  SuperfluidPoolLogicDeployerLibrary: `${STEPS}/SuperfluidPoolLogicDeployerLibrary.json`,
  SuperfluidPoolNFTLogicDeployerLibrary: `${STEPS}/SuperfluidPoolNFTLogicDeployerLibrary.json`,
  ProxyDeployerLibrary: `${STEPS}/ProxyDeployerLibrary.json`,
  CFAv1ForwarderDeployerLibrary: `${STEPS}/CFAv1ForwarderDeployerLibrary.json`,
  GDAv1ForwarderDeployerLibrary: `${STEPS}/GDAv1ForwarderDeployerLibrary.json`,
  SuperTokenFactoryDeployerLibrary: `${STEPS}/SuperTokenFactoryDeployerLibrary.json`,
  TokenDeployerLibrary: `${STEPS}/TokenDeployerLibrary.json`,
  SuperfluidFrameworkDeployer:
    'build/hardhat/contracts/utils/SuperfluidFrameworkDeployer.t.sol/SuperfluidFrameworkDeployer.json',
  ERC1820Registry: 'dev-scripts/artifacts/ERC1820Registry.json',
};

export const SUPERFLUID_DIR = path.join(DEPS_DIR, `superfluid-ethereum-contracts-${SUPERFLUID_VERSION}`);

function sri(file) {
  return 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

/** Makes sure the artifacts are extracted; returns their folder. Safe to call concurrently. */
export function ensureSuperfluid({ log = () => {} } = {}) {
  const stamp = path.join(SUPERFLUID_DIR, '.complete');
  if (fs.existsSync(stamp)) return SUPERFLUID_DIR;
  fs.mkdirSync(DEPS_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-pack-'));
  try {
    log(`fetching ${SUPERFLUID_PACKAGE}@${SUPERFLUID_VERSION} with npm pack ...`);
    execFileSync('npm', ['pack', `${SUPERFLUID_PACKAGE}@${SUPERFLUID_VERSION}`, '--pack-destination', tmp,
      '--prefer-offline', '--silent', '--ignore-scripts'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball');
    const got = sri(path.join(tmp, tgz));
    if (got !== SUPERFLUID_INTEGRITY) {
      throw new Error(`integrity mismatch for ${SUPERFLUID_PACKAGE}@${SUPERFLUID_VERSION}: ${got}`);
    }
    const stage = fs.mkdtempSync(path.join(DEPS_DIR, '.superfluid-stage-'));
    const members = [...Object.values(ARTIFACTS), 'package.json', 'LICENSE'].map((p) => `package/${p}`);
    // LICENSE may be absent; tar fails on a missing member, so list first.
    const listing = new Set(execFileSync('tar', ['-tzf', path.join(tmp, tgz)], { maxBuffer: 64 << 20 })
      .toString().split('\n'));
    const wanted = members.filter((m) => listing.has(m));
    for (const m of members) {
      if (!listing.has(m) && !m.endsWith('LICENSE')) throw new Error(`missing in tarball: ${m}`);
    }
    execFileSync('tar', ['-xzf', path.join(tmp, tgz), '-C', stage, '--strip-components=1', ...wanted]);
    fs.writeFileSync(path.join(stage, '.complete'), `${SUPERFLUID_INTEGRITY}\n`);
    fs.chmodSync(stage, 0o755);
    try {
      fs.renameSync(stage, SUPERFLUID_DIR);
    } catch (e) {
      // Another process won the race: keep theirs.
      fs.rmSync(stage, { recursive: true, force: true });
      if (!fs.existsSync(stamp)) throw e;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return SUPERFLUID_DIR;
}

const cache = new Map();
export function loadArtifact(name) {
  if (!cache.has(name)) {
    const rel = ARTIFACTS[name];
    if (!rel) throw new Error(`unknown artifact ${name}`);
    const dir = ensureSuperfluid();
    cache.set(name, JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')));
  }
  return cache.get(name);
}

/** Replaces the library placeholders of a hardhat artifact's bytecode with addresses. */
export function linkBytecode(artifact, libraries) {
  let hex = artifact.bytecode.startsWith('0x') ? artifact.bytecode.slice(2) : artifact.bytecode;
  for (const [, libs] of Object.entries(artifact.linkReferences || {})) {
    for (const [libName, refs] of Object.entries(libs)) {
      const addr = libraries[libName];
      if (!addr) throw new Error(`${artifact.contractName}: library ${libName} not given`);
      const clean = addr.toLowerCase().replace(/^0x/, '');
      for (const { start, length } of refs) {
        hex = hex.slice(0, start * 2) + clean + hex.slice((start + length) * 2);
        if (length !== 20) throw new Error('unexpected link length');
      }
    }
  }
  if (hex.includes('__')) throw new Error(`${artifact.contractName}: unlinked placeholder left`);
  return '0x' + hex;
}

/** Library names a hardhat artifact needs linked. */
export function libraryNames(artifact) {
  const names = [];
  for (const libs of Object.values(artifact.linkReferences || {})) names.push(...Object.keys(libs));
  return names;
}
