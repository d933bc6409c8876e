// One-time payments through the Superfluid host's batchCall, on a real local deployment.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getAddress, id } from 'ethers';
import { encodeBatchCall, encodeOneTimePayment, oneTimePaymentTx, oneTimePaymentOperations,
  encodeApproveOperationData, encodeDepositFromAction, OPERATION_TYPE } from '../../chain/lib/pay.mjs';
import { setupChain, vaultIface, tokenIface, coder, DEPOSITED_TOPIC, G } from './helpers.mjs';

let c;
test.before(async () => { c = await setupChain(); });
test.after(async () => { await c?.node.stop(); });

const pay = ({ from, account, amountWei }) =>
  c.rpc.send(oneTimePaymentTx({ from, host: c.d.host, token: c.d.token, vault: c.d.vault, account, amountWei }));

/** batchCall whose app action carries raw userData bytes (for the invalid-data cases). */
const payWithUserData = (from, amountWei, userData) => ({
  from,
  to: c.d.host,
  data: encodeBatchCall([
    { operationType: OPERATION_TYPE.ERC20_APPROVE, target: c.d.token, data: encodeApproveOperationData(c.d.vault, amountWei) },
    { operationType: OPERATION_TYPE.SUPERFLUID_CALL_APP_ACTION, target: c.d.vault, data: encodeDepositFromAction(amountWei, userData) },
  ]),
});

test('deployment: G$ is a real SuperToken with 18 decimals, accounts funded, vault is a SuperApp', async () => {
  const { d, read } = c;
  assert.equal(d.chainId, 31337);
  assert.equal(await read(d.token, tokenIface, 'symbol'), 'G$');
  assert.equal(await read(d.token, tokenIface, 'decimals'), 18n);
  assert.equal(getAddress(await read(d.token, tokenIface, 'getHost')), d.host);
  assert.equal(d.accounts.length, 10);
  assert.equal(await c.balanceOf(d.accounts[8]), 10_000n * G);
  assert.equal(await c.balanceOf(d.accounts[9]), 50n * G);
  assert.equal(getAddress(await read(d.vault, vaultIface, 'host')), d.host);
  assert.equal(getAddress(await read(d.vault, vaultIface, 'token')), d.token);
  assert.equal(getAddress(await read(d.vault, vaultIface, 'cfa')), d.cfa);
});

test('a deposit through batchCall moves the G$ and emits Deposited(account, payer, amount, price)', async () => {
  const [, payer, account] = c.d.accounts;
  const amount = 1000n * G; // ≈ US$10
  const before = { payer: await c.balanceOf(payer), vault: await c.balanceOf(c.d.vault) };
  const receipt = await pay({ from: payer, account, amountWei: amount });
  assert.equal(receipt.status, '0x1');
  assert.equal(getAddress(receipt.to), c.d.host);
  assert.equal(await c.balanceOf(payer), before.payer - amount);
  assert.equal(await c.balanceOf(c.d.vault), before.vault + amount);
  assert.equal(await c.read(c.d.vault, vaultIface, 'depositedWei', [account]), amount);
  assert.equal(await c.read(c.d.vault, vaultIface, 'depositedWei', [payer]), 0n);
  // The approval was used up exactly.
  assert.equal(await c.read(c.d.token, tokenIface, 'allowance', [payer, c.d.vault]), 0n);

  const logs = receipt.logs.filter((l) => getAddress(l.address) === c.d.vault);
  assert.equal(logs.length, 1);
  const [log] = logs;
  assert.equal(log.topics[0], DEPOSITED_TOPIC);
  assert.equal(log.topics[1], coder.encode(['address'], [account]));
  assert.equal(log.topics[2], coder.encode(['address'], [payer]));
  const ev = vaultIface.parseLog(log);
  assert.equal(ev.name, 'Deposited');
  assert.equal(getAddress(ev.args.account), getAddress(account));
  assert.equal(getAddress(ev.args.payer), getAddress(payer));
  assert.equal(ev.args.amountWei, amount);
  assert.equal(ev.args.priceMicroUsdPerG, 10_000n);

  // The backend's way: eth_getLogs on the vault from deployBlock, filtered by account.
  const found = await c.rpc.call('eth_getLogs', [{
    address: c.d.vault, fromBlock: '0x' + c.d.deployBlock.toString(16), toBlock: 'latest',
    topics: [DEPOSITED_TOPIC, coder.encode(['address'], [account])],
  }]);
  assert.equal(found.length, 1);
  assert.equal(found[0].transactionHash, receipt.transactionHash);
});

test('the payer may credit itself (account == payer)', async () => {
  const who = c.d.accounts[3];
  const r = await pay({ from: who, account: who, amountWei: 100n * G });
  const ev = vaultIface.parseLog(r.logs.find((l) => l.topics[0] === DEPOSITED_TOPIC));
  assert.equal(getAddress(ev.args.account), getAddress(who));
  assert.equal(getAddress(ev.args.payer), getAddress(who));
});

