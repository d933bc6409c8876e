// End-to-end tests on the real stack: anvil with our contracts, the dev backend, the real
// wasm widget in headless Chromium, and the dev wallet forwarding to the node.
import { startStack } from '../../scripts/stack.mjs';
import { canvasBox, clickItem, findItem, launchBrowser, missingPrerequisite, newPage, screenshot, snapshot,
  waitForSnapshot, waitForState } from '../browser/helpers.mjs';

export { clickItem, findItem, newPage, snapshot, waitForSnapshot, waitForState };

export async function startE2E() {
  const why = missingPrerequisite();
  if (why) throw new Error(why);
  const stack = await startStack();
  const browser = await launchBrowser();
  return {
    stack,
    browser,
    url: stack.webUrl,
    accounts: stack.deployment.accounts,
    async close() {
      await browser.close();
      await stack.stop();
    },
  };
}

// The test page with one widget on the local chain + backend, and a dev wallet for
// `account` forwarding to the node. `wallet` overrides dev-wallet options.
export function stackPageUrl(env, { account, wallet = {}, attrs = {} } = {}) {
  const walletOptions = {
    accounts: [account],
    chainId: '0x7a69',
    chains: ['0x7a69'],
    rpcUrl: env.stack.rpcUrl,
    ...wallet,
  };
  const widgetAttrs = {
    'backend-url': env.stack.backendUrl,
    'token-address': env.stack.deployment.token,
    'rpc-url': env.stack.rpcUrl,
    ...attrs,
  };
  const q = new URLSearchParams({ widgets: '1', inject: '6963', wallet: JSON.stringify(walletOptions),
    attrs: JSON.stringify(widgetAttrs) });
  return `${env.url}tests/browser/pages/widget.html?${q}`;
}

export async function rpc(env, method, params = []) {
  const res = await fetch(env.stack.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

export async function backend(env, path, init) {
  const res = await fetch(`${env.stack.backendUrl}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

// Types into the widget's input `id` (clicks it first; selects and replaces the old text).
export async function typeInto(page, target, id, text) {
  await clickItem(page, target, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 15 });
}

export const labels = (snap) => (snap.items || []).map((i) => i.label).join(' | ');
export const requests = (page, method) => page.evaluate((m) => window.wallet.countRequests(m), method);

// Connect through the dev wallet and wait for the account's Buy view with its balance.
export async function connect(page, target = '#w1') {
  await waitForState(page, target, 'disconnected', { timeout: 20000 });
  await clickItem(page, target, 'connect');
  return waitForSnapshot(page, target, (s) => ['connected_empty', 'has_credits', 'insufficient_ai_credits'].includes(s.state) &&
    / G\$$/.test(findItem(s, 'balance')?.label || ''), 'connected with a balance', { timeout: 20000 });
}

// test-results/e2e-<name>.png: the widget only.
export async function shot(page, name, target = '#w1') {
  const box = await canvasBox(page, target);
  return screenshot(page, `e2e-${name}`, box);
}
