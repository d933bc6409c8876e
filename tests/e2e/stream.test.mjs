// Streaming G$ for credits on the real stack: real Superfluid flows through the forwarder,
// chain time moved with evm_increaseTime, the backend crediting block seconds.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { Interface } from 'ethers';
import { backend, clickItem, connect, findItem, labels, newPage, rpc, shot, stackPageUrl, startE2E, typeInto,
  waitForSnapshot, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await startE2E(); });
after(async () => { await env?.close(); });

const W = '#w1';
const RATE = 10n ** 15n;  // 2,592 G$ a month
const cfaIface = new Interface(['function deleteFlow(address token, address sender, address receiver, bytes ctx) returns (bytes)']);
const hostIface = new Interface(['function callAgreement(address agreementClass, bytes callData, bytes userData) returns (bytes)']);
const tokenIface = new Interface(['function transfer(address to, uint256 amount) returns (bool)']);

const profile = async (account) => (await backend(env, `/v1/accounts/${account.toLowerCase()}/profile`)).body;

async function send(from, to, data) {
  const hash = await rpc(env, 'eth_sendTransaction', [{ from, to, data, gas: '0x16e360' }]);
  for (let i = 0; i < 100; i++) {  // mined right away, but the receipt may show a moment later
    const receipt = await rpc(env, 'eth_getTransactionReceipt', [hash]);
    if (receipt) {
      assert.equal(receipt.status, '0x1');
      return receipt;
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`no receipt for ${hash}`);
}

async function advance(seconds) {
  await rpc(env, 'evm_increaseTime', [seconds]);
  await rpc(env, 'evm_mine');
}

async function startStream(page, monthly = '2592') {
  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_setup');
  await typeInto(page, W, 'monthly_amount', monthly);
  await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'start enabled (buffer known)');
  await shot(page, 'streaming_setup');
  await clickItem(page, W, 'start_stream');
  return waitForState(page, W, 'streaming_active', { timeout: 30000 });
}

test('start → time passes → credited as the rate says → pause → resume → change rate → stop', async () => {
  const account = env.accounts[1];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  const active = await startStream(page);
  await shot(page, 'streaming_active');
  assert.match(findItem(active, 'stream_status').label, /2,592 G\$ a month/);
  const started = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'stream-change'));
  assert.deepEqual(started.at(-1).detail, { state: 'active', flowRateWeiPerSecond: RATE.toString() });

  // Chain time passes; the backend credits exactly rate × block seconds.
  const before = BigInt((await profile(account)).totalGDStreamedWei);
  await advance(1000);
  const r = await backend(env, `/v1/accounts/${account.toLowerCase()}/stream-credits`, { method: 'POST' });
  assert.equal(r.status, 200);
  const after1 = BigInt((await profile(account)).totalGDStreamedWei);
  assert.ok(after1 - before >= 1000n * RATE, `streamed ${after1 - before} wei after 1000 s`);
  await clickItem(page, W, 'refresh_stream');
  await waitForSnapshot(page, W, (s) => /So far ≈ [1-9]/.test(findItem(s, 'stream_accrued')?.label || ''), 'accrued shown');

  await clickItem(page, W, 'pause_stream');
  const paused = await waitForState(page, W, 'streaming_paused', { timeout: 30000 });
  await shot(page, 'streaming_paused');
  assert.match(findItem(paused, 'resume_stream').label, /Resume at 2,592 G\$\/month/);
  assert.equal((await profile(account)).stream.status, 'ended');

  await clickItem(page, W, 'resume_stream');
  await waitForState(page, W, 'streaming_active', { timeout: 30000 });

  await clickItem(page, W, 'change_rate');
  await waitForState(page, W, 'streaming_setup');
  await typeInto(page, W, 'monthly_amount', '5184');
  await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'update enabled');
  await clickItem(page, W, 'start_stream');
  const changed = await waitForSnapshot(page, W, (s) => s.state === 'streaming_active' &&
    /5,184 G\$/.test(findItem(s, 'stream_status')?.label || ''), 'the new rate', { timeout: 30000 });
  assert.ok(changed);
  assert.equal((await profile(account)).stream.flowRateWeiPerSecond, (2n * RATE).toString());

  await clickItem(page, W, 'stop_stream');
  const stopped = await waitForState(page, W, 'streaming_stopped', { timeout: 30000 });
  await shot(page, 'streaming_stopped');
  assert.match(findItem(stopped, 'stream_status').label, /You stopped the stream/);
  // The credits stay; a reload shows the same (no flow on chain, the backend knows it ended).
  await page.reload();
  await connect(page);
  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_stopped');
  await clickItem(page, W, 'mode.once_instead');
  await waitForState(page, W, 'has_credits');
  await page.context().close();
});

test('rejecting a stream change in the wallet keeps the stream; a reload finds the active flow', async () => {
  const account = env.accounts[2];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, wallet: { connected: true } }));
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  await startStream(page);
  await page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'reject'; });
  await clickItem(page, W, 'pause_stream');
  const failed = await waitForState(page, W, 'payment_failed');
  assert.match(labels(failed), /stream change did not go through/);
  await clickItem(page, W, 'try_again');
  await waitForState(page, W, 'streaming_active');

  await page.reload();
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_active', { timeout: 20000 });
  await page.context().close();
});

