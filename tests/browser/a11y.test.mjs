// Accessibility: the hidden DOM mirror of what the canvas draws (embed/a11y.js). Keyboard only
// (Tab, Enter, typing) through the mirror against the scripted dev wallet; names and states in
// the browser's accessibility tree; the focus ring drawn in the canvas; the polite live region;
// items below the fold reachable by Tab (the canvas scrolls to them); the host page's own
// inputs keep Tab and Backspace.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, skipReason, newPage, widgetPageUrl, devWalletOptions, waitForState, waitForSnapshot,
  snapshot, findItem, canvasBox, screenshot, clickItem,
} from './helpers.mjs';
import { decodePng } from './baselines/png.mjs';

const W = '#w1';
const labels = (s) => s.items.map((i) => `${i.id}:${i.label}`).join(' | ');

// data-id of the element focused inside the widget's shadow root: '' for the mirror group
// itself, null when the focus is outside the widget.
const activeId = (page, sel = W) => page.evaluate((s) => {
  const el = document.querySelector(s);
  if (document.activeElement !== el) return null;
  const a = el.shadowRoot.activeElement;
  return a ? a.dataset.id || '' : null;
}, sel);

const liveText = (page, sel = W) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[aria-live]').textContent, sel);

// The mirror's elements in DOM order: tag, id, accessible-name inputs and states.
const mirror = (page, sel = W) => page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('.a11y > *')]
  .map((e) => ({ tag: e.tagName.toLowerCase(), id: e.dataset.id, text: e.textContent, label: e.getAttribute('aria-label'),
    value: e.value, disabled: e.getAttribute('aria-disabled') === 'true', invalid: e.getAttribute('aria-invalid') })), sel);

// Presses Tab until the mirror element `id` has the focus.
async function tabTo(page, id, max = 12) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await activeId(page);
    seen.push(now);
    if (now === id) return;
  }
  throw new Error(`Tab never reached "${id}"; focus went ${JSON.stringify(seen)}`);
}

// Pixels of the canvas (CSS px, page scale 1) as {get(x, y) → [r, g, b]}.
async function canvasPixels(page, name) {
  const box = await canvasBox(page, W);
  const png = decodePng(await screenshot(page, name, box));
  return {
    get(x, y) {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    },
  };
}

// The focus ring: accent-blue pixels in the 6 px band just outside the item's left and top edges.
function ringPixels(px, rect) {
  const blue = ([r, g, b]) => b > 150 && b - r > 80 && b - g > 40;
  let n = 0;
  for (let d = 1; d <= 6; d++) {
    if (blue(px.get(rect.x - d, rect.y + rect.h / 2))) n++;
    if (blue(px.get(rect.x + rect.w / 2, rect.y - d))) n++;
  }
  return n;
}

// Near-black text pixels inside a rect (the field's typed text is the theme's text color; its
// placeholder is the lighter muted color).
function darkPixels(px, rect) {
  let n = 0;
  for (let y = Math.ceil(rect.y + 2); y < rect.y + rect.h - 2; y++) {
    for (let x = Math.ceil(rect.x + 2); x < rect.x + rect.w - 2; x++) {
      const [r, g, b] = px.get(x, y);
      if (r < 50 && g < 55 && b < 70) n++;
    }
  }
  return n;
}

