// The widget against the dev wallet: states of SPEC §1, wallet calls and errors of §3.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, skipReason, newPage, widgetPageUrl, devWalletOptions, waitForState, waitForSnapshot,
  snapshot, findItem, clickItem, canvasBox, screenshot, pngStats, ACCOUNT_2, ANVIL,
} from './helpers.mjs';

const W = '#w1';
const labels = (s) => s.items.map((i) => i.label).join(' | ');
const walletCount = (page, method) => page.evaluate((m) => window.wallet.countRequests(m), method);

describe('wallet flows', { skip: skipReason(), timeout: 300000 }, () => {
  let env;
  before(async () => { env = await startEnv(); });
  after(async () => { await env?.close(); });

  async function open(walletOpts, opts = {}) {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: walletOpts, ...opts }));
    return page;
  }
  const done = (page) => page.context().close();

  test('page loads disconnected with an enabled Connect button', async () => {
    const page = await open(devWalletOptions());
    // Until the start event (after wallet discovery) the first frames may show Connect disabled.
    const s = await waitForSnapshot(page, W, (x) => x.state === 'disconnected' && findItem(x, 'connect')?.enabled,
      'disconnected with an enabled "connect"');
    const connect = findItem(s, 'connect');
    assert.ok(connect, `no "connect" item in ${labels(s)}`);
    assert.equal(connect.role, 'button');
    assert.equal(connect.enabled, true);
    assert.ok(connect.rect.w > 0 && connect.rect.h > 0, JSON.stringify(connect.rect));
    assert.equal(findItem(s, 'no_wallet'), undefined, 'a wallet is on the page');
    assert.deepEqual(await page.evaluate(() => window.__acw.errors), []);
    await done(page);
  });

  test('no wallet at all: disconnected with a no-wallet message', async () => {
    const page = await open(null);
    const s = await waitForSnapshot(page, W, (x) => x.state === 'disconnected' && findItem(x, 'no_wallet'),
      'disconnected with item "no_wallet"');
    assert.match(findItem(s, 'no_wallet').label, /wallet/i);
    await screenshot(page, 'no-wallet', await canvasBox(page, W));
    await done(page);
  });

  test('Connect shows the balance and draws a non-blank canvas', async () => {
    const page = await open(devWalletOptions());
    await waitForState(page, W, 'disconnected');
    await clickItem(page, W, 'connect');
    const s = await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /1,234\.5/.test(labels(x)),
      'connected_empty showing 1,234.5');
    for (const id of ['amount', 'mode.once', 'mode.stream']) assert.ok(findItem(s, id), `no "${id}" in ${labels(s)}`);
    assert.equal(findItem(s, 'connect'), undefined, 'Connect still shown after connecting');
    assert.equal(await walletCount(page, 'eth_requestAccounts'), 1);
    const png = await screenshot(page, 'connected-empty', await canvasBox(page, W));
    const stats = await pngStats(page, png);
    assert.ok(stats.distinct >= 16, `only ${stats.distinct} colours in the canvas`);
    assert.ok(stats.nonBackground > 0.02, `only ${(stats.nonBackground * 100).toFixed(2)}% non-background pixels`);
    await done(page);
  });

  test('wrong chain: unsupported_chain, Switch goes to connected_empty', async () => {
    const page = await open(devWalletOptions({ chainId: '0x1' }));
    await clickItem(page, W, 'connect');
    const s = await waitForState(page, W, 'unsupported_chain');
    assert.match(findItem(s, 'switch_chain')?.label || '', /Anvil/, labels(s));
    await clickItem(page, W, 'switch_chain');
    await waitForState(page, W, 'connected_empty');
    assert.equal(await page.evaluate(() => window.wallet.chainId), ANVIL);
    await done(page);
  });

  test('unknown chain (4902): wallet_addEthereumChain, then connected', async () => {
    const page = await open(devWalletOptions({ chainId: '0x1', chains: ['0x1'] }));
    await clickItem(page, W, 'connect');
    await waitForState(page, W, 'unsupported_chain');
    await clickItem(page, W, 'switch_chain');
    await waitForState(page, W, 'connected_empty');
    const added = await page.evaluate(() => window.wallet.addedChains);
    assert.equal(added.length, 1);
    assert.equal(String(added[0].chainId).toLowerCase(), ANVIL);
    assert.ok(added[0].chainName && Array.isArray(added[0].rpcUrls) && added[0].rpcUrls.length, JSON.stringify(added[0]));
    await done(page);
  });

  test('rejected connect (4001): disconnected, one "declined" notice, even after two tries', async () => {
    const page = await open(devWalletOptions({ behavior: { eth_requestAccounts: 'reject' } }));
    await waitForState(page, W, 'disconnected');
    await clickItem(page, W, 'connect');
    let s = await waitForSnapshot(page, W, (x) => findItem(x, 'notice'), 'a notice');
    assert.equal(s.state, 'disconnected');
    assert.match(findItem(s, 'notice').label, /reject|declin/i);
    await clickItem(page, W, 'connect');
    await page.waitForFunction(() => window.wallet.countRequests('eth_requestAccounts') === 2);
    await page.waitForTimeout(300);
    s = await snapshot(page, W);
    assert.equal(s.state, 'disconnected');
    assert.equal(s.items.filter((i) => i.id === 'notice').length, 1, `duplicate notices: ${labels(s)}`);
    await done(page);
  });

  test('request already pending (-32002): asks to open the wallet, no auto-retry', async () => {
    const page = await open(devWalletOptions({ behavior: { eth_requestAccounts: 'pending' } }));
    await waitForState(page, W, 'disconnected');
    await clickItem(page, W, 'connect');
    const s = await waitForSnapshot(page, W, (x) => findItem(x, 'notice'), 'a notice');
    assert.match(findItem(s, 'notice').label, /open (your |the )?wallet/i);
    await page.waitForTimeout(1500);
    assert.equal(await walletCount(page, 'eth_requestAccounts'), 1, 'the widget retried by itself');
    await done(page);
  });

  test('account and chain changes: new balance, no stale data; [] disconnects; wrong chain', async () => {
    const page = await open(devWalletOptions());
    await clickItem(page, W, 'connect');
    await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /1,234\.5/.test(labels(x)), 'balance 1,234.5');
    await page.evaluate((a) => window.wallet.switchAccount(a), ACCOUNT_2);
    const s = await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /\b42(\.0+)?\b/.test(findItem(x, 'balance')?.label || ''),
      'balance 42 of the second account');
    assert.doesNotMatch(labels(s), /1,234\.5/, 'stale balance of the first account');
    const acct = findItem(s, 'account');
    if (acct) assert.match(acct.label.toLowerCase(), /0x7099|79c8/, `account label ${acct.label}`);
    await page.evaluate(() => window.wallet.switchChain('0x1'));
    await waitForState(page, W, 'unsupported_chain');
    await page.evaluate(() => window.wallet.switchChain('0x7a69'));
    await waitForState(page, W, 'connected_empty');
    await page.evaluate(() => window.wallet.revokeAccounts());
    const d = await waitForState(page, W, 'disconnected');
    assert.doesNotMatch(labels(d), /\b42\b|1,234\.5/, 'balance still shown after disconnect');
    assert.ok(findItem(d, 'connect'), labels(d));
    await done(page);
  });

  test('window.ethereum fallback without EIP-6963', async () => {
    const page = await open(devWalletOptions(), { inject: 'ethereum' });
    await waitForState(page, W, 'disconnected');
    await clickItem(page, W, 'connect');
    await waitForState(page, W, 'connected_empty');
    await done(page);
  });
});
