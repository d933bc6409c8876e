// Shared helpers of the browser tests: Debian chromium through playwright-core, the static
// server in-process, and small waits/clicks against the widget's snapshot() hook.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchBrowser } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.resolve(process.env.ACW_DIST || path.join(repoRoot, 'build/wasm/dist'));
const resultsDir = path.join(repoRoot, 'test-results');

export const ACCOUNT_1 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ACCOUNT_2 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const ANVIL = '0x7a69';
export const wei = (g) => (BigInt(Math.round(g * 1e6)) * 10n ** 12n).toString(); // G$ -> wei string

// Why the widget tests cannot run, or null. With ACW_SKIP_MISSING_DIST=1 they are skipped
// instead of failing when the widget has not been built.
export function missingPrerequisite() {
  const js = path.join(distDir, 'ai-credits-widget.js');
  if (!fs.existsSync(js)) return `widget not built: ${js} is missing (build the wasm target first)`;
  if (!fs.existsSync(CHROMIUM)) return `no browser at ${CHROMIUM} (apt-get install chromium)`;
  return null;
}
export const skipReason = () =>
  (process.env.ACW_SKIP_MISSING_DIST === '1' ? missingPrerequisite() || false : false);

export { CHROMIUM, launchBrowser };

// Launches chromium and the server. Playwright gives each launch a fresh temporary
// --user-data-dir of its own (it refuses one passed in args) and removes it on close.
export async function startEnv() {
  const why = missingPrerequisite();
  if (why) throw new Error(why);
  const server = await startServer({ port: 0, dist: distDir });
  const browser = await launchBrowser();
  return {
    server, browser, url: server.url,
    async close() { await browser.close(); await server.close(); },
  };
}


// Counts requestAnimationFrame callbacks, WebGL draw calls and widget events from the first
// script of every page: window.__acw = {raf, draws, events: [{type, target, detail, ...}]}.
function pageProbe() {
  const acw = { raf: 0, draws: 0, events: [], errors: [] };
  window.__acw = acw;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { acw.raf++; cb(t); });
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const m of ['drawElements', 'drawArrays']) {
      const orig = C.prototype[m];
      C.prototype[m] = function (...a) { acw.draws++; return orig.apply(this, a); };
    }
  }
  for (const type of ['state-change', 'pay-success', 'pay-error', 'stream-change']) {
    window.addEventListener(type, (e) => {
      acw.events.push({ type, target: e.target && (e.target.id || e.target.tagName), detail: e.detail,
        bubbles: e.bubbles, composed: e.composed });
    }, true);
  }
  window.addEventListener('error', (e) => acw.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => acw.errors.push(String(e.reason && e.reason.stack || e.reason)));
}

