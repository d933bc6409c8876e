// The fault matrix on the real stack: backend faults (down, 500, slower than the timeout,
// malformed JSON, wrong types, a huge body) and wallet faults (4100, a request that never
// answers, account or chain switch mid-payment, two tabs, triple clicks). Each ends in a
// clear state, and a sent transaction is credited exactly once.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultProxy } from './fault-proxy.mjs';
import { backend, clickItem, connect, findItem, labels, newPage, requests, rpc, shot, stackPageUrl, startE2E,
  typeInto, waitForSnapshot, waitForState } from './helpers.mjs';

let env;
let proxy;
before(async () => {
  env = await startE2E();
  proxy = await startFaultProxy(env.stack.backendUrl, { slowMs: 2500 });
});
after(async () => {
  await proxy?.close();
  await env?.close();
});

const W = '#w1';
// Short timeouts so "slower than the timeout" and "never answers" take seconds, not minutes.
const attrs = () => ({ 'backend-url': proxy.url, 'http-timeout-ms': '1500', 'wallet-timeout-ms': '3000' });
const history = async (account) =>
  (await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history`)).body.total;

for (const mode of ['down', 'status500', 'slow', 'malformed', 'wrongTypes', 'huge']) {
  test(`backend ${mode} on load: backend_unavailable, nothing payable; Retry recovers`, async () => {
    const page = await newPage(env);
    proxy.set(mode);
    try {
      await page.goto(stackPageUrl(env, { account: env.accounts[1], attrs: attrs() }));
      await waitForState(page, W, 'disconnected', { timeout: 20000 });
      await clickItem(page, W, 'connect');
      const down = await waitForState(page, W, 'backend_unavailable', { timeout: 20000 });
      assert.equal(findItem(down, 'pay').enabled, false);
      assert.ok(findItem(down, 'retry_backend'));
      if (mode === 'malformed') await shot(page, 'backend_malformed');
    } finally {
      proxy.set('pass');
    }
    await clickItem(page, W, 'retry_backend');
    await waitForSnapshot(page, W, (s) => ['connected_empty', 'has_credits'].includes(s.state), 'recovered', { timeout: 20000 });
    await page.context().close();
  });
}

test('backend failing while a payment is credited: stays pending, retried, credited once', async () => {
  const account = env.accounts[2];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, attrs: attrs() }));
  await connect(page);
  proxy.set('status500', /events\/record/);
  try {
    await typeInto(page, W, 'amount', '100');
    await waitForState(page, W, 'quote_ready');
    await clickItem(page, W, 'pay');
    const pending = await waitForSnapshot(page, W, (s) => s.state === 'payment_pending' && findItem(s, 'pay_retrying'),
      'pending and retrying', { timeout: 20000 });
    assert.doesNotMatch(labels(pending), /not charged/);
    await shot(page, 'payment_pending_retrying');
  } finally {
    proxy.set('pass');
  }
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  assert.equal(await history(account), 1);
  await page.context().close();
});

test('wallet 4100 on the payment: payment_failed with the reason, nothing sent', async () => {
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account: env.accounts[3], attrs: attrs() }));
  await connect(page);
  await page.evaluate(() => {
    const w = window.wallet;
    const original = w.request.bind(w);
    w.request = (args) => (args.method === 'eth_sendTransaction'
      ? Promise.reject(Object.assign(new Error('Unauthorized'), { code: 4100 })) : original(args));
  });
  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  const failed = await waitForState(page, W, 'payment_failed');
  assert.match(labels(failed), /did not allow this site/);
  assert.ok(findItem(failed, 'try_again'));
  await page.context().close();
});

test('a wallet that never answers the payment: failed after the timeout, Try again works', async () => {
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account: env.accounts[4], attrs: attrs(),
    wallet: { behavior: { eth_sendTransaction: 'hang' } } }));
  await connect(page);
  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  const failed = await waitForState(page, W, 'payment_failed', { timeout: 15000 });
  assert.match(labels(failed), /did not answer in time/);
  await page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'approve'; });
  await clickItem(page, W, 'try_again');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await page.context().close();
});

test('account switched while the payment is in the wallet: the new account sees its own state; the payment is kept for the payer', async () => {
  const payer = env.accounts[5];
  const other = env.accounts[6];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account: payer, attrs: attrs(),
    wallet: { accounts: [payer, other], latencyMs: 1500 } }));
  await connect(page);
  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_pending');
  await page.evaluate((a) => window.wallet.switchAccount(a), other);
  const switched = await waitForSnapshot(page, W, (s) => s.state === 'connected_empty' &&
    /0x[0-9a-f]{4}…/.test(findItem(s, 'account')?.label || '') && !findItem(s, 'pending_title'), 'the other account', { timeout: 20000 });
  assert.ok(!labels(switched).includes(payer.slice(2, 6).toLowerCase() + '…'), 'no stale account shown');
  // The transaction the payer signed is credited (by the backend's own scan) exactly once.
  for (let i = 0; i < 40 && (await history(payer)) === 0; i++) await new Promise((ok) => setTimeout(ok, 250));
  assert.equal(await history(payer), 1);
  // Back to the payer: the stored hash is resumed and ends confirmed, still once.
  await page.evaluate((a) => window.wallet.switchAccount(a), payer);
  await waitForSnapshot(page, W, (s) => ['payment_confirmed', 'payment_pending', 'has_credits'].includes(s.state),
    'the payer again', { timeout: 20000 });
  assert.equal(await history(payer), 1);
  await page.context().close();
});

test('chain switched in the middle of a payment: unsupported_chain, then back', async () => {
  const account = env.accounts[7];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, attrs: attrs(),
    wallet: { chains: ['0x7a69', '0x1'], latencyMs: 1500 } }));
  await connect(page);
  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  await page.evaluate(() => window.wallet.switchChain('0x1'));
  await waitForState(page, W, 'unsupported_chain', { timeout: 10000 });
  await page.evaluate(() => window.wallet.switchChain('0x7a69'));
  // The wallet sent it on the chain of the moment it was asked (or refused): either way the
  // widget ends in a state of this account, with the amount kept.
  await waitForSnapshot(page, W, (s) => ['payment_pending', 'payment_confirmed', 'quote_ready', 'has_credits'].includes(s.state),
    'back on the chain', { timeout: 20000 });
  for (let i = 0; i < 40 && (await history(account)) === 0; i++) await new Promise((ok) => setTimeout(ok, 250));
  assert.ok((await history(account)) <= 1, 'never credited twice');
  await page.context().close();
});

test('the same account in two tabs; a triple click pays once', async () => {
  const account = env.accounts[8];
  const context = (await newPage(env)).context();
  const [a, b] = [context.pages()[0], await context.newPage()];
  for (const p of [a, b]) await p.goto(stackPageUrl(env, { account, attrs: attrs() }));
  await connect(a);
  await connect(b);
  await typeInto(a, W, 'amount', '100');
  const snap = await waitForState(a, W, 'quote_ready');
  const { rect } = findItem(snap, 'pay');
  const box = await a.evaluate(() => document.querySelector('#w1').shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
  await a.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2, { clickCount: 3 });
  await waitForState(a, W, 'payment_confirmed', { timeout: 30000 });
  assert.equal(await requests(a, 'eth_sendTransaction'), 1);
  // The other tab sees the credits after a look at the Buy tab.
  await clickItem(b, W, 'nav.usage');
  await clickItem(b, W, 'nav.buy');
  await waitForState(b, W, 'has_credits', { timeout: 20000 });
  assert.equal(await history(account), 1);
  await context.close();
});