describe('accessibility mirror', { skip: skipReason(), timeout: 300000 }, () => {
  let env;
  before(async () => { env = await startEnv(); });
  after(async () => { await env?.close(); });
  const done = (page) => page.context().close();

  test('keyboard only: Tab to Connect, Enter, type an amount; names, focus ring, live region', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    const first = await waitForState(page, W, 'disconnected');

    // The canvas is hidden from assistive technology; the mirror holds what it draws.
    assert.equal(await page.evaluate(() => document.querySelector('#w1').shadowRoot.querySelector('canvas').getAttribute('aria-hidden')), 'true');
    await waitForSnapshot(page, W, () => true, 'mirror');
    const aria = await page.locator(W).ariaSnapshot();
    assert.match(aria, /group "AI credits"/, aria);
    assert.match(aria, /heading "AI credits"/, aria);
    assert.match(aria, /button "Connect wallet"/, aria);
    assert.equal(await page.locator(W).getByRole('button', { name: 'Connect wallet', exact: true }).count(), 1);
    // Same items, same order as the snapshot hook.
    assert.deepEqual((await mirror(page)).map((m) => m.id), first.items.map((i) => i.id));
    // Visually hidden, not display:none: laid out at its item's place, clipped to nothing.
    const style = await page.evaluate(() => {
      const b = document.querySelector('#w1').shadowRoot.querySelector('[data-id="connect"]');
      const cs = getComputedStyle(b);
      return { display: cs.display, clip: cs.clipPath, w: b.getBoundingClientRect().width };
    });
    assert.notEqual(style.display, 'none');
    assert.equal(style.clip, 'inset(50%)');
    assert.ok(style.w > 1);

    // Tab from the host's own fields into the widget: its Connect button, a real <button>.
    const connect = findItem(first, 'connect');
    const before = ringPixels(await canvasPixels(page, 'a11y-connect-unfocused'), connect.rect);
    assert.equal(before, 0, 'a focus ring before anything has the focus');
    await page.focus('#host-input');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-textarea');
    await tabTo(page, 'connect', 3);
    await page.waitForTimeout(200);
    const ring = ringPixels(await canvasPixels(page, 'a11y-connect-focused'), connect.rect);
    assert.ok(ring >= 6, `no focus ring around Connect (${ring} ring pixels)`);

    await page.keyboard.press('Enter');
    const connected = await waitForSnapshot(page, W, (s) => s.state === 'connected_empty' && /1,234\.5/.test(labels(s)),
      'connected_empty with 1,234.5');
    assert.equal(await page.evaluate(() => window.wallet.countRequests('eth_requestAccounts')), 1);
    // The Connect button is gone: the focus stays in the widget (its group), not on <body>.
    await page.waitForTimeout(300);
    assert.equal(await activeId(page), '', 'the focus left the widget when Connect disappeared');
    // The state change was announced, once.
    await page.waitForFunction(() => /Connected/.test(document.querySelector('#w1').shadowRoot.querySelector('[aria-live]').textContent));
    assert.match(await liveText(page), /Connected: 0xf39f…2266/i);

    const aria2 = await page.locator(W).ariaSnapshot();
    // The field is named by the core (not by its placeholder) and takes a decimal amount.
    assert.match(aria2, /textbox "Amount to pay, in G\$"/, aria2);
    assert.match(aria2, /button "Buy once" \[pressed\]/, aria2);
    assert.match(aria2, /button "Stream G\$ \(beta\)"/, aria2);
    assert.match(aria2, /link "Disconnect"/, aria2);
    assert.match(aria2, /button "Buy credits" \[disabled\]/, aria2);
    assert.equal(await page.evaluate(() => {
      const s = document.querySelector('#w1').shadowRoot;
      const pay = s.querySelector('[data-id="pay"]');
      return s.getElementById(pay.getAttribute('aria-describedby'))?.textContent;
    }), findItem(connected, 'pay.hint')?.label, 'the disabled button is not described by its reason');
    assert.equal(await page.locator(W).getByRole('textbox', { name: 'Amount to pay, in G$' }).count(), 1);
    assert.equal(await page.evaluate(() => document.querySelector('#w1').shadowRoot
      .querySelector('[data-id="amount"]').getAttribute('placeholder')), 'Amount in G$, e.g. 100');

    // Tab on to the amount field and type into it: the core gets the text, the canvas shows it.
    await tabTo(page, 'amount');
    await page.waitForTimeout(200);
    const amount = findItem(await snapshot(page, W), 'amount');
    const px0 = await canvasPixels(page, 'a11y-amount-focused');
    assert.ok(ringPixels(px0, amount.rect) >= 6, 'no focus ring around the amount field');
    const empty = darkPixels(px0, amount.rect);  // the caret only (the placeholder is lighter)
    assert.ok(empty <= 24, `text in the empty field (${empty} dark pixels)`);

    const liveBefore = await liveText(page);
    await page.keyboard.type('abc');
    const bad = await waitForSnapshot(page, W, (s) => findItem(s, 'amount_error'), 'amount_error for "abc"');
    const field = (await mirror(page)).find((m) => m.id === 'amount');
    assert.equal(field.value, 'abc');
    assert.equal(field.invalid, 'true');
    // …and described by the error the core links to it.
    assert.equal(await page.evaluate(() => {
      const s = document.querySelector('#w1').shadowRoot;
      return s.getElementById(s.querySelector('[data-id="amount"]').getAttribute('aria-describedby'))?.dataset.id;
    }), 'amount_error');
    await page.waitForFunction((t) => document.querySelector('#w1').shadowRoot.querySelector('[aria-live]').textContent !== t, liveBefore);
    assert.equal(await liveText(page), findItem(bad, 'amount_error').label, 'the error was not announced');

    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('12');
    const good = await waitForSnapshot(page, W, (s) => !findItem(s, 'amount_error'), 'amount_error gone for "12"');
    assert.ok(findItem(good, 'amount'), labels(good));
    const field12 = (await mirror(page)).find((m) => m.id === 'amount');
    assert.equal(field12.value, '12');
    assert.equal(field12.invalid, null);
    await page.waitForTimeout(300);
    const px1 = await canvasPixels(page, 'a11y-amount-typed');
    const typed = darkPixels(px1, amount.rect);
    assert.ok(typed > empty + 8, `the canvas does not show the typed amount (${typed} dark pixels, ${empty} when empty)`);
    assert.ok(ringPixels(px1, amount.rect) >= 6, 'the focus ring went away while typing');
    assert.equal(await activeId(page), 'amount');

    // No chatter: nothing is announced while nothing changes, even with frames drawn (hover).
    await page.waitForTimeout(600);
    const count = await page.evaluate(() => {
      const live = document.querySelector('#w1').shadowRoot.querySelector('[aria-live]');
      window.__liveChanges = 0;
      new MutationObserver((m) => { window.__liveChanges += m.length; }).observe(live, { childList: true, characterData: true, subtree: true });
      return live.textContent;
    });
    const box = await canvasBox(page, W);
    for (let i = 0; i < 6; i++) await page.mouse.move(box.x + 50 + i * 30, box.y + 200 + i * 10);
    await page.waitForTimeout(1200);
    assert.equal(await page.evaluate(() => window.__liveChanges), 0, `the live region changed while idle (was "${count}")`);

    // Leaving the widget clears the ring.
    await page.focus('#host-input');
    await page.waitForTimeout(300);
    assert.equal(ringPixels(await canvasPixels(page, 'a11y-unfocused'), amount.rect), 0, 'the ring stayed after the focus left');
    assert.deepEqual(await page.evaluate(() => window.__acw.errors), []);
    await done(page);
  });

  test('Space activates mirror buttons (a tab), a link opens no page, disabled buttons do nothing', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await waitForState(page, W, 'disconnected');
    await page.focus('#host-textarea');
    await tabTo(page, 'connect', 3);
    await page.keyboard.press('Space');
    await waitForState(page, W, 'connected_empty');
    await page.waitForTimeout(300);
    await tabTo(page, 'mode.stream');
    await page.keyboard.press('Space');
    await waitForSnapshot(page, W, (s) => s.state === 'streaming_setup', 'streaming_setup');
    await page.waitForFunction(() => document.querySelector('#w1').shadowRoot.querySelector('[data-id="mode.stream"]')?.getAttribute('aria-pressed') === 'true');
    // The stream mode's own field is a textbox too.
    assert.match(await page.locator(W).ariaSnapshot(), /textbox/);
    const url = page.url();
    // A disabled button keeps the focus (aria-disabled) and does nothing.
    const disabled = (await mirror(page)).find((m) => m.tag === 'button' && m.disabled);
    assert.ok(disabled, JSON.stringify(await mirror(page)));
    await tabTo(page, disabled.id);
    const state = (await snapshot(page, W)).state;
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    assert.equal((await snapshot(page, W)).state, state);
    assert.equal(page.url(), url);
    await done(page);
  });

  test('items below the fold: Tab reaches them and the canvas scrolls them into view', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await page.evaluate(() => { document.querySelector('#w1').style.height = '200px'; });
    await waitForState(page, W, 'disconnected');
    await clickItem(page, W, 'connect');
    const s = await waitForSnapshot(page, W, (x) => x.state === 'connected_empty' && /1,234\.5/.test(labels(x)), 'connected');
    assert.equal(findItem(s, 'pay'), undefined, `the Buy button should be below the fold of a 200 px widget: ${JSON.stringify(s)}`);
    // Still in the mirror (all laid-out items are), so Tab reaches it.
    assert.ok((await mirror(page)).some((m) => m.id === 'pay'));
    await page.focus('#host-textarea');
    await tabTo(page, 'pay');
    const inView = (r) => r && r.y >= 0 && r.y + r.h <= 200;
    const shown = await waitForSnapshot(page, W, (x) => inView(findItem(x, 'pay')?.rect), 'pay scrolled into view');
    const pay = findItem(shown, 'pay');
    assert.ok(pay.rect.y >= 0 && pay.rect.y + pay.rect.h <= 200, JSON.stringify(pay.rect));
    await page.waitForTimeout(200);
    assert.ok(ringPixels(await canvasPixels(page, 'a11y-scrolled'), pay.rect) >= 6, 'no focus ring on the scrolled-to item');
    await done(page);
  });

  test('the host page keeps Tab and Backspace; Tab passes through the widget and out again', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await waitForState(page, W, 'disconnected');
    await page.click('#host-input');
    await page.keyboard.type('hello');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-input'), 'hell');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-textarea');
    await page.keyboard.type('ab');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-textarea'), 'a');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'connect', 'Tab did not enter the widget at its first control');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-textarea', 'Shift+Tab did not leave the widget');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-textarea'), '');
    await done(page);
  });

  test('mount({canvas, a11y: true}): the mirror beside a host canvas, removed by destroy()', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions(), widgets: 0 }));
    await page.evaluate(() => {
      const wrap = document.createElement('div');
      wrap.style.cssText = 'position: relative; padding: 10px;';
      wrap.innerHTML = '<canvas id="host-canvas" style="width: 360px; height: 480px; display: block"></canvas>';
      document.body.appendChild(wrap);
      window.handle = AiCreditsWidget.mount({ canvas: document.getElementById('host-canvas'), provider: window.wallet, a11y: true,
        config: { chainId: '31337', chainName: 'Anvil (local)', tokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3', tokenSymbol: 'G$' } });
    });
    const handle = await page.evaluateHandle(() => window.handle);
    await waitForState(page, handle, 'disconnected');
    await page.waitForFunction(() => document.querySelector('[data-ai-credits-a11y]')?.shadowRoot.querySelector('[data-id="connect"]'));
    assert.equal(await page.getAttribute('#host-canvas', 'aria-hidden'), 'true');
    // The mirror button lies over the drawn one.
    const [item, button] = await page.evaluate(() => {
      const s = window.handle.snapshot().items.find((i) => i.id === 'connect');
      const c = document.getElementById('host-canvas').getBoundingClientRect();
      const b = document.querySelector('[data-ai-credits-a11y]').shadowRoot.querySelector('[data-id="connect"]').getBoundingClientRect();
      return [{ x: c.left + s.rect.x, y: c.top + s.rect.y }, { x: b.left, y: b.top }];
    });
    assert.ok(Math.abs(item.x - button.x) <= 1 && Math.abs(item.y - button.y) <= 1, `${JSON.stringify(item)} vs ${JSON.stringify(button)}`);
    await page.focus('#host-textarea');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.dataset.id), 'connect');
    await page.keyboard.press('Enter');
    await waitForState(page, handle, 'connected_empty');
    await page.evaluate(() => window.handle.destroy());
    assert.equal(await page.locator('[data-ai-credits-a11y]').count(), 0, 'the mirror stayed after destroy()');
    assert.equal(await page.getAttribute('#host-canvas', 'aria-hidden'), null);
    assert.equal(await page.getAttribute('#host-canvas', 'tabindex'), null);
    await done(page);
  });
});
