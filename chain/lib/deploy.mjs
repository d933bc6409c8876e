// Deploys, on a fresh anvil: the real Superfluid framework (its own published artifacts,
// libraries linked here), a pure SuperToken "G$" (18 decimals), our CreditsVault SuperApp,
// and funds the dev accounts with G$. Uses ethers 6 only for ABI coding.
import { Interface, AbiCoder, getAddress } from 'ethers';
import fs from 'node:fs';
import path from 'node:path';
import { compileContract } from './compile.mjs';
import { rpcClient } from './rpc.mjs';
import { ensureSuperfluid, loadArtifact, linkBytecode, libraryNames } from './superfluid.mjs';
import { CHAIN_ID } from './anvil.mjs';

export const G = 10n ** 18n;
export const DEFAULTS = Object.freeze({
  tokenName: 'GoodDollar (local)',
  tokenSymbol: 'G$',
  // 1 G$ = 10,000 micro-USD = US$0.01, so 1,000 G$ ≈ US$10 and the US$1 minimum is 100 G$.
  priceMicroUsdPerG: 10_000n,
  minFirstDepositMicroUsd: 1_000_000n,
  minStreamMicroUsdPerMonth: 1_000_000n,
  fundWei: 10_000n * G, // accounts #0..#8
  lowFundWei: 50n * G, // account #9: below the first-deposit minimum, for "insufficient" tests
});

const ERC1820_ADDRESS = '0x1820a4b7618bde71dce8cdc73aab6c95905fad24';
const ERC1820_DEPLOYER = '0xa990077c3205cbDf861e17Fa532eeB069cE9fF96';
// Nick's-method keyless deployment of the ERC-1820 registry (EIP-1820), as in Superfluid's
// dev-scripts/deploy-test-framework.js.
const erc1820Payload = (bin) => '0xf90a388085174876e800830c35008080b909e5' + bin +
  '1ba01820182018201820182018201820182018201820182018201820182018201820a01820182018201820182018201820182018201820182018201820182018201820';

export const HOST_ABI = [
  'function batchCall((uint32 operationType, address target, bytes data)[] operations) payable',
  'function isApp(address app) view returns (bool)',
  'function isAppJailed(address app) view returns (bool)',
  'function getAppManifest(address app) view returns (bool isSuperApp, bool isJailed, uint256 noopMask)',
  'function getAgreementClass(bytes32 agreementType) view returns (address)',
];
export const TOKEN_ABI = [
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function getHost() view returns (address)',
];
export const FORWARDER_ABI = [
  'function createFlow(address token, address sender, address receiver, int96 flowrate, bytes userData) returns (bool)',
  'function updateFlow(address token, address sender, address receiver, int96 flowrate, bytes userData) returns (bool)',
  'function deleteFlow(address token, address sender, address receiver, bytes userData) returns (bool)',
  'function getFlowrate(address token, address sender, address receiver) view returns (int96)',
  'function getFlowInfo(address token, address sender, address receiver) view returns (uint256 lastUpdated, int96 flowrate, uint256 deposit, uint256 owedDeposit)',
  'function getBufferAmountByFlowrate(address token, int96 flowrate) view returns (uint256)',
];

function hex(n) {
  return '0x' + BigInt(n).toString(16);
}

/**
 * @param {object} o
 * @param {string} o.rpcUrl      node to deploy to (a fresh anvil with --code-size-limit 32768, automine)
 * @param {string} [o.out]       write deployment.json there
 * @param {(msg:string)=>void} [o.log]
 * @returns the deployment object (see chain/README.md)
 */
