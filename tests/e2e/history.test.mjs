// The History view on the real stack: two one-time purchases through the wasm widget, then the
// view's rows against what the backend holds, its filters as backend queries, and each row's
// Copy and explorer link with the exact transaction hash.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backend, clickItem, connect, findItem, newPage, stackPageUrl, startE2E, typeInto, waitForSnapshot,
  waitForState } from './helpers.mjs';

let env;
before(async () => { env = await startE2E(); });
after(async () => { await env?.close(); });

const W = '#w1';
const EXPLORER = 'https://explorer.example';
const en = (n) => n.toLocaleString('en-US');

async function buy(page, amount) {
  await typeInto(page, W, 'amount', amount);
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await clickItem(page, W, 'done');
  await waitForState(page, W, 'has_credits');
}

const shortHash = (h) => `${h.slice(0, 6)}…${h.slice(-4)}`;
const rows = (snap) => (snap.items || []).filter((i) => /^history\.row\.\d+$/.test(i.id));

test('History lists both purchases with the backend\'s amounts and hashes; filters ask the backend; Copy and the explorer link carry the exact hash', async () => {
  const account = env.accounts[3];
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account, attrs: { 'explorer-url': EXPLORER } }));
  await connect(page);
  await buy(page, '100');
  await buy(page, '50');

  const held = await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history`);
  assert.equal(held.status, 200);
  assert.equal(held.body.total, 2);

  await clickItem(page, W, 'nav.history');
  let snap = await waitForSnapshot(page, W, (s) => rows(s).length === 2, 'two history rows');
  assert.equal(snap.state, 'has_credits', 'opening History does not change the state');
  held.body.items.forEach((entry, i) => {  // both newest first
    const row = `history.row.${i}`;
    assert.match(findItem(snap, row).label, /One-time purchase$/);
    const g = BigInt(entry.gdAmountWei) / 10n ** 18n;
    assert.equal(BigInt(entry.gdAmountWei) % 10n ** 18n, 0n, 'whole G$ bought');
    const detail = findItem(snap, `${row}.detail`).label;
    assert.ok(detail.startsWith(`${en(Number(g))} G$ → `), detail);
    // A credit is 1/100 USD and amounts are micro-USD: whole G$ at this price give whole credits.
    const principal = BigInt(entry.principalUsd), bonus = BigInt(entry.bonusUsd);
    assert.equal((principal + bonus) % 10000n, 0n, 'whole credits');
    assert.ok(bonus > 0n && bonus % 10000n === 0n, 'a one-time purchase carries a whole bonus');
    assert.ok(detail.includes(`${en(Number((principal + bonus) / 10000n))} credits`), detail);
    assert.ok(detail.includes(`(${en(Number(bonus / 10000n))} bonus)`), detail);
    assert.match(detail, /Credited$/);
    assert.equal(findItem(snap, `${row}.tx`).label, shortHash(entry.txHash));
  });
  assert.equal(findItem(snap, 'history_paging').label, '1–2 of 2');

  // Copy: the whole hash of that row reaches the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await clickItem(page, W, 'history.row.1.copy');
  await waitForSnapshot(page, W, (s) => findItem(s, 'history.row.1.copy')?.label === 'Copied', 'Copied on row 1');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), held.body.items[1].txHash);

  // The explorer link opens that transaction's page.
  await page.evaluate(() => {
    window.__opened = [];
    window.open = (url) => { window.__opened.push(url); return null; };
  });
  await clickItem(page, W, 'history.row.0.explorer');
  await page.waitForFunction(() => window.__opened.length > 0, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__opened), [`${EXPLORER}/tx/${held.body.items[0].txHash}`]);

  // Filters are the backend's: no stream entries yet.
  await clickItem(page, W, 'history.kind.stream');
  snap = await waitForSnapshot(page, W, (s) => !!findItem(s, 'history_empty'), 'no stream entries');
  assert.equal(findItem(snap, 'history_empty').label, 'No stream credits yet.');
  // One-time again: the two rows come back; then the last 7 days, asked of the backend as from=.
  const onceAsked = page.waitForRequest((r) => r.url().includes('/credit-history?') && r.url().includes('source=deposit'));
  await clickItem(page, W, 'history.kind.once');
  await onceAsked;
  await waitForSnapshot(page, W, (s) => rows(s).length === 2, 'both one-time purchases');
  const weekAsked = page.waitForRequest((r) => r.url().includes('/credit-history?') && r.url().includes('&from='));
  await clickItem(page, W, 'history.period.7');
  const from = new URL((await weekAsked).url()).searchParams.get('from');
  const fromMs = Date.parse(from);
  assert.ok(Math.abs(Date.now() - 7 * 86400e3 - fromMs) < 120e3, `from=${from} is 7 days before now`);
  assert.match(from, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  snap = await waitForSnapshot(page, W, (s) => rows(s).length === 2 && !findItem(s, 'history_loading'), 'both in the last 7 days');
  const since = new Date(Date.now() - 8 * 86400e3).toISOString();
  const recent = await backend(env, `/v1/accounts/${account.toLowerCase()}/credit-history?source=deposit&from=${since}`);
  assert.equal(recent.body.total, 2);
  await page.context().close();
});
