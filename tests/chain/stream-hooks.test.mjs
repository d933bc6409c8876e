// The vault's SuperApp callbacks (groundwork for streams): a flow to the vault through the
// framework's own CFAv1Forwarder must carry abi.encode(account) and meet the monthly minimum.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getAddress } from 'ethers';
import { setupChain, vaultIface, forwarderIface, hostIface, coder, G } from './helpers.mjs';

let c;
test.before(async () => { c = await setupChain(); });
test.after(async () => { await c?.node.stop(); });

const MONTH = 2_592_000n;
const rateFor = (monthlyWei) => monthlyWei / MONTH; // SPEC §2: floor
// The widget's own gas limit for Superfluid calls (kSuperfluidGasLimit in widget/core): the
// node's estimate for a flow whose SuperApp callbacks run falls short now and then.
const SUPERFLUID_GAS = '0x16e360'; // 1,500,000
const flowTx = (fn, from, rate, userData) => ({
  from, to: c.d.forwarder, gas: SUPERFLUID_GAS,
  data: fn === 'deleteFlow'
    ? forwarderIface.encodeFunctionData(fn, [c.d.token, from, c.d.vault, userData])
    : forwarderIface.encodeFunctionData(fn, [c.d.token, from, c.d.vault, rate, userData]),
});
const streamEvents = (r) => r.logs.filter((l) => getAddress(l.address) === c.d.vault)
  .map((l) => vaultIface.parseLog(l)).filter((e) => e.name === 'StreamUpdated');

test('createFlow without account data, or below US$1/month, reverts', async () => {
  const sender = c.d.accounts[1];
  const rate = rateFor(100n * G);
  assert.equal((await c.revertOf(flowTx('createFlow', sender, rate, '0x'))).name, 'InvalidAccountData');
  const under = await c.revertOf(flowTx('createFlow', sender, rateFor(99n * G), coder.encode(['address'], [sender])));
  assert.equal(under.name, 'BelowStreamMinimum');
});

test('create / update / delete a flow to the vault: StreamUpdated with the account and rate', async () => {
  const [, sender, account] = c.d.accounts;
  const userData = coder.encode(['address'], [account]);
  const rate = rateFor(100n * G); // exactly the US$1/month minimum after flooring
  const r1 = await c.rpc.send(flowTx('createFlow', sender, rate, userData));
  const [e1] = streamEvents(r1);
  assert.equal(getAddress(e1.args.account), account);
  assert.equal(getAddress(e1.args.sender), sender);
  assert.equal(e1.args.flowRateWeiPerSecond, rate);
  assert.equal(await c.read(c.d.forwarder, forwarderIface, 'getFlowrate', [c.d.token, sender, c.d.vault]), rate);
  assert.equal(getAddress(await c.read(c.d.vault, vaultIface, 'streamAccountOf', [sender])), account);

  const before = await c.balanceOf(c.d.vault);
  await c.rpc.call('evm_increaseTime', [1000]);
  await c.rpc.call('evm_mine', []);
  assert.ok((await c.balanceOf(c.d.vault)) - before >= rate * 1000n);

  const r2 = await c.rpc.send(flowTx('updateFlow', sender, rate * 3n, userData));
  assert.equal(streamEvents(r2)[0].args.flowRateWeiPerSecond, rate * 3n);

  const r3 = await c.rpc.send(flowTx('deleteFlow', sender, 0n, '0x'));
  const [e3] = streamEvents(r3);
  assert.equal(e3.args.flowRateWeiPerSecond, 0n);
  assert.equal(getAddress(e3.args.account), account);
  const [isSuperApp, isJailed] = await c.read(c.d.host, hostIface, 'getAppManifest', [c.d.vault]);
  assert.equal(isSuperApp, true);
  assert.equal(isJailed, false);
});
