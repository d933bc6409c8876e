// After a purchase: an API key by Sign-In with Ethereum, used as an AI gateway would use it;
// usage spends the credits to usage_active, then insufficient_ai_credits. The usage log and
// the key list answer only the account (a read session from the sign-in, in memory only):
// after a reload the Usage view asks for a sign-in before it shows anything.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backend, clickItem, connect, findItem, labels, newPage, shot, stackPageUrl, startE2E, typeInto,
  waitForSnapshot, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await startE2E(); });
after(async () => { await env?.close(); });

const W = '#w1';

// Connects `account`, buys 100 G$ of credits and creates a key; returns the page and the key.
async function buyAndCreateKey(account) {
  const page = await newPage(env);
  await page.goto(stackPageUrl(env, { account }));
  await connect(page);
  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await clickItem(page, W, 'nav.api_key');
  await clickItem(page, W, 'create_key');
  const created = await waitForSnapshot(page, W, (s) => findItem(s, 'api_key.token'), 'the new key', { timeout: 20000 });
  return { page, token: findItem(created, 'api_key.token').label };
}

function spend(token, requestId, costUsd) {
  return backend(env, '/v1/usage', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', requestId, costUsd }),
  });
}

test('API key: created once by sign-in, usable by an AI tool, masked afterwards; usage spends credits', async () => {
  const { page, token } = await buyAndCreateKey(env.accounts[7]);
  await shot(page, 'api_key_created');
  assert.match(token, /^gd_live_[0-9a-f]{64}$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await clickItem(page, W, 'copy_key');
  await waitForSnapshot(page, W, (s) => findItem(s, 'copy_key')?.label === 'Copied', '"Copied" on the key');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  assert.equal(await page.evaluate(() => window.wallet.countRequests('personal_sign')), 1);
  // Never stored in the page: not in localStorage, not in any event.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.equal(stored.includes(token), false);
  const evs = await page.evaluate(() => JSON.stringify(window.__acw.events));
  assert.equal(evs.includes(token), false);
  assert.equal(page.logs.join('\n').includes(token), false, 'not in the console');

  await clickItem(page, W, 'hide_key');
  const masked = await waitForSnapshot(page, W, (s) => findItem(s, 'api_key.masked'), 'the masked key');
  assert.equal(labels(masked).includes(token), false);
  assert.ok(findItem(masked, 'api_key.masked').label.startsWith(token.slice(0, 12)));

  // Usage view before any use: the setup guide with the base URL.
  await clickItem(page, W, 'nav.usage');
  const empty = await waitForState(page, W, 'usage_empty');
  await shot(page, 'usage_empty');
  assert.match(findItem(empty, 'usage_snippet').label, new RegExp(env.stack.backendUrl.replace(/[.:/]/g, '\\$&')));

  // Copy: the exact command reaches the clipboard, the button says so, then reads Copy again.
  await clickItem(page, W, 'usage_snippet.copy');
  await waitForSnapshot(page, W, (s) => findItem(s, 'usage_snippet.copy')?.label === 'Copied', '"Copied"');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), findItem(empty, 'usage_snippet').label);
  await waitForSnapshot(page, W, (s) => findItem(s, 'usage_snippet.copy')?.label === 'Copy', 'Copy again', { timeout: 5000 });
  // A browser that refuses the clipboard: said plainly beside the button, never "Copied".
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await clickItem(page, W, 'usage_snippet.copy');
  const refused = await waitForSnapshot(page, W, (s) => findItem(s, 'copy_refused'), 'the refusal beside the button');
  assert.match(findItem(refused, 'copy_refused').label, /did not allow copying/);
  assert.equal(findItem(refused, 'usage_snippet.copy').label, 'Copy');
  // Allowed again: the next copy works and the refusal goes.
  await page.evaluate(() => { delete navigator.clipboard.writeText; });
  await clickItem(page, W, 'usage_snippet.copy');
  await waitForSnapshot(page, W, (s) => findItem(s, 'usage_snippet.copy')?.label === 'Copied' && !findItem(s, 'copy_refused'),
    '"Copied" and no refusal');

  // The AI gateway spends with the key (what `curl -H "Authorization: Bearer …"` does).
  let r = await spend(token, 'req-1', '600000');
  assert.equal(r.status, 200);
  await clickItem(page, W, 'refresh_usage');
  const active = await waitForState(page, W, 'usage_active');
  await shot(page, 'usage_active');
  assert.match(labels(active), /gpt-4o-mini/);

  r = await spend(token, 'req-2', '500000'); // the rest of the 1,100,000 micro-USD
  assert.equal(r.status, 200);
  r = await spend(token, 'req-3', '1');
  assert.equal(r.status, 402, 'exhausted credits are refused');

  await clickItem(page, W, 'nav.buy');
  const out = await waitForState(page, W, 'insufficient_ai_credits', { timeout: 20000 });
  await shot(page, 'insufficient_ai_credits');
  assert.ok(findItem(out, 'out_of_credits'));

  // The log is private: nobody reads it without the account's session or key.
  const account = env.accounts[7].toLowerCase();
  assert.equal((await backend(env, `/v1/accounts/${account}/usage`)).status, 401);
  assert.equal((await backend(env, `/v1/accounts/${account}/api-keys`)).status, 401);
  assert.equal((await backend(env, `/v1/accounts/${account}/usage`, { headers: { authorization: `Bearer ${token}` } })).body.total, 2);
  // The widget kept its session in memory only: not in localStorage nor sessionStorage.
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.equal(kept.includes('gd_read_'), false);

  // After a reload there is no session: "Sign in to see usage", no usage shown; the sign-in
  // (one personal_sign, no transaction) loads the log.
  await page.reload();
  await connect(page);
  await clickItem(page, W, 'nav.usage');
  const locked = await waitForSnapshot(page, W, (s) => findItem(s, 'sign_in_read'), 'the sign-in button');
  await shot(page, 'usage_sign_in');
  assert.equal(findItem(locked, 'sign_in_read').label, 'Sign in to see usage');
  assert.doesNotMatch(labels(locked), /gpt-4o-mini/);
  const sent = await page.evaluate(() => window.wallet.countRequests('eth_sendTransaction'));
  await clickItem(page, W, 'sign_in_read');
  const unlocked = await waitForState(page, W, 'usage_active', { timeout: 20000 });
  assert.match(labels(unlocked), /gpt-4o-mini/);
  assert.equal(findItem(unlocked, 'sign_in_read'), undefined);
  assert.equal(await page.evaluate(() => window.wallet.countRequests('personal_sign')), 1);
  assert.equal(await page.evaluate(() => window.wallet.countRequests('eth_sendTransaction')), sent);
  // The key list came with the same session: the masked key on the API key view.
  await clickItem(page, W, 'nav.api_key');
  await waitForSnapshot(page, W, (s) => findItem(s, 'api_key.masked'), 'the masked key after the sign-in');
  await page.context().close();
});

test('revoke: the key stops working', async () => {
  const { page, token } = await buyAndCreateKey(env.accounts[8]);
  await clickItem(page, W, 'hide_key');
  await clickItem(page, W, 'revoke_key');
  await waitForSnapshot(page, W, (s) => findItem(s, 'create_key'), 'no active key', { timeout: 20000 });
  const r = await spend(token, 'req-x', '1');
  assert.equal(r.status, 401);
  await page.context().close();
});