export async function deployAll({ rpcUrl, out, log = () => {}, ...overrides } = {}) {
  const cfg = { ...DEFAULTS, ...overrides };
  const t0 = Date.now();
  ensureSuperfluid({ log });
  const vaultArtifact = compileContract('CreditsVault.sol', 'CreditsVault');
  const rpc = rpcClient(rpcUrl);
  const chainId = Number(await rpc.call('eth_chainId'));
  if (chainId !== CHAIN_ID) throw new Error(`expected chain ${CHAIN_ID}, node says ${chainId}`);
  const accounts = await rpc.call('eth_accounts');
  if (accounts.length < 10) throw new Error(`need 10 unlocked dev accounts, node has ${accounts.length}`);
  const deployer = accounts[0];

  const call = async (to, iface, fn, args = [], from = deployer) => {
    const data = iface.encodeFunctionData(fn, args);
    const res = await rpc.call('eth_call', [{ from, to, data }, 'latest']);
    return iface.decodeFunctionResult(fn, res);
  };
  const sendFn = (to, iface, fn, args = [], from = deployer) =>
    rpc.send({ from, to, data: iface.encodeFunctionData(fn, args) });
  const deployCode = async (data) => {
    const receipt = await rpc.send({ from: deployer, data });
    if (!receipt.contractAddress) throw new Error('no contract address in receipt');
    return receipt;
  };

  // 1. ERC-1820 registry. Fund its keyless deployer first (the race noted in TOOLCHAIN.md).
  if ((await rpc.call('eth_getCode', [ERC1820_ADDRESS, 'latest'])) === '0x') {
    await rpc.call('anvil_setBalance', [ERC1820_DEPLOYER, hex(10n ** 18n)]);
    const hash = await rpc.call('eth_sendRawTransaction', [erc1820Payload(loadArtifact('ERC1820Registry').bin)]);
    const r = await rpc.waitReceipt(hash);
    if (r.status !== '0x1') throw new Error('ERC-1820 registry deployment failed');
  }
  log(`erc1820 ready (${Date.now() - t0} ms)`);

  // 2. Libraries of the framework deployer, in dependency order.
  const libs = {};
  const deployLib = async (name) => {
    if (libs[name]) return libs[name];
    const art = loadArtifact(name);
    for (const dep of libraryNames(art)) await deployLib(dep);
    const r = await deployCode(linkBytecode(art, libs));
    libs[name] = r.contractAddress;
    return libs[name];
  };
  const fdArt = loadArtifact('SuperfluidFrameworkDeployer');
  for (const name of libraryNames(fdArt)) await deployLib(name);
  log(`${Object.keys(libs).length} libraries (${Date.now() - t0} ms)`);

  // 3. SuperfluidFrameworkDeployer, then its steps (one tx each; one needs ~19M gas).
  const fdAddr = (await deployCode(linkBytecode(fdArt, libs))).contractAddress;
  const fd = new Interface(fdArt.abi);
  const [numSteps] = await call(fdAddr, fd, 'getNumSteps');
  for (let i = 0; i < Number(numSteps); i++) await sendFn(fdAddr, fd, 'executeStep', [i]);
  const [fw] = await call(fdAddr, fd, 'getFramework');
  log(`framework: ${numSteps} steps (${Date.now() - t0} ms)`);

  // 4. G$: a pure SuperToken; the whole supply goes to the deployer, then to the accounts.
  const funds = accounts.slice(0, 10).map((_, i) => (i === 9 ? cfg.lowFundWei : cfg.fundWei));
  const supply = funds.reduce((a, b) => a + b, 0n);
  const tokenArgs = [cfg.tokenName, cfg.tokenSymbol, supply];
  const [token] = await call(fdAddr, fd, 'deployPureSuperToken', tokenArgs);
  await sendFn(fdAddr, fd, 'deployPureSuperToken', tokenArgs);
  if ((await rpc.call('eth_getCode', [token, 'latest'])) === '0x') throw new Error('token not deployed');
  const erc20 = new Interface(TOKEN_ABI);
  for (let i = 1; i < 10; i++) await sendFn(token, erc20, 'transfer', [accounts[i], funds[i]]);
  log(`token ${token} (${Date.now() - t0} ms)`);

  // 5. The vault (registers itself as a SuperApp in its constructor).
  const ctorArgs = AbiCoder.defaultAbiCoder().encode(
    ['address', 'address', 'uint256', 'uint256', 'uint256'],
    [fw.host, token, cfg.priceMicroUsdPerG, cfg.minFirstDepositMicroUsd, cfg.minStreamMicroUsdPerMonth]);
  const vaultReceipt = await deployCode(vaultArtifact.bytecode + ctorArgs.slice(2));
  const vault = vaultReceipt.contractAddress;
  const host = new Interface(HOST_ABI);
  const [isApp] = await call(fw.host, host, 'isApp', [vault]);
  if (!isApp) throw new Error('vault is not registered as a SuperApp');
  log(`vault ${vault} (${Date.now() - t0} ms)`);

  const deployment = {
    chainId,
    rpcUrl,
    host: getAddress(fw.host),
    cfa: getAddress(fw.cfa),
    forwarder: getAddress(fw.cfaV1Forwarder),
    token: getAddress(token),
    vault: getAddress(vault),
    deployBlock: Number(vaultReceipt.blockNumber),
    priceMicroUsdPerG: String(cfg.priceMicroUsdPerG),
    minFirstDepositMicroUsd: String(cfg.minFirstDepositMicroUsd),
    minStreamMicroUsdPerMonth: String(cfg.minStreamMicroUsdPerMonth),
    accounts: accounts.slice(0, 10).map((a) => getAddress(a)),
  };
  if (out) writeDeployment(out, deployment);
  log(`done in ${Date.now() - t0} ms`);
  return deployment;
}

export function writeDeployment(out, deployment) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(deployment, null, 2) + '\n');
  fs.renameSync(tmp, out);
}