// A fresh context and page with the probe installed; console errors are kept in page.logs.
export async function newPage(env, { viewport = { width: 1100, height: 800 } } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  page.logs = [];
  page.on('console', (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.logs.push(`pageerror: ${e.message}`));
  return page;
}

// URL of tests/browser/pages/widget.html with a dev wallet made from `wallet` (null: none).
// build: 'storybook' for the build that also loads fixtures and reports its state.
export function widgetPageUrl(env, { wallet = {}, widgets = 1, inject = '6963', attrs = {}, build = '' } = {}) {
  const q = new URLSearchParams({ widgets: String(widgets), inject });
  if (build) q.set('build', build);
  if (wallet) q.set('wallet', JSON.stringify(wallet));
  if (Object.keys(attrs).length) q.set('attrs', JSON.stringify(attrs));
  return `${env.url}tests/browser/pages/widget.html?${q}`;
}

export const devWalletOptions = (over = {}) => ({
  accounts: [ACCOUNT_1, ACCOUNT_2],
  chainId: ANVIL,
  chains: [ANVIL, '0x1'],
  tokenAddress: TOKEN,
  balancesWei: { [ACCOUNT_1]: wei(1234.5), [ACCOUNT_2]: wei(42) },
  ...over,
});

async function toHandle(page, target) {
  if (typeof target !== 'string') return target;
  const h = await page.waitForSelector(target, { state: 'attached', timeout: 10000 });
  return h;
}

// The snapshot of an element (selector) or a mount() handle (JSHandle).
export async function snapshot(page, target) {
  const h = await toHandle(page, target);
  return page.evaluate((el) => el.snapshot(), h);
}

const describe = (s) => JSON.stringify(s && { state: s.state, items: (s.items || []).map((i) => `${i.id}:${i.label}`) });

// Polls target.snapshot() until `test(snapshot)` is true; the error names the last snapshot.
export async function waitForSnapshot(page, target, test, what, { timeout = 15000 } = {}) {
  const h = await toHandle(page, target);
  const deadline = Date.now() + timeout;
  let last, lastError;
  while (Date.now() < deadline) {
    try {
      last = await page.evaluate((el) => el.snapshot(), h);
      lastError = null;
      if (last && test(last)) return last;
    } catch (e) { lastError = e; }
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}; last snapshot ${describe(last)}` +
    (lastError ? `; last error: ${lastError.message}` : '') +
    (page.logs && page.logs.length ? `\npage log:\n  ${page.logs.slice(-15).join('\n  ')}` : ''));
}

// A state counts once it is drawn: before the first frame the snapshot names the state but
// has no items yet.
export const waitForState = (page, target, name, opts) =>
  waitForSnapshot(page, target, (s) => s.state === name && s.items?.length > 0, `state "${name}" drawn`, opts);

export const findItem = (snap, id) => (snap.items || []).find((i) => i.id === id);

// Clicks the center of the item `id` once it is visible, enabled and in the same place for
// 120 ms: an answer that lands between the snapshot and the click (a balance, a profile)
// can move the layout, and a press and release on different items is no click. Its rect is
// in CSS px relative to the canvas; `canvas` overrides how the canvas is found (a selector).
export async function clickItem(page, target, id, { canvas, timeout = 10000 } = {}) {
  const h = await toHandle(page, target);
  const sameRect = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  let seen = null;
  let since = 0;
  const snap = await waitForSnapshot(page, h, (s) => {
    const item = findItem(s, id);
    if (!item?.enabled) return (seen = null), false;
    if (!sameRect(item.rect, seen)) return (seen = item.rect), (since = Date.now()), false;
    return Date.now() - since >= 120;
  }, `item "${id}" enabled and still`, { timeout });
  const { rect } = findItem(snap, id);
  const box = await page.evaluate(([el, sel]) => {
    const c = sel ? document.querySelector(sel)
      : el instanceof HTMLCanvasElement ? el
      : el.canvas || (el.shadowRoot && el.shadowRoot.querySelector('canvas')) || el;
    const r = c.getBoundingClientRect();
    return { x: r.left, y: r.top };
  }, [h, canvas || null]);
  const x = box.x + rect.x + rect.w / 2;
  const y = box.y + rect.y + rect.h / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  return { x, y };
}

// The bounding box of the widget's canvas (element, its shadow canvas, or a selector).
export async function canvasBox(page, target) {
  const h = await toHandle(page, target);
  return page.evaluate((el) => {
    const c = el instanceof HTMLCanvasElement ? el : (el.shadowRoot && el.shadowRoot.querySelector('canvas')) || el;
    const r = c.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, h);
}

// Writes test-results/<name>.png (ignored by git) and returns the PNG buffer.
export async function screenshot(page, name, clip) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  return page.screenshot({ path: file, clip });
}

// Colour statistics of a PNG, decoded by the page itself: distinct colours and the share of
// pixels that differ from the most common (background) colour.
export async function pngStats(page, png) {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    const total = d.length / 4;
    const background = Math.max(...counts.values());
    return { distinct: counts.size, nonBackground: (total - background) / total, width: bmp.width, height: bmp.height };
  }, png.toString('base64'));
}

// rAF callbacks and WebGL draw calls counted by the probe, since the page loaded.
export const activity = (page) => page.evaluate(() => ({ raf: window.__acw.raf, draws: window.__acw.draws }));
export const events = (page) => page.evaluate(() => window.__acw.events);

// Waits until the page has drawn nothing for `quietMs`, then measures `ms` more.
export async function idleActivity(page, ms = 2000, quietMs = 500) {
  let prev = await activity(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(quietMs);
    const now = await activity(page);
    if (now.raf === prev.raf && now.draws === prev.draws) break;
    prev = now;
  }
  const start = await activity(page);
  await page.waitForTimeout(ms);
  const end = await activity(page);
  return { raf: end.raf - start.raf, draws: end.draws - start.draws };
}

// Counts WebAssembly.instantiate calls (one per widget instance) on every page of `context`
// from its first script; read with wasmInstances(page).
export function countWasmInstances(context) {
  return context.addInitScript(() => {
    window.__wasmInstances = 0;
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      window.__wasmInstances++;
      return instantiate.apply(this, args);
    };
  });
}
export const wasmInstances = (page) => page.evaluate(() => window.__wasmInstances);
