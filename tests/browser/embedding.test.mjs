// The embedding contract of SPEC §5: host inputs keep working, several instances, events,
// render on demand, mount()/destroy(), the demo page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, skipReason, newPage, widgetPageUrl, devWalletOptions, waitForState, waitForSnapshot,
  snapshot, findItem, clickItem, canvasBox, screenshot, pngStats, activity, events, idleActivity,
} from './helpers.mjs';
import { STORIES } from '../../storybook-wasm/stories.mjs';

const labels = (s) => s.items.map((i) => i.label).join(' | ');

describe('embedding', { skip: skipReason(), timeout: 300000 }, () => {
  let env;
  before(async () => { env = await startEnv(); });
  after(async () => { await env?.close(); });
  const done = (page) => page.context().close();

  test('typing, Backspace and Tab in the host page keep working', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await clickItem(page, '#w1', 'connect');
    await waitForState(page, '#w1', 'connected_empty');
    await page.click('#host-input');
    await page.keyboard.type('hello');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-input'), 'hell');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-textarea');
    await page.keyboard.type('notes');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-textarea'), 'note');

    // Into the widget (its amount field), press keys there, then back into the host input.
    await clickItem(page, '#w1', 'amount');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    assert.equal(await page.inputValue('#host-input'), 'hell', 'keys typed into the widget reached the host input');
    assert.equal(await page.inputValue('#host-textarea'), 'note', 'keys typed into the widget reached the host textarea');
    await page.click('#host-input');
    await page.keyboard.press('End');
    await page.keyboard.type('o!');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#host-input'), 'hello');
    await done(page);
  });

  test('two widgets: connecting one leaves the other disconnected; events on the right element', async () => {
    const page = await newPage(env);
    // A dev wallet that, unlike MetaMask, does not broadcast accountsChanged on connect, so
    // the second widget has no reason to change.
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions({ emitAccountsOnConnect: false }), widgets: 2 }));
    await waitForState(page, '#w1', 'disconnected');
    await waitForState(page, '#w2', 'disconnected');
    const before = (await events(page)).length;
    await clickItem(page, '#w1', 'connect');
    await waitForState(page, '#w1', 'connected_empty');
    await page.waitForTimeout(500);
    const s2 = await snapshot(page, '#w2');
    assert.equal(s2.state, 'disconnected', labels(s2));
    assert.ok(findItem(s2, 'connect'), labels(s2));

    const all = await events(page);
    const changes = all.filter((e) => e.type === 'state-change');
    assert.ok(changes.length > 0, 'no state-change events at all');
    for (const e of changes) {
      assert.ok(['w1', 'w2'].includes(e.target), `event target ${e.target}`);
      assert.equal(e.bubbles, true);
      assert.equal(e.composed, true);
    }
    const after = all.slice(before).filter((e) => e.type === 'state-change');
    assert.ok(after.some((e) => e.target === 'w1' && e.detail?.state === 'connected_empty'), JSON.stringify(after));
    assert.deepEqual(after.filter((e) => e.target === 'w2'), [], 'the second widget changed state');
    assert.equal(after.filter((e) => e.target === 'w1').at(-1).detail.state, 'connected_empty');

    const png = await screenshot(page, 'two-widgets', { x: 0, y: 0, width: 1100, height: 560 });
    const [a, b] = [await canvasBox(page, '#w1'), await canvasBox(page, '#w2')];
    assert.ok(a.width > 0 && b.width > 0 && b.x >= a.x + a.width, 'widgets overlap');
    assert.ok((await pngStats(page, png)).distinct > 16);
    await done(page);
  });

  test('render on demand: no frames while idle', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await waitForState(page, '#w1', 'disconnected');
    const startup = await activity(page);
    assert.ok(startup.draws > 0, 'the widget never drew');
    let idle = await idleActivity(page);
    assert.deepEqual(idle, { raf: 0, draws: 0 }, 'frames while disconnected and idle');

    await clickItem(page, '#w1', 'connect');
    await waitForState(page, '#w1', 'connected_empty');
    idle = await idleActivity(page);
    assert.deepEqual(idle, { raf: 0, draws: 0 }, 'frames while connected and idle');

    // A hover draws, then it settles again.
    const box = await canvasBox(page, '#w1');
    const before = await activity(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
    await page.waitForTimeout(300);
    assert.ok((await activity(page)).draws > before.draws, 'no frame drawn on mouse move');
    idle = await idleActivity(page);
    assert.deepEqual(idle, { raf: 0, draws: 0 }, 'frames after the mouse stopped');
    await done(page);
  });

  test('a shorter view after a long one: every reported frame has the settled layout', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions(), build: 'storybook' }));  // loads fixtures
    await waitForState(page, '#w1', 'disconnected');
    const fixture = (id) => STORIES.find((st) => st.id === id).fixture;
    const box = await canvasBox(page, '#w1');
    // The Try again button's rect in every frame until the widget is idle, after the switch.
    const retryRects = () => page.evaluate((f) => new Promise((resolve) => {
      const w = document.querySelector('#w1');
      const rects = [];
      let frames = 0;
      const tick = () => {
        const s = w.snapshot();
        const retry = s && s.state === 'payment_failed' && s.items.find((i) => i.id === 'try_again');
        if (retry) rects.push(JSON.stringify(retry.rect));
        if (++frames < 30) requestAnimationFrame(tick); else resolve(rects);
      };
      w.loadFixture(f);
      requestAnimationFrame(tick);
    }), fixture('payment-failed-rejected'));

    // A long view in a short widget (with a scrollbar), at the top, then scrolled to its end.
    for (const scrolled of [false, true]) {
      await page.evaluate((f) => {
        const w = document.querySelector('#w1');
        w.style.height = '300px';
        return w.loadFixture(f);
      }, fixture('streaming-setup'));
      await waitForState(page, '#w1', 'streaming_setup');
      if (scrolled) {
        await page.mouse.move(box.x + box.width / 2, box.y + 150);
        for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 400);
        await waitForSnapshot(page, '#w1', (s) => s.state === 'streaming_setup' && !findItem(s, 'title'),
          'scrolled down (the title out of view)');
      }
      const seen = await retryRects();
      assert.ok(seen.length > 0, 'the short view was never reported');
      assert.deepEqual([...new Set(seen)], [seen[seen.length - 1]],
        `${scrolled ? 'scrolled' : 'at the top'}: a frame was reported before the layout settled`);
    }
    await done(page);
  });

  test('fixtures load only in the storybook build: the shipped one refuses them and keeps its state', async () => {
    const fixture = STORIES.find((s) => s.id === 'streaming-setup').fixture;
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await waitForState(page, '#w1', 'disconnected');
    const refused = await page.evaluate((f) => document.querySelector('#w1').loadFixture(f), fixture);
    assert.match(refused, /no fixtures.*storybook/);
    assert.equal(await page.evaluate(() => document.querySelector('#w1').stateJson()), null);
    assert.equal((await snapshot(page, '#w1')).state, 'disconnected');
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions(), build: 'storybook' }));
    await waitForState(page, '#w1', 'disconnected');
    assert.equal(await page.evaluate((f) => document.querySelector('#w1').loadFixture(f), fixture), '');
    await waitForState(page, '#w1', 'streaming_setup');
    await done(page);
  });

  test('removing the element releases its wallet listeners', async () => {
    const page = await newPage(env);
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
    await clickItem(page, '#w1', 'connect');
    await waitForState(page, '#w1', 'connected_empty');
    const count = () => page.evaluate(() => ['accountsChanged', 'chainChanged', 'disconnect']
      .map((e) => window.wallet.listenerCount(e)).reduce((a, b) => a + b, 0));
    assert.ok(await count() > 0, 'the widget does not listen to wallet events');
    await page.evaluate(() => document.getElementById('w1').remove());
    await page.waitForTimeout(300);
    assert.equal(await count(), 0, 'wallet listeners left after removal');
    assert.deepEqual(await idleActivity(page, 1000), { raf: 0, draws: 0 });
    await done(page);
  });

  test('wasm-url: the element loads its wasm from there; a wrong one shows why', async () => {
    const page = await newPage(env);
    const wasmRequests = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('.wasm')) wasmRequests.push(url.pathname + url.search);
    });
    await page.goto(widgetPageUrl(env, { wallet: devWalletOptions(), attrs: { 'wasm-url': '/dist/ai-credits-widget.wasm?from=attribute' } }));
    await waitForState(page, '#w1', 'disconnected');
    assert.deepEqual(wasmRequests, ['/dist/ai-credits-widget.wasm?from=attribute']);
    assert.equal(await page.evaluate(() => document.getElementById('w1').wasmUrl), '/dist/ai-credits-widget.wasm?from=attribute');
    // The property reflects the attribute, and changing it re-creates the widget from the new URL.
    await page.evaluate(() => { document.getElementById('w1').wasmUrl = '/dist/missing.wasm'; });
    await page.waitForSelector('#w1 >> .fallback', { timeout: 10000 });
    assert.match(await page.textContent('#w1 >> .fallback'), /missing\.wasm \(HTTP 404\)/);
    await done(page);
  });

  test('mount() into a host canvas, then destroy()', async () => {
    const page = await newPage(env);
    await page.goto(`${env.url}host-examples/mount.html`);
    await page.waitForFunction(() => window.mountReady, null, { timeout: 10000 });
    await page.evaluate(() => window.mountReady);
    const handle = await page.evaluateHandle(() => window.widgetHandle);
    assert.ok(await page.evaluate((h) => !!h && typeof h.snapshot === 'function' && typeof h.destroy === 'function', handle),
      `mount() did not return a handle: ${await page.textContent('#mount-status')}`);
    await waitForState(page, handle, 'disconnected');
    await clickItem(page, handle, 'connect', { canvas: '#host-canvas' });
    await waitForSnapshot(page, handle, (s) => s.state === 'connected_empty' && /1,234\.5/.test(labels(s)), 'connected with 1,234.5');
    await screenshot(page, 'mount', await canvasBox(page, '#host-canvas'));

    await page.evaluate((h) => h.destroy(), handle);
    const after = await page.evaluate((h) => {
      try { const s = h.snapshot(); return { items: (s && s.items || []).length }; } catch (e) { return { threw: String(e.message || e) }; }
    }, handle);
    assert.ok(after.threw || after.items === 0, `snapshot after destroy: ${JSON.stringify(after)}`);
    assert.deepEqual(await idleActivity(page, 1500), { raf: 0, draws: 0 }, 'frames after destroy()');
    const listeners = await page.evaluate(() => window.devWallet.listenerCount('accountsChanged') + window.devWallet.listenerCount('chainChanged'));
    assert.equal(listeners, 0, 'wallet listeners left after destroy()');
    // The host canvas stays the host's.
    assert.equal(await page.locator('#host-canvas').count(), 1);
    await done(page);
  });

  test('demo page: dev wallet note, discovery through EIP-6963, connect', async () => {
    const page = await newPage(env);
    await page.goto(env.url); // redirects to the script-tag demo
    assert.match(page.url(), /host-examples\/script-tag\.html$/);
    assert.ok(await page.isVisible('text=Dev wallet: a test wallet for this demo'));
    assert.equal(await page.isVisible('.note.missing'), false, 'the widget script did not load');
    await waitForState(page, '#credits', 'disconnected');
    await clickItem(page, '#credits', 'connect');
    await waitForSnapshot(page, '#credits', (s) => s.state === 'connected_empty' && /1,234\.5/.test(labels(s)), 'connected with 1,234.5', { timeout: 20000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'demo-script-tag');
    assert.ok((await events(page)).some((e) => e.type === 'state-change' && e.target === 'credits'));
    assert.deepEqual(await page.evaluate(() => window.__acw.errors), []);
    await done(page);
  });
});
