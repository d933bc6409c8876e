// A one-time purchase for real: anvil + our contracts + the dev backend + the wasm widget.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backend, clickItem, connect, findItem, labels, newPage, requests, rpc, shot, stackPageUrl, startE2E,
  typeInto, waitForSnapshot, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await startE2E(); });
after(async () => { await env?.close(); });

const W = '#w1';

async function profile(account) {
  const r = await backend(env, `/v1/accounts/${account.toLowerCase()}/profile`);
  assert.equal(r.status, 200);
  return r.body;
}

async function buy(page, amount) {
  await typeInto(page, W, 'amount', amount);
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
}

test('buys credits once: pending with steps, confirmed, then has_credits; credited exactly once', async () => {
  const account = env.accounts[1];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  const snap = await connect(page);
  assert.equal(snap.state, 'connected_empty');
  assert.match(labels(snap), /10,000 G\$/);

  await typeInto(page, W, 'amount', '100');
  const quote = await waitForState(page, W, 'quote_ready');
  await shot(page, 'quote_ready');
  assert.match(findItem(quote, 'quote').label, /100 G\$ buys 1,000 credits|buys/);
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_pending', { timeout: 5000 }).catch(() => {}); // may pass quickly
  const done = await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await shot(page, 'payment_confirmed');
  assert.match(findItem(done, 'confirmed').label, /credits added/);
  assert.equal(await requests(page, 'eth_sendTransaction'), 1);

  const events = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'pay-success'));
  assert.equal(events.length, 1);
  assert.equal(events[0].detail.account, account.toLowerCase());
  assert.match(events[0].detail.txHash, /^0x[0-9a-f]{64}$/);

  const p = await profile(account);
  // 100 G$ at the vault's price, + the deposit bonus: what the event said is what was credited.
  assert.equal(BigInt(p.remainingUsd), BigInt(Math.round(Number(events[0].detail.credits) * 10000)));
  const history = await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history`);
  assert.equal(history.body.total, 1);

  await clickItem(page, W, 'done');
  const after = await waitForState(page, W, 'has_credits');
  await shot(page, 'has_credits');
  assert.ok(findItem(after, 'credits'), 'the credit balance is shown');
  await page.context().close();
});

test('a double click on Buy sends one transaction', async () => {
  const account = env.accounts[2];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  await typeInto(page, W, 'amount', '150');
  const snap = await waitForState(page, W, 'quote_ready');
  const { rect } = findItem(snap, 'pay');
  const box = await page.evaluate(() => document.querySelector('#w1').shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
  const x = box.x + rect.x + rect.w / 2;
  const y = box.y + rect.y + rect.h / 2;
  await page.mouse.dblclick(x, y);
  await page.mouse.click(x, y);
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  assert.equal(await requests(page, 'eth_sendTransaction'), 1);
  const history = await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history`);
  assert.equal(history.body.total, 1);
  await page.context().close();
});

test('rejected in the wallet: payment_failed without a hash, then Try again succeeds', async () => {
  const account = env.accounts[3];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, wallet: { behavior: { eth_sendTransaction: 'reject' } } }));
  await connect(page);
  await buy(page, '100');
  const failed = await waitForState(page, W, 'payment_failed');
  await shot(page, 'payment_failed');
  assert.match(labels(failed), /declined/);
  assert.ok(findItem(failed, 'try_again'));
  assert.equal(findItem(failed, 'check_again'), undefined);
  const errors = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'pay-error'));
  assert.equal(errors.length, 1);

  await page.evaluate(() => { window.wallet.behavior.eth_sendTransaction = 'approve'; });
  await clickItem(page, W, 'try_again');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await page.context().close();
});

test('not enough G$: insufficient_g_balance, also when only the minimum is out of reach', async () => {
  const account = env.accounts[9]; // 50 G$; the first purchase must be at least US$1
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  await typeInto(page, W, 'amount', '60');
  let snap = await waitForState(page, W, 'insufficient_g_balance');
  await shot(page, 'insufficient_g_balance');
  assert.ok(findItem(snap, 'need_more_g'));
  assert.equal(findItem(snap, 'pay').enabled, false);
  await typeInto(page, W, 'amount', '40');
  snap = await waitForState(page, W, 'insufficient_g_balance');
  assert.ok(findItem(snap, 'minimum'), 'the minimum is explained');
  await page.context().close();
});

