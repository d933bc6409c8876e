// The React + wagmi example (host-examples/react-wagmi/), built with Vite from the packed
// tarball, on the real stack (anvil + contracts + dev backend) in headless Chromium: wagmi's
// injected connector connects the dev wallet (window.ethereum), the widget gets that provider
// from wagmi, buys once, and pay-success arrives through the React callback; unmounting and
// remounting leaves no listener, frame loop or extra wasm instance behind.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clickItem, findItem, newPage, requests, shot, startE2E, typeInto, waitForSnapshot,
  waitForState } from '../e2e/helpers.mjs';
import { countWasmInstances, idleActivity, repoRoot, wasmInstances } from '../browser/helpers.mjs';

const W = '#credits';
const EXAMPLE_BUILD = path.join(repoRoot, 'build/react-wagmi');
const WALLET_EVENTS = ['accountsChanged', 'chainChanged', 'disconnect'];

let env;
before(async () => {
  // npm ci (once, from the example's lockfile), the tarball installed, vite build.
  execFileSync(path.join(repoRoot, 'scripts/react-example.sh'), { stdio: ['ignore', 'inherit', 'inherit'] });
  env = await startE2E();
});
after(async () => { await env?.close(); });

// The dev wallet as the page's injected provider (window.ethereum), before any script runs;
// and a count of wasm instantiations.
async function examplePage(account) {
  const page = await newPage(env);
  const context = page.context();
  await context.addInitScript({ path: path.join(repoRoot, 'host-examples/dev-wallet.js') });
  await context.addInitScript(({ account: a, rpcUrl }) => {
    window.ethereum = window.AcwDevWallet.createDevWallet({
      accounts: [a], chainId: '0x7a69', chains: ['0x7a69'], rpcUrl, announce: false,
    });
    window.wallet = window.ethereum;
  }, { account, rpcUrl: env.stack.rpcUrl });
  await countWasmInstances(context);
  await page.goto(`${env.url}react-wagmi/`);
  return page;
}

const walletListeners = (page) => page.evaluate((names) =>
  Object.fromEntries(names.map((n) => [n, window.ethereum.listenerCount(n)])), WALLET_EVENTS);
const loggedEvents = (page, name) => page.$$eval(`#events li[data-event="${name}"] code`,
  (codes) => codes.map((c) => JSON.parse(c.textContent)));
const connectedWithBalance = (page) => waitForSnapshot(page, W,
  (s) => ['connected_empty', 'has_credits'].includes(s.state) && / G\$$/.test(findItem(s, 'balance')?.label || ''),
  'connected with a balance', { timeout: 30000 });

test('the example installs the packed tarball and Vite ships the wasm beside the module', () => {
  const installed = path.join(repoRoot, 'host-examples/react-wagmi/node_modules/ai-credits-widget');
  const packed = path.join(repoRoot, 'build/package/ai-credits-widget');
  for (const file of ['ai-credits-widget.wasm', 'ai-credits-widget.mjs', 'react.mjs']) {
    assert.ok(fs.readFileSync(path.join(installed, file)).equals(fs.readFileSync(path.join(packed, file))),
      `node_modules/ai-credits-widget/${file} is not the one just packed`);
  }
  const assets = fs.readdirSync(path.join(EXAMPLE_BUILD, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `assets: ${assets.join(', ')}`);
  assert.equal(fs.statSync(path.join(EXAMPLE_BUILD, 'assets', wasm[0])).size,
    fs.statSync(path.join(packed, 'ai-credits-widget.wasm')).size);
});

test('the example type-checks against the installed package, wagmi and viem (tsc --strict)', () => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
    '-p', path.join(repoRoot, 'host-examples/react-wagmi/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc:\n${r.stdout}${r.stderr}`);
});

test('React + wagmi: connect through the injected connector, buy once, pay-success in the React callback', async () => {
  const account = env.accounts[4];
  const page = await examplePage(account);
  await page.waitForSelector('#connect', { timeout: 20000 });
  assert.equal(await page.locator('ai-credits-widget').count(), 0, 'the widget waits for wagmi');

  await page.click('#connect');
  await page.waitForSelector('#wallet-status[data-status="connected"]', { timeout: 20000 });
  assert.match(await page.textContent('#wallet-status'), new RegExp(account, 'i'));
  const connected = await connectedWithBalance(page);
  assert.equal(connected.state, 'connected_empty');
  assert.match(findItem(connected, 'balance').label, /10,000 G\$/);
  // The widget never asked for accounts itself: wagmi's connection is the one it uses.
  assert.equal(await requests(page, 'eth_requestAccounts'), 1);

  await typeInto(page, W, 'amount', '100');
  await waitForState(page, W, 'quote_ready');
  await shot(page, 'react-wagmi-quote_ready', W);
  await clickItem(page, W, 'pay');
  await waitForState(page, W, 'payment_confirmed', { timeout: 30000 });
  await page.waitForSelector('#events li[data-event="pay-success"]', { timeout: 5000 });
  const [paid, ...more] = await loggedEvents(page, 'pay-success');
  assert.equal(more.length, 0, 'one pay-success');
  assert.equal(paid.account, account.toLowerCase());
  assert.equal(paid.chainId, '0x7a69');
  assert.match(paid.txHash, /^0x[0-9a-f]{64}$/);
  assert.ok(Number(paid.credits) > 0, `credits ${paid.credits}`);
  assert.equal(await requests(page, 'eth_sendTransaction'), 1);
  const states = (await loggedEvents(page, 'state-change')).map((d) => d.state);
  assert.ok(states.includes('quote_ready') && states.includes('payment_confirmed'), states.join(' → '));
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot, 'test-results/react-wagmi-page.png') });

  // Unmount: the element goes, and with it the widget's wallet listeners (one of each; wagmi
  // keeps its own) and frames.
  const mounted = await walletListeners(page);
  assert.equal(await wasmInstances(page), 1);
  await page.click('#toggle-widget');
  await page.waitForSelector('#credits', { state: 'detached' });
  await page.waitForTimeout(300);
  const unmounted = await walletListeners(page);
  for (const name of WALLET_EVENTS) assert.equal(unmounted[name], mounted[name] - 1, `${name} listeners after unmount`);
  assert.deepEqual(await idleActivity(page, 1000), { raf: 0, draws: 0 }, 'frames after unmount');

  // Remount: one new instance, on the same wagmi connection, with the credits just bought.
  await page.click('#toggle-widget');
  const again = await connectedWithBalance(page);
  assert.equal(again.state, 'has_credits');
  assert.equal(await wasmInstances(page), 2, 'one wasm instance per mount');
  assert.equal(await page.locator('ai-credits-widget').count(), 1);
  assert.deepEqual(await walletListeners(page), mounted, 'listeners after remount');
  assert.deepEqual(await idleActivity(page, 1000), { raf: 0, draws: 0 }, 'frames while idle after remount');
  await page.context().close();
});
