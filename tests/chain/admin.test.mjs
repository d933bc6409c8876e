// Owner-only configuration of the vault, and reading it with plain eth_call.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getAddress } from 'ethers';
import { oneTimePaymentTx } from '../../chain/lib/pay.mjs';
import { setupChain, vaultIface, G } from './helpers.mjs';

let c;
test.before(async () => { c = await setupChain(); });
test.after(async () => { await c?.node.stop(); });

/** Raw eth_call with a hand-written selector, the way the widget / backend read it. */
async function rawUint(selector) {
  return BigInt(await c.rpc.call('eth_call', [{ to: c.d.vault, data: selector }, 'latest']));
}

test('price and minimums read via eth_call match deployment.json', async () => {
  assert.equal(await rawUint('0x901d1683'), BigInt(c.d.priceMicroUsdPerG)); // priceMicroUsdPerG()
  assert.equal(await rawUint('0x2b501dfd'), BigInt(c.d.minFirstDepositMicroUsd)); // minFirstDepositMicroUsd()
  assert.equal(await rawUint('0xd603886b'), BigInt(c.d.minStreamMicroUsdPerMonth)); // minStreamMicroUsdPerMonth()
  assert.equal(c.d.priceMicroUsdPerG, '10000');
  assert.equal(c.d.minFirstDepositMicroUsd, '1000000');
  assert.equal(c.d.minStreamMicroUsdPerMonth, '1000000');
  assert.equal(getAddress(await c.read(c.d.vault, vaultIface, 'owner')), c.d.accounts[0]);
  // 1,000 G$ ≈ US$10
  assert.equal(await c.read(c.d.vault, vaultIface, 'principalMicroUsd', [1000n * G]), 10_000_000n);
  assert.equal(await c.read(c.d.vault, vaultIface, 'principalMicroUsd', [1n]), 0n); // floored
});

test('only the owner can set price and minimums', async () => {
  const [owner, stranger] = c.d.accounts;
  for (const fn of ['setPriceMicroUsdPerG', 'setMinFirstDepositMicroUsd', 'setMinStreamMicroUsdPerMonth']) {
    const tx = { from: stranger, to: c.d.vault, data: vaultIface.encodeFunctionData(fn, [1n]) };
    assert.equal((await c.revertOf(tx)).name, 'NotOwner', fn);
  }
  assert.equal((await c.revertOf({ from: stranger, to: c.d.vault,
    data: vaultIface.encodeFunctionData('transferOwnership', [stranger]) })).name, 'NotOwner');
  assert.equal((await c.revertOf({ from: stranger, to: c.d.vault,
    data: vaultIface.encodeFunctionData('withdraw', [stranger, 1n]) })).name, 'NotOwner');
  assert.equal((await c.revertOf({ from: owner, to: c.d.vault,
    data: vaultIface.encodeFunctionData('setPriceMicroUsdPerG', [0n]) })).name, 'ZeroAmount');

  const r = await c.write(owner, c.d.vault, vaultIface, 'setPriceMicroUsdPerG', [20_000n]);
  assert.equal(vaultIface.parseLog(r.logs[0]).name, 'PriceUpdated');
  await c.write(owner, c.d.vault, vaultIface, 'setMinFirstDepositMicroUsd', [5_000_000n]);
  await c.write(owner, c.d.vault, vaultIface, 'setMinStreamMicroUsdPerMonth', [3_000_000n]);
  assert.equal(await rawUint('0x901d1683'), 20_000n);
  assert.equal(await rawUint('0x2b501dfd'), 5_000_000n);
  assert.equal(await rawUint('0xd603886b'), 3_000_000n);
});

test('new price and minimum apply to the next deposit and are carried by Deposited', async () => {
  const payer = c.d.accounts[2];
  const tx = (amountWei) => ({ from: payer, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account: payer, amountWei }) });
  // price 20,000 micro-USD/G$, minimum US$5 → 250 G$
  const err = await c.revertOf(tx(250n * G - 1n));
  assert.equal(err.name, 'BelowFirstDepositMinimum');
  const r = await c.rpc.send(tx(250n * G));
  const ev = vaultIface.parseLog(r.logs.find((l) => getAddress(l.address) === c.d.vault));
  assert.equal(ev.args.priceMicroUsdPerG, 20_000n);
});

test('ownership transfer and withdraw', async () => {
  const [owner, next] = c.d.accounts;
  await c.write(owner, c.d.vault, vaultIface, 'transferOwnership', [next]);
  assert.equal(getAddress(await c.read(c.d.vault, vaultIface, 'owner')), next);
  assert.equal((await c.revertOf({ from: owner, to: c.d.vault,
    data: vaultIface.encodeFunctionData('setPriceMicroUsdPerG', [1n]) })).name, 'NotOwner');
  const vaultBal = await c.balanceOf(c.d.vault);
  const nextBal = await c.balanceOf(next);
  await c.write(next, c.d.vault, vaultIface, 'withdraw', [next, vaultBal]);
  assert.equal(await c.balanceOf(c.d.vault), 0n);
  assert.equal(await c.balanceOf(next), nextBal + vaultBal);
});