test('missing or garbage account data reverts with InvalidAccountData', async () => {
  const payer = c.d.accounts[4];
  const amount = 200n * G;
  const account = c.d.accounts[5];
  const word = coder.encode(['address'], [account]);
  const cases = {
    empty: '0x',
    short: '0x' + word.slice(2, 40),
    long: word + '00'.repeat(32),
    abiEncodedBytes: coder.encode(['bytes'], [word]),
    zeroAddress: coder.encode(['address'], ['0x0000000000000000000000000000000000000000']),
    dirtyHighBits: '0x' + 'ff'.repeat(12) + word.slice(26),
    oneByte: '0x01',
  };
  for (const [name, userData] of Object.entries(cases)) {
    const err = await c.revertOf(payWithUserData(payer, amount, userData));
    assert.equal(err.name, 'InvalidAccountData', `${name}: ${err.message ?? err.name}`);
  }
  // Mined with a fixed gas limit (no estimate), the receipt shows status 0, as the widget sees it.
  const hash = await c.rpc.call('eth_sendTransaction', [{ ...payWithUserData(payer, amount, '0x'), gas: '0x100000' }]);
  const receipt = await c.rpc.waitReceipt(hash);
  assert.equal(receipt.status, '0x0');
  assert.equal(await c.balanceOf(payer), 10_000n * G);
});

test('first deposit: under the minimum reverts, at the minimum passes; top-ups below it pass', async () => {
  const payer = c.d.accounts[6];
  const account = '0x000000000000000000000000000000000000dEaD'; // any address can be credited
  // US$1 = 1,000,000 micro-USD = 100 G$ at 10,000 micro-USD per G$.
  const justUnder = 100n * G - 1n; // floor(principal) = 999,999
  const err = await c.revertOf({ from: payer, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account, amountWei: justUnder }) });
  assert.equal(err.name, 'BelowFirstDepositMinimum');
  assert.equal(err.args.principalMicroUsd, 999_999n);
  assert.equal(err.args.minimumMicroUsd, 1_000_000n);
  assert.equal((await c.revertOf(payWithUserData(payer, 1n, coder.encode(['address'], [account])))).name,
    'BelowFirstDepositMinimum');

  const r1 = await pay({ from: payer, account, amountWei: 100n * G });
  assert.equal(r1.status, '0x1');
  // Top-up: far below the minimum, even 1 wei.
  const r2 = await pay({ from: payer, account, amountWei: 1n * G });
  assert.equal(r2.status, '0x1');
  const r3 = await pay({ from: payer, account, amountWei: 1n });
  assert.equal(r3.status, '0x1');
  assert.equal(await c.read(c.d.vault, vaultIface, 'depositedWei', [account]), 101n * G + 1n);
  // The minimum is per credited account: a different account's first deposit is checked again.
  assert.equal((await c.revertOf({ from: payer, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account: payer, amountWei: 1n * G }) })).name,
    'BelowFirstDepositMinimum');
});

test('zero amount reverts; more than the balance reverts; account #9 cannot meet the minimum', async () => {
  const [poor] = c.d.accounts.slice(9);
  const account = c.d.accounts[1];
  assert.equal((await c.revertOf({ from: poor, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account, amountWei: 0n }) })).name, 'ZeroAmount');
  // A fresh account, so that the first-deposit rule applies.
  const fresh = '0x00000000000000000000000000000000000bEEF0';
  const err = await c.revertOf({ from: poor, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account: fresh, amountWei: 100n * G }) });
  // Superfluid's SF_TOKEN_MOVE_INSUFFICIENT_BALANCE(), bubbled up through the host.
  assert.equal(err.data, id('SF_TOKEN_MOVE_INSUFFICIENT_BALANCE()').slice(0, 10));
  // With 50 G$ the US$1 minimum (100 G$) is out of reach.
  assert.equal((await c.revertOf({ from: poor, ...oneTimePaymentTx({ host: c.d.host, token: c.d.token, vault: c.d.vault, account: fresh, amountWei: 50n * G }) })).name, 'BelowFirstDepositMinimum');
});

test('depositFromAction can only be called by the host (not directly, not without the batch approval)', async () => {
  const payer = c.d.accounts[7];
  const userData = coder.encode(['address'], [payer]);
  const direct = { from: payer, to: c.d.vault, data: vaultIface.encodeFunctionData('depositFromAction', [100n * G, userData, '0x']) };
  assert.equal((await c.revertOf(direct)).name, 'NotHost');
  // The app action alone (no ERC20_APPROVE): transferFrom fails on the allowance.
  const onlyAction = { from: payer, to: c.d.host, data: encodeBatchCall(oneTimePaymentOperations({
    token: c.d.token, vault: c.d.vault, account: payer, amountWei: 100n * G }).slice(1)) };
  const err = await c.revertOf(onlyAction);
  assert.equal(err.name, 'Error');
  assert.match(err.args[0], /allowance/);
});

test('pay.mjs calldata is what the chain accepts (sent as raw eth_sendTransaction data)', async () => {
  const payer = c.d.accounts[8];
  const data = encodeOneTimePayment({ token: c.d.token, vault: c.d.vault, account: payer, amountWei: 250n * G });
  const r = await c.rpc.send({ from: payer, to: c.d.host, data });
  assert.equal(r.status, '0x1');
  const ev = vaultIface.parseLog(r.logs.find((l) => l.topics[0] === DEPOSITED_TOPIC));
  assert.equal(ev.args.amountWei, 250n * G);
  console.log(`# gas used by a one-time payment: ${BigInt(r.gasUsed)}`);
});