test('a reload while the transaction is pending resumes it and credits exactly once', async () => {
  const account = env.accounts[4];
  const page = await newPage(env);
  // `connected`: the site is already allowed, as a wallet remembers it across a reload.
  await page.goto(stackPageUrl(env, { account, wallet: { connected: true } }));
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  await rpc(env, 'evm_setAutomine', [false]); // the transaction waits in the mempool
  try {
    await buy(page, '120');
    await waitForSnapshot(page, W, (s) => s.state === 'payment_pending' && findItem(s, 'tx_hash'), 'pending with a hash');
    await shot(page, 'payment_pending');
    await page.reload();
    const resumed = await waitForSnapshot(page, W, (s) => s.state === 'payment_pending', 'pending after reload', { timeout: 20000 });
    assert.ok(findItem(resumed, 'tx_hash'), 'the hash is shown again');
  } finally {
    await rpc(env, 'evm_setAutomine', [true]);
    await rpc(env, 'evm_mine');
  }
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  const history = await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history`);
  assert.equal(history.body.total, 1, 'credited once, though the page and the scanner both saw it');
  await page.context().close();
});

test('backend stopped: backend_unavailable with Retry; after a restart Retry recovers', async () => {
  const account = env.accounts[5];
  const page = await newPage(env);
  await env.stack.stopBackend();
  try {
    await page.goto(stackPageUrl(env, { account }));
    await waitForState(page, W, 'disconnected', { timeout: 20000 });
    await clickItem(page, W, 'connect');
    const down = await waitForState(page, W, 'backend_unavailable', { timeout: 30000 });
    await shot(page, 'backend_unavailable');
    assert.equal(findItem(down, 'pay').enabled, false);
    assert.doesNotMatch(labels(down), /not charged/);
  } finally {
    await env.stack.restartBackend();
  }
  await clickItem(page, W, 'retry_backend');
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  await page.context().close();
});

test('wrong chain: switch, adding the chain on 4902, then connected', async () => {
  const account = env.accounts[6];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, wallet: { chainId: '0x1', chains: ['0x1'] } }));
  await waitForState(page, W, 'disconnected', { timeout: 20000 });
  await clickItem(page, W, 'connect');
  await waitForState(page, W, 'unsupported_chain');
  await shot(page, 'unsupported_chain');
  await clickItem(page, W, 'switch_chain');
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  assert.equal(await requests(page, 'wallet_addEthereumChain'), 1);
  await page.context().close();
});

test('embedded with only chain-id, token-address and backend-url: the backend names the chain and adds it on 4902', async () => {
  const account = env.accounts[7];
  const config = (await backend(env, '/config/values')).body;
  assert.ok(config.chainName && config.rpcUrl && config.nativeSymbol, JSON.stringify(config));
  const page = await newPage(env);
  // null: the test page leaves its default attribute out.
  const attrs = { 'chain-name': null, 'rpc-url': null, 'native-symbol': null, 'token-symbol': null, theme: null, locale: null };
  await page.goto(stackPageUrl(env, { account, wallet: { chainId: '0x1', chains: ['0x1'] }, attrs }));
  await waitForState(page, W, 'disconnected', { timeout: 20000 });
  await clickItem(page, W, 'connect');
  const wrong = await waitForSnapshot(page, W, (s) => s.state === 'unsupported_chain' &&
    findItem(s, 'switch_chain')?.label === `Switch to ${config.chainName}`, 'the backend\'s chain name', { timeout: 20000 });
  await shot(page, 'unsupported_chain_backend_name');
  assert.doesNotMatch(labels(wrong), /chain 31337/);
  await clickItem(page, W, 'switch_chain');
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  const added = await page.evaluate(() => window.wallet.addedChains);
  assert.deepEqual(added, [{
    chainId: '0x7a69',
    chainName: config.chainName,
    nativeCurrency: { name: config.nativeSymbol, symbol: config.nativeSymbol, decimals: 18 },
    rpcUrls: [config.rpcUrl],
  }]);
  await page.context().close();
});

test('payment_confirmed shows the new G$ balance or that it is updating, never the old figure', async () => {
  const account = env.accounts[8];
  const page = await newPage(env);
  // Slow wallet answers, so a frame with a stale balance would last long enough to be seen.
  await page.goto(stackPageUrl(env, { account, wallet: { latencyMs: 150 } }));
  const before = findItem(await connect(page), 'balance').label;
  assert.equal(before, '10,000 G$');
  await typeInto(page, W, 'amount', '150');
  await waitForState(page, W, 'quote_ready');
  // The balance of every frame while payment_confirmed, from its first frame on.
  await page.evaluate(() => {
    const el = document.querySelector('#w1');
    window.confirmedBalances = [];
    const watch = () => {
      const s = el.snapshot();
      if (s && s.state === 'payment_confirmed') {
        window.confirmedBalances.push((s.items.find((i) => i.id === 'balance') || {}).label || '(none)');
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await clickItem(page, W, 'pay');
  await waitForSnapshot(page, W, (s) => s.state === 'payment_confirmed' && findItem(s, 'balance')?.label === '9,850 G$',
    'the new balance', { timeout: 30000 });
  const seen = await page.evaluate(() => window.confirmedBalances);
  assert.ok(seen.length > 0);
  assert.ok(seen.every((b) => b === 'Updating…' || b === '9,850 G$'), seen.join(' | '));
  await page.context().close();
});
