// The widget on a phone: touch taps (pointer events of type touch) act as clicks, tapping the
// amount field focuses a real <input> (the field's accessibility mirror) so the on-screen
// keyboard opens and types into it, and the layout holds from 320 px wide.
// Page: tests/browser/pages/mobile.html (viewport meta, the widget at full width).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, skipReason, devWalletOptions, waitForState, waitForSnapshot, findItem, canvasBox, screenshot,
} from './helpers.mjs';

const W = '#w1';
const labels = (s) => s.items.map((i) => `${i.id}:${i.label}`).join(' | ');

async function phone(env, { width = 360, height = 740, wallet = devWalletOptions() } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  const page = await context.newPage();
  page.logs = [];
  page.on('console', (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.logs.push(`pageerror: ${e.message}`));
  // The storybook's build: its stateJson() tells what the amount field holds.
  const q = new URLSearchParams({ wallet: JSON.stringify(wallet), build: 'storybook' });
  await page.goto(`${env.url}tests/browser/pages/mobile.html?${q}`);
  return page;
}

// Taps the centre of item `id` with the touchscreen (waits until it is drawn and enabled).
async function tapItem(page, id) {
  const snap = await waitForSnapshot(page, W, (s) => findItem(s, id)?.enabled, `item "${id}" enabled`);
  const { rect } = findItem(snap, id);
  const box = await canvasBox(page, W);
  await page.touchscreen.tap(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2);
}

// The element focused in the widget's shadow root: {tag, id, inputmode, value}, or null.
const focused = (page) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  const a = document.activeElement === el ? el.shadowRoot.activeElement : null;
  return a && { tag: a.tagName.toLowerCase(), id: a.dataset.id || '', inputmode: a.getAttribute('inputmode'), value: a.value };
}, W);

const amountText = (page) => page.evaluate((sel) => document.querySelector(sel).stateJson().purchase.amountText, W);

// Every drawn item inside the widget's width, with a size and (but inputs) a label.
function assertFits(snap, width, what) {
  for (const item of snap.items) {
    const r = item.rect;
    assert.ok(r.w > 0 && r.h > 0, `${what}: ${item.id} has no size`);
    assert.ok(r.x >= 0 && r.x + r.w <= width + 0.5, `${what}: ${item.id} (x ${r.x}, w ${r.w}) runs past ${width} px`);
  }
}

describe('mobile', { skip: skipReason(), timeout: 300000 }, () => {
  let env;
  before(async () => { env = await startEnv(); });
  after(async () => { await env?.close(); });
  const done = (page) => page.context().close();

  test('360×740 phone, DPR 2: tap Connect, tap the amount field, type; the value is accepted', async () => {
    const page = await phone(env);
    await waitForState(page, W, 'disconnected');
    const box = await canvasBox(page, W);
    assert.equal(Math.round(box.width), 360, 'the widget is not at the phone\'s full width');
    const backing = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('canvas').width, W);
    assert.equal(backing, 720, 'the backing store is not CSS width × devicePixelRatio');

    await tapItem(page, 'connect');
    const s = await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /1,234\.5/.test(labels(x)),
      'connected_empty with 1,234.5');
    assertFits(s, 360, 'connected_empty at 360');

    // Tapping the field focuses a real text input: the on-screen keyboard's target.
    await tapItem(page, 'amount');
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.id === 'amount', W);
    const f = await focused(page);
    assert.deepEqual({ tag: f.tag, id: f.id, inputmode: f.inputmode }, { tag: 'input', id: 'amount', inputmode: 'decimal' });

    // Soft keyboards send text as input events (insertText), Backspace as a key.
    await page.keyboard.insertText('abc');
    await waitForSnapshot(page, W, (x) => findItem(x, 'amount_error'), 'amount_error for "abc"');
    assert.equal(await amountText(page), 'abc');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.insertText('12');
    const ok = await waitForSnapshot(page, W, (x) => !findItem(x, 'amount_error') && findItem(x, 'amount'), 'no amount_error for "12"');
    assert.equal(await amountText(page), '12');
    assert.equal((await focused(page)).value, '12');
    assertFits(ok, 360, 'amount typed at 360');
    await page.waitForTimeout(300);
    await screenshot(page, 'mobile-360-amount');

    // A tap on a tab still works with the field focused; the field lets go of the focus.
    await tapItem(page, 'mode.stream');
    await waitForState(page, W, 'streaming_setup');
    await page.waitForTimeout(300);
    await screenshot(page, 'mobile-360-stream');
    assert.deepEqual(page.logs.filter((l) => l.startsWith('pageerror')), []);
    await done(page);
  });

  test('320 px wide: everything fits, taps work', async () => {
    const page = await phone(env, { width: 320, height: 640 });
    const first = await waitForState(page, W, 'disconnected');
    assertFits(first, 320, 'disconnected at 320');
    await tapItem(page, 'connect');
    const s = await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /1,234\.5/.test(labels(x)),
      'connected_empty with 1,234.5');
    assertFits(s, 320, 'connected_empty at 320');
    assert.ok(findItem(s, 'amount').rect.w >= 200, `the amount field is ${findItem(s, 'amount').rect.w} px wide`);
    await tapItem(page, 'amount');
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.id === 'amount', W);
    await page.keyboard.insertText('7.5');
    await waitForSnapshot(page, W, (x) => !findItem(x, 'amount_error'), 'amount accepted');
    assert.equal(await amountText(page), '7.5');
    await page.waitForTimeout(300);
    await screenshot(page, 'mobile-320');
    await done(page);
  });
});