test('a stream that runs dry is liquidated by a third party: streaming_stopped, and it says why', async () => {
  const account = env.accounts[3];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  const d = env.stack.deployment;
  // Keep 60 G$: at 2,592 G$ a month the 14.4 G$ buffer plus ~45,600 s of flow.
  await send(account, d.token, tokenIface.encodeFunctionData('transfer', [env.accounts[0], 9940n * 10n ** 18n]));
  await clickItem(page, W, 'retry_balance').catch(() => {});
  await page.reload();
  await connect(page);
  await startStream(page);
  await advance(40_000);
  await clickItem(page, W, 'refresh_stream');
  await waitForSnapshot(page, W, (s) => findItem(s, 'stream_runway')?.label.includes('runs out'), 'the low-balance warning');
  await shot(page, 'streaming_active_low');

  await advance(10_000); // past the balance: the flow is critical
  const callData = cfaIface.encodeFunctionData('deleteFlow', [d.token, account, d.vault, '0x']);
  await send(env.accounts[9], d.host, hostIface.encodeFunctionData('callAgreement', [d.cfa, callData, '0x']));
  await advance(10);

  await clickItem(page, W, 'refresh_stream');
  const stopped = await waitForState(page, W, 'streaming_stopped', { timeout: 20000 });
  await waitForSnapshot(page, W, (s) => /ran out/.test(findItem(s, 'stream_status')?.label || ''), 'liquidated reason');
  await shot(page, 'streaming_stopped_liquidated');
  assert.ok(stopped);
  const p = await profile(account);
  assert.equal(p.stream.endReason, 'liquidated');
  await page.context().close();
});

test('every stream step rejected once in the wallet, then approved; a triple click starts one flow', async () => {
  const account = env.accounts[4];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  const reject = () => page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'reject'; });
  const approve = () => page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'approve'; });
  const sends = () => page.evaluate(() => window.wallet.countRequests('eth_sendTransaction'));

  await clickItem(page, W, 'mode.stream');
  await typeInto(page, W, 'monthly_amount', '2592');
  await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'start enabled');
  await reject();
  await clickItem(page, W, 'start_stream');
  await waitForState(page, W, 'payment_failed');
  await clickItem(page, W, 'try_again');
  await waitForState(page, W, 'streaming_setup');
  await approve();
  const before = await sends();
  const snap = await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'start enabled again');
  const { rect } = findItem(snap, 'start_stream');
  const box = await page.evaluate(() => document.querySelector('#w1').shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
  await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2, { clickCount: 3 });
  await waitForState(page, W, 'streaming_active', { timeout: 30000 });
  assert.equal((await sends()) - before, 1, 'a triple click sends one createFlow');

  for (const [step, after] of [['change_rate', null], ['pause_stream', 'streaming_paused'], ['stop_stream', 'streaming_stopped']]) {
    if (step === 'change_rate') {
      await clickItem(page, W, 'change_rate');
      await typeInto(page, W, 'monthly_amount', '5184');
      await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'update enabled');
      await reject();
      await clickItem(page, W, 'start_stream');
      await waitForState(page, W, 'payment_failed');
      await clickItem(page, W, 'try_again');
      await approve();
      await clickItem(page, W, 'cancel_edit');
      await waitForState(page, W, 'streaming_active');
      continue;
    }
    await reject();
    await clickItem(page, W, step);
    await waitForState(page, W, 'payment_failed');
    await clickItem(page, W, 'try_again');
    await waitForState(page, W, 'streaming_active');
    await approve();
    await clickItem(page, W, step);
    await waitForState(page, W, after, { timeout: 30000 });
    if (after === 'streaming_paused') {
      await reject();
      await clickItem(page, W, 'resume_stream');
      await waitForState(page, W, 'payment_failed');
      await clickItem(page, W, 'try_again');
      await waitForState(page, W, 'streaming_paused');
      await approve();
      await clickItem(page, W, 'resume_stream');
      await waitForState(page, W, 'streaming_active', { timeout: 30000 });
    }
  }
  // Stopped: back to buying once, and to the Stream tab again.
  await clickItem(page, W, 'mode.once_instead');
  await waitForState(page, W, 'has_credits');
  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_stopped');
  await page.context().close();
});

test('the account switches while a stream change is in the wallet: the other account sees its own stream state', async () => {
  const [payer, other] = [env.accounts[5], env.accounts[6]];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account: payer, wallet: { accounts: [payer, other], latencyMs: 1500 } }));
  await connect(page);
  await clickItem(page, W, 'mode.stream');
  await typeInto(page, W, 'monthly_amount', '2592');
  await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'start enabled');
  await clickItem(page, W, 'start_stream');
  await waitForState(page, W, 'payment_pending');
  await page.evaluate((a) => window.wallet.switchAccount(a), other);
  const snap = await waitForSnapshot(page, W, (s) => s.state !== 'payment_pending' && findItem(s, 'balance')?.label.endsWith(' G$'),
    'the other account', { timeout: 20000 });
  assert.ok(!['streaming_active', 'payment_pending'].includes(snap.state), `no stale stream state: ${snap.state}`);
  // The payer's flow exists on chain (the wallet sent it for the payer); the backend saw it.
  for (let i = 0; i < 40 && (await profile(payer)).stream.status !== 'active'; i++) await new Promise((ok) => setTimeout(ok, 250));
  assert.equal((await profile(payer)).stream.status, 'active');
  await page.evaluate((a) => window.wallet.switchAccount(a), payer);
  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_active', { timeout: 20000 });
  await page.context().close();
});
