// End to end: real Superfluid on anvil + the real dev backend binary (build/native/dev-backend/
// acw-dev-backend, built by `cmake --build --preset native`) on a free port with a temporary
// database. A flow through the framework's CFAv1Forwarder is credited rate × elapsed BLOCK
// seconds (principal + stream bonus), an update closes the old rate's interval, a delete ends
// the stream, and a liquidation (a third party deleting an insolvent sender's flow through
// host.callAgreement) ends it with endReason "liquidated" at the liquidation's block time.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Interface } from 'ethers';
import { writeDeployment } from '../../chain/lib/deploy.mjs';
import { setupChain, forwarderIface, tokenIface, coder, G } from './helpers.mjs';
import { startBackend } from './backend-process.mjs';

const MONTH = 2_592_000n;
const PRICE = 10_000n; // micro-USD per G$ (deployment default)
const STREAM_BPS = 2000n; // the backend's default stream bonus
const CRON_SECONDS = 3600; // the backend credits active streams itself after this much block time

const cfaIface = new Interface(['function deleteFlow(address token, address sender, address receiver, bytes ctx) returns (bytes)']);
const hostCallIface = new Interface(['function callAgreement(address agreementClass, bytes callData, bytes userData) returns (bytes)']);

let c; // chain
let backend; // {url, stop, log()}
let dir;

async function api(method, route, body) {
  const res = await fetch(backend.url + route, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, json };
}

async function expectOk(method, route, body) {
  const r = await api(method, route, body);
  assert.equal(r.status, 200, `${method} ${route}: ${JSON.stringify(r.json)}\n${backend.log().slice(-3000)}`);
  return r.json;
}

const lower = (a) => a.toLowerCase();
const iso = (seconds) => new Date(seconds * 1000).toISOString();
const blockTime = async (number) => Number((await c.rpc.call('eth_getBlockByNumber', [number, false])).timestamp);
const principalOf = (wei) => (wei * PRICE) / 10n ** 18n;
const bonusOf = (wei) => (principalOf(wei) * STREAM_BPS) / 10_000n;

/** Block time passes: evm_increaseTime + evm_mine; returns the new block's timestamp. */
async function advance(seconds) {
  await c.rpc.call('evm_increaseTime', [seconds]);
  await c.rpc.call('evm_mine', []);
  return blockTime('latest');
}

const flow = (fn, sender, args) => c.write(sender, c.d.forwarder, forwarderIface, fn, args);
const record = (receipt) => expectOk('POST', '/v1/celo/events/record', { txHash: receipt.transactionHash });
const streamCredits = (account) => expectOk('POST', `/v1/accounts/${account}/stream-credits`, {});
const profile = (account) => expectOk('GET', `/v1/accounts/${account}/profile`);

