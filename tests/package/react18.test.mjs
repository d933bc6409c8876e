// <AiCreditsWidget> on React 18 (the example runs React 19): React 18's own browser builds load
// the package's react.mjs through an import map (tests/package/pages/react18.html), with a
// scripted dev wallet as the provider prop. Props reach the element, events reach the
// callbacks, an equal config re-creates nothing, unmount frees everything, remount works. And
// the component renders on a server (react-dom/server), where the element is only markup.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clickItem, countWasmInstances, devWalletOptions, findItem, idleActivity, launchBrowser, missingPrerequisite, newPage, repoRoot,
  waitForSnapshot, waitForState, wasmInstances } from '../browser/helpers.mjs';

const ORIGIN = 'http://react18.test';
// URL prefix → folder, for page.route.
const FOLDERS = {
  '/react/': 'node_modules/react/',
  '/react-dom/': 'node_modules/react-dom/',
  '/pkg/': 'build/package/ai-credits-widget/',
  '/page/': 'tests/package/pages/',
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const W = '#w';

let env;
before(async () => {
  const why = missingPrerequisite();
  if (why) throw new Error(why);
  env = { browser: await launchBrowser() };
});
after(async () => { await env?.browser.close(); });

async function react18Page() {
  const page = await newPage(env);
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const prefix = Object.keys(FOLDERS).find((p) => pathname.startsWith(p));
    const file = pathname === '/dev-wallet.js' ? path.join(repoRoot, 'host-examples/dev-wallet.js')
      : prefix && path.join(repoRoot, FOLDERS[prefix], pathname.slice(prefix.length));
    if (!file || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file, contentType: TYPES[path.extname(file)] || 'application/octet-stream' });
  });
  await countWasmInstances(page.context());
  const q = new URLSearchParams({ wallet: JSON.stringify(devWalletOptions()) });
  await page.goto(`${ORIGIN}/page/react18.html?${q}`);
  return page;
}

const walletListeners = (page) => page.evaluate(() => ['accountsChanged', 'chainChanged', 'disconnect']
  .map((e) => window.wallet.listenerCount(e)).reduce((a, b) => a + b, 0));
const loggedStates = (page) => page.evaluate(() => window.events.filter((e) => e.name === 'state-change').map((e) => e.detail.state));

test('React 18: props by ref and attribute, events as callbacks, unmount and remount', async () => {
  const page = await react18Page();
  assert.match(await page.evaluate(() => React.version), /^18\./);
  await waitForState(page, W, 'disconnected', { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => {
    const el = document.getElementById('w');
    return { chainId: el.chainId, theme: el.theme, locale: el.locale, provider: el.provider === window.wallet,
      config: el.config && el.config.chainName };
  }), { chainId: '31337', theme: 'light', locale: 'en', provider: true, config: 'Anvil (local)' });

  await clickItem(page, W, 'connect');
  const snap = await waitForSnapshot(page, W, (s) => s.state === 'connected_empty' && /1,234\.5 G\$/.test(findItem(s, 'balance')?.label || ''),
    'connected with 1,234.5 G$');
  assert.ok(snap);
  assert.deepEqual((await loggedStates(page)).slice(0, 2), ['disconnected', 'connected_empty']);
  assert.equal(await wasmInstances(page), 1, 'one wasm instance for the first mount');

  // A re-render with an equal (new) config object keeps the widget; a new theme re-creates it.
  await page.evaluate(() => window.app.rerender());
  await page.waitForTimeout(300);
  assert.equal(await wasmInstances(page), 1, 'an equal config re-created the widget');
  await page.evaluate(() => window.app.setTheme('dark'));
  await waitForState(page, W, 'connected_empty');
  assert.equal(await page.evaluate(() => document.getElementById('w').getAttribute('theme')), 'dark');
  assert.equal(await wasmInstances(page), 2);

  const mountedListeners = await walletListeners(page);
  assert.equal(mountedListeners, 3, 'accountsChanged, chainChanged, disconnect');
  await page.evaluate(() => window.app.setShown(false));
  await page.waitForSelector(W, { state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await walletListeners(page), 0, 'wallet listeners left after unmount');
  assert.deepEqual(await idleActivity(page, 1000), { raf: 0, draws: 0 }, 'frames after unmount');
  const eventsBefore = await page.evaluate(() => window.events.length);

  await page.evaluate(() => window.app.setShown(true));
  await waitForState(page, W, 'connected_empty', { timeout: 20000 });
  assert.equal(await wasmInstances(page), 3, 'one new instance for the remount');
  assert.equal(await walletListeners(page), mountedListeners);
  assert.ok(await page.evaluate(() => window.events.length) > eventsBefore, 'callbacks after remount');
  assert.deepEqual(await idleActivity(page, 1000), { raf: 0, draws: 0 }, 'frames while idle');
  await page.context().close();
});

test('the React component renders on a server: the element with its attributes, nothing run', async () => {
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { AiCreditsWidget } = await import(pathToFileURL(path.join(repoRoot, 'build/package/ai-credits-widget/react.mjs')).href);
  const html = renderToString(React.createElement(AiCreditsWidget, {
    id: 'credits', chainId: 42220, theme: 'dark', locale: 'es', config: { backendUrl: 'https://credits.example' },
  }));
  assert.match(html, /^<ai-credits-widget /);
  for (const attr of ['id="credits"', 'chain-id="42220"', 'theme="dark"', 'locale="es"']) assert.ok(html.includes(attr), `${attr} in ${html}`);
  assert.ok(!html.includes('backendUrl') && !html.includes('[object Object]'), html);
});
