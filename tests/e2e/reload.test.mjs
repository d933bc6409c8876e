// A reload in every state lands in a clear state of the same account: nothing lost, nothing
// stale. (payment_pending across a reload is in purchase.test.mjs; an active stream in
// stream.test.mjs.)
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, findItem, newPage, stackPageUrl, startE2E, typeInto, waitForSnapshot, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await startE2E(); });
after(async () => { await env?.close(); });

const W = '#w1';

// Reloads and waits until the widget shows this account with its balance, in one of `states`.
async function reloadInto(page, states, what) {
  await page.reload();
  const snap = await waitForSnapshot(page, W, (s) => states.includes(s.state) && / G\$$/.test(findItem(s, 'balance')?.label || ''),
    `after reload: ${what}`, { timeout: 20000 });
  assert.equal(findItem(snap, 'notice'), undefined, `no error after reloading ${what}`);
  return snap;
}

test('reload in connected_empty, quote_ready, payment_failed, payment_confirmed, has_credits, API key, usage, stream setup and paused', async () => {
  const account = env.accounts[1];
  const page = await newPage(env);
  // `connected`: the wallet remembers the site across reloads, as real wallets do.
  await page.goto(stackPageUrl(env, { account, wallet: { connected: true } }));
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  await reloadInto(page, ['connected_empty'], 'connected_empty');

  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await reloadInto(page, ['connected_empty'], 'quote_ready (the typed amount is not kept)');

  await page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'reject'; });
  await typeInto(page, W, 'amount', '100');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_failed');
  await reloadInto(page, ['connected_empty'], 'payment_failed without a hash');

  await typeInto(page, W, 'amount', '100');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await reloadInto(page, ['has_credits'], 'payment_confirmed');
  await reloadInto(page, ['has_credits'], 'has_credits');

  await clickItem(page, W, 'nav.api_key');
  await waitForSnapshot(page, W, (s) => findItem(s, 'create_key'), 'the API key view');
  await reloadInto(page, ['has_credits'], 'the API key view');

  await clickItem(page, W, 'nav.usage');
  await waitForState(page, W, 'usage_empty');
  await reloadInto(page, ['has_credits'], 'usage_empty');

  await clickItem(page, W, 'mode.stream');
  await waitForState(page, W, 'streaming_setup');
  await reloadInto(page, ['has_credits'], 'streaming_setup');

  await clickItem(page, W, 'mode.stream');
  await typeInto(page, W, 'monthly_amount', '2592');
  await waitForSnapshot(page, W, (s) => findItem(s, 'start_stream')?.enabled, 'start enabled');
  await clickItem(page, W, 'start_stream');
  await waitForState(page, W, 'streaming_active', { timeout: 30000 });
  await clickItem(page, W, 'pause_stream');
  await waitForState(page, W, 'streaming_paused', { timeout: 30000 });
  await reloadInto(page, ['has_credits'], 'streaming_paused');
  await clickItem(page, W, 'mode.stream');
  const paused = await waitForState(page, W, 'streaming_paused');
  assert.match(findItem(paused, 'resume_stream').label, /2,592 G\$/);
  await page.context().close();
});