async function until(what, check, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${backend.log().slice(-3000)}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

test.before(async () => {
  c = await setupChain();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-stream-e2e-'));
  const deploymentFile = path.join(dir, 'deployment.json');
  writeDeployment(deploymentFile, c.d);
  backend = await startBackend(deploymentFile, path.join(dir, 'backend.sqlite'),
    ['--scan-interval-ms', '100', '--stream-cron-seconds', String(CRON_SECONDS)]);
});

test.after(async () => {
  await backend?.stop();
  await c?.node.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('createFlow (0xe15536b6) → stream-credits = rate × block seconds; update closes the old rate; delete ends', async () => {
  assert.equal(forwarderIface.getFunction('createFlow').selector, '0xe15536b6');
  const [, sender, , account] = c.d.accounts;
  const rate = (1000n * G) / MONTH; // 1,000 G$ a month ≈ US$10
  const userData = coder.encode(['address'], [account]);
  const vaultBefore = await c.balanceOf(c.d.vault);

  const created = await flow('createFlow', sender, [c.d.token, sender, c.d.vault, rate, userData]);
  const t1 = await blockTime(created.blockNumber);
  const r1 = await record(created);
  assert.equal(r1.account, lower(account));
  assert.equal(r1.streamEvents.length, 1);
  assert.equal(r1.streamEvents[0].kind, 'created');
  assert.deepEqual(r1.profile.stream, {
    status: 'active', flowRateWeiPerSecond: String(rate), startedAt: iso(t1),
    endedAt: null, endReason: null, sender: lower(sender),
  });
  assert.equal(r1.profile.streamFlowRateWeiPerSecond, String(rate));

  // N block seconds later: exactly rate × N, principal + bonus.
  const t2 = await advance(1000);
  const s1 = await streamCredits(account);
  assert.equal(s1.newlyCredited, 1);
  assert.equal(s1.blockTime, iso(t2));
  const wei1 = rate * BigInt(t2 - t1);
  const e1 = s1.events[0];
  assert.equal(e1.source, 'streamCron');
  assert.equal(e1.gdAmountWei, String(wei1));
  assert.equal(e1.principalUsd, String(principalOf(wei1)));
  assert.equal(e1.bonusUsd, String(bonusOf(wei1)));
  assert.equal(e1.totalCreditUsd, String(principalOf(wei1) + bonusOf(wei1)));
  assert.equal(e1.periodStart, iso(t1));
  assert.equal(e1.periodEnd, iso(t2));
  assert.equal((await streamCredits(account)).newlyCredited, 0, 'the same seconds are never credited twice');

  // updateFlow ×2: its event closes [t2, tUpdate) at the old rate.
  await c.rpc.call('evm_increaseTime', [100]);
  const updated = await flow('updateFlow', sender, [c.d.token, sender, c.d.vault, rate * 2n, userData]);
  const tUpdate = await blockTime(updated.blockNumber);
  const r2 = await record(updated);
  assert.equal(r2.streamEvents[0].kind, 'updated');
  const closing = r2.events.find((e) => e.source === 'streamUpdate');
  assert.equal(closing.id, r2.streamEvents[0].id);
  assert.equal(closing.gdAmountWei, String(rate * BigInt(tUpdate - t2)));
  assert.equal(r2.profile.streamFlowRateWeiPerSecond, String(rate * 2n));

  const t3 = await advance(500);
  const s2 = await streamCredits(account);
  assert.equal(s2.events[0].gdAmountWei, String(rate * 2n * BigInt(t3 - tUpdate)));

  // deleteFlow: closes the last interval; the stream ends by the user.
  await c.rpc.call('evm_increaseTime', [50]);
  const deleted = await flow('deleteFlow', sender, [c.d.token, sender, c.d.vault, '0x']);
  const tDelete = await blockTime(deleted.blockNumber);
  const r3 = await record(deleted);
  assert.equal(r3.streamEvents[0].kind, 'deleted');
  assert.equal(r3.events[0].gdAmountWei, String(rate * 2n * BigInt(tDelete - t3)));
  assert.deepEqual(r3.profile.stream, {
    status: 'ended', flowRateWeiPerSecond: String(rate * 2n), startedAt: iso(t1),
    endedAt: iso(tDelete), endReason: 'user', sender: lower(sender),
  });
  assert.equal(r3.profile.streamFlowRateWeiPerSecond, '0');

  // What the backend credited is what the vault received on chain, to the wei.
  await advance(200);
  assert.equal((await streamCredits(account)).newlyCredited, 0);
  const total = rate * BigInt(tUpdate - t1) + rate * 2n * BigInt(tDelete - tUpdate);
  const p = await profile(account);
  assert.equal(p.totalGDStreamedWei, String(total));
  assert.equal(await c.balanceOf(c.d.vault) - vaultBefore, total);
  assert.equal(p.totalPrincipalUsd, String(principalOf(total)));
  assert.equal(p.totalBonusUsd, String(bonusOf(total)));
  assert.equal(p.lastStreamCreditAt, iso(tDelete));
  const history = await expectOk('GET', `/v1/accounts/${account}/credit-history`);
  assert.deepEqual(history.items.map((e) => e.source).sort(),
    ['streamCron', 'streamCron', 'streamUpdate', 'streamUpdate']);
});

test('a liquidated flow ends at the liquidation block with endReason "liquidated" (found by the scanner)', async () => {
  const [, , liquidator, , sender, account, sink] = c.d.accounts;
  // A sender with little G$ and a high rate: 200 G$ at 0.01 G$/s (buffer ≈ 14,400 s × rate = 144 G$).
  await c.write(sender, c.d.token, tokenIface, 'transfer', [sink, 9800n * G]);
  const rate = 10n ** 16n;
  const buffer = await c.read(c.d.forwarder, forwarderIface, 'getBufferAmountByFlowrate', [c.d.token, rate]);
  assert.ok(buffer >= 14_400n * rate && buffer < 14_401n * rate);
  const vaultBefore = await c.balanceOf(c.d.vault);
  const created = await flow('createFlow', sender, [c.d.token, sender, c.d.vault, rate,
    coder.encode(['address'], [account])]);
  const tStart = await blockTime(created.blockNumber);

  // Not recorded by anyone: the backend's scanner finds the stream by itself…
  await until('the scanner to see the stream', async () => (await profile(account)).stream.status === 'active');
  // …and, past its cron time, credits it by itself (21,000 s: balance and buffer are gone).
  const tLate = await advance(21_000);
  await until('the scanner to credit the stream', async () =>
    (await profile(account)).lastStreamCreditAt === iso(tLate));
  assert.equal((await profile(account)).totalGDStreamedWei, String(rate * BigInt(tLate - tStart)));
  assert.equal(await c.balanceOf(sender), 0n);

  // A third party (dev account #2) deletes the critical flow: host.callAgreement(CFA.deleteFlow).
  await c.rpc.call('evm_increaseTime', [30]);
  const callData = cfaIface.encodeFunctionData('deleteFlow', [c.d.token, sender, c.d.vault, '0x']);
  const liquidation = await c.rpc.send({ from: liquidator, to: c.d.host,
    data: hostCallIface.encodeFunctionData('callAgreement', [c.d.cfa, callData, '0x']) });
  const tLiq = await blockTime(liquidation.blockNumber);
  await advance(5000); // later blocks must not add anything

  const r = await record(liquidation);
  assert.equal(r.streamEvents.length, 1);
  assert.equal(r.streamEvents[0].kind, 'liquidated');
  assert.equal(r.streamEvents[0].liquidator, lower(liquidator));
  assert.deepEqual(r.profile.stream, {
    status: 'ended', flowRateWeiPerSecond: String(rate), startedAt: iso(tStart),
    endedAt: iso(tLiq), endReason: 'liquidated', sender: lower(sender),
  });
  assert.equal((await streamCredits(account)).newlyCredited, 0);
  const streamed = rate * BigInt(tLiq - tStart);
  const p = await profile(account);
  assert.equal(p.totalGDStreamedWei, String(streamed));
  assert.equal(p.streamFlowRateWeiPerSecond, '0');
  assert.equal(await c.balanceOf(c.d.vault) - vaultBefore, streamed);
  assert.equal(p.totalPrincipalUsd, String(principalOf(streamed)));
});
