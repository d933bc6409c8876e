// The iframe embed: host-examples/iframe.html (origin A) embeds dist/iframe.html from a second
// server (origin B) and answers its wallet requests with the host's dev wallet through
// AiCreditsWidget.bridge(). Pages on other origins (C = A's server under the name localhost) or
// other windows cannot drive the wallet through the bridge, nor the widget through the frame.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { skipReason, startEnv, newPage, distDir, ACCOUNT_2 } from './helpers.mjs';

const PROTOCOL = 'ai-credits-widget/1';

describe('iframe embed', { skip: skipReason() }, () => {
  let env;
  let other;    // origin B: the widget's iframe
  let hostA;    // origin A: the host page
  let originB;
  let originC;  // a third origin: the host's server under another name

  before(async () => {
    env = await startEnv();
    hostA = env.url.replace(/\/$/, '');
    // B lets A (and only A) frame its widget page.
    other = await startServer({ port: 0, dist: distDir, frameAncestors: [hostA] });
    originB = `http://127.0.0.1:${other.port}`;
    originC = `http://localhost:${env.server.port}`;
  });
  after(async () => {
    if (other) await other.close();
    if (env) await env.close();
  });

  // The host page with the widget's frame from origin B; resolves once the frame's widget runs.
  async function openHost({ frameQuery = '', hostQuery = '' } = {}) {
    const page = await newPage(env, { viewport: { width: 1200, height: 900 } });
    // Every message the host window receives, to learn the frame's session (an attacker that
    // somehow knew it must still be refused by the origin and window checks).
    await page.addInitScript(() => {
      if (window.top !== window) return;
      window.__sessions = new Set();
      window.addEventListener('message', (e) => {
        if (e.data && e.data.acw && e.data.session) window.__sessions.add(e.data.session);
      });
    });
    const frame = `${originB}/dist/iframe.html${frameQuery ? `?${frameQuery}` : ''}`;
    await page.goto(`${hostA}/host-examples/iframe.html?frame=${encodeURIComponent(frame)}${hostQuery}`);
    const widgetFrame = await waitForFrame(page, `${originB}/dist/iframe.html`);
    await waitInFrame(widgetFrame, (s) => s.state === 'disconnected' && s.items.some((i) => i.id === 'connect' && i.enabled),
      'an enabled Connect button');
    return { page, frame: widgetFrame };
  }

  // A's plain page framing B's widget page with ?parent=<parent>; resolves to the frame once
  // it shows its error, after checking that it never started the widget.
  async function refusedFrame(page, parent) {
    await page.goto(`${hostA}/host-examples/index.html`);
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `${originB}/dist/iframe.html?parent=${encodeURIComponent(parent)}`);
    const f = await waitForFrame(page, `${originB}/dist/iframe.html`);
    await f.waitForSelector('.acw-frame-error');
    assert.equal(await f.evaluate(() => !!document.querySelector('ai-credits-widget')), false);
    return f;
  }

  async function waitForFrame(page, prefix, timeout = 10000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const f = page.frames().find((fr) => fr.url().startsWith(prefix));
      if (f) return f;
      await page.waitForTimeout(50);
    }
    throw new Error(`no frame ${prefix}; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
  }

  // Polls the frame's widget snapshot until test(snapshot).
  async function waitInFrame(frame, test, what, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last = null;
    while (Date.now() < deadline) {
      last = await frame.evaluate(() => (window.acwWidget ? window.acwWidget.snapshot() : null)).catch(() => null);
      if (last && test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what} in the iframe; last: ${JSON.stringify(last && {
      state: last.state, items: last.items.map((i) => `${i.id}:${i.label}`) })}`);
  }

  // A real mouse click on item `id` of the widget inside the iframe.
  async function clickInFrame(page, frame, id) {
    const snap = await waitInFrame(frame, (s) => s.items.some((i) => i.id === id && i.enabled), `"${id}" enabled`);
    const { rect } = snap.items.find((i) => i.id === id);
    const frameBox = await page.locator('#credits-frame').boundingBox();
    const canvas = await frame.evaluate(() => {
      const r = window.acwWidget.shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    const x = frameBox.x + canvas.x + rect.x + rect.w / 2;
    const y = frameBox.y + canvas.y + rect.y + rect.h / 2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(50);
    await page.mouse.down();
    await page.waitForTimeout(50);
    await page.mouse.up();
  }

  const walletMethods = (page) => page.evaluate(() => window.devWallet.requests.map((r) => r.method));

  test('connect through the bridge: the host wallet answers, the iframe shows connected_empty', async () => {
    const { page, frame } = await openHost({ frameQuery: 'height=500' });
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the iframe is cross-origin');
    await clickInFrame(page, frame, 'connect');
    const snap = await waitInFrame(frame, (s) => s.state === 'connected_empty' &&
      s.items.some((i) => i.id === 'balance' && i.label.startsWith('1,234.5')), 'connected_empty with the balance');
    assert.ok(snap.items.some((i) => i.id === 'account' && /0xf39f/i.test(i.label)));
    const methods = await walletMethods(page);
    for (const m of ['eth_accounts', 'eth_requestAccounts', 'eth_chainId', 'eth_call']) {
      assert.ok(methods.includes(m), `the host wallet saw ${m} (it saw ${methods.join(', ')})`);
    }
    // The widget's events reach the host as events of the iframe element.
    const events = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'state-change'));
    assert.ok(events.some((e) => e.target === 'credits-frame' && e.detail.state === 'connected_empty'),
      `state-change events on the iframe: ${JSON.stringify(events)}`);
    // The iframe is sized to the height its page reports (500 px asked through the URL).
    const size = await page.evaluate(() => {
      const f = document.getElementById('credits-frame');
      return { style: f.style.height, height: f.getBoundingClientRect().height, requests: window.bridge.stats.requests };
    });
    assert.equal(size.style, '500px');
    assert.equal(size.height, 500);
    assert.ok(size.requests >= 4);

    // Wallet events are forwarded: another account, then another chain.
    await page.evaluate((a) => window.devWallet.switchAccount(a), ACCOUNT_2);
    await waitInFrame(frame, (s) => s.items.some((i) => i.id === 'account' && /0x7099/i.test(i.label)), 'the second account');
    await page.evaluate(() => window.devWallet.switchChain('0x1'));
    await waitInFrame(frame, (s) => s.state === 'unsupported_chain', 'unsupported_chain after chainChanged');
    await page.context().close();
  });

  test('messages from another origin or another window are ignored on both sides', async () => {
    const { page, frame } = await openHost();
    await page.waitForTimeout(300);  // the frame's start-up reads are answered
    const before = await walletMethods(page);
    const ignoredBefore = await page.evaluate(() => window.bridge.stats.ignored);
    const session = await page.evaluate(() => [...window.__sessions][0]);
    assert.ok(session, 'the frame announced its session');

    // Two more frames: one on origin C, one on the widget's own origin B (but another window).
    await page.evaluate(([c, b]) => {
      for (const [id, src] of [['evil-c', `${c}/host-examples/index.html`], ['evil-b', `${b}/host-examples/index.html`]]) {
        const f = document.createElement('iframe');
        f.id = id;
        f.src = src;
        f.style.cssText = 'width:10px;height:10px;border:0';
        document.body.append(f);
      }
    }, [originC, originB]);
    const evilC = await waitForFrame(page, `${originC}/host-examples/index.html`);
    const evilB = await waitForFrame(page, `${originB}/host-examples/index.html`);
    await evilC.waitForLoadState();
    await evilB.waitForLoadState();

    const attack = ([protocol, sess]) => {
      const msgs = [
        { acw: protocol, session: sess, type: 'ready' },
        { acw: protocol, session: sess, type: 'request', id: 9001, method: 'eth_requestAccounts', params: [] },
        { acw: protocol, session: sess, type: 'request', id: 9002, method: 'eth_sendTransaction',
          params: [{ from: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', to: '0x000000000000000000000000000000000000dead', value: '0x1' }] },
        { acw: protocol, session: sess, type: 'resize', height: 5 },
      ];
      // To the host page (the bridge) …
      for (const m of msgs) window.parent.postMessage(m, '*');
      // … and to the widget's frame: a forged host answer and wallet events.
      const widget = window.parent.frames[0];
      widget.postMessage({ acw: protocol, session: sess, type: 'init', wallet: true }, '*');
      widget.postMessage({ acw: protocol, session: sess, type: 'wallet-event', name: 'accountsChanged',
        data: ['0x000000000000000000000000000000000000dEaD'] }, '*');
      widget.postMessage({ acw: protocol, session: sess, type: 'wallet-event', name: 'chainChanged', data: '0x1' }, '*');
      return msgs.length;
    };
    const sentC = await evilC.evaluate(attack, [PROTOCOL, session]);
    const sentB = await evilB.evaluate(attack, [PROTOCOL, session]);
    // The host page itself (origin A, its own window) is not the widget either.
    await page.evaluate(([protocol, sess]) => {
      window.postMessage({ acw: protocol, session: sess, type: 'request', id: 9003, method: 'eth_requestAccounts', params: [] }, '*');
    }, [PROTOCOL, session]);
    await page.waitForTimeout(800);

    const after = await walletMethods(page);
    assert.deepEqual(after, before, 'the wallet saw no request from the forged messages');
    const ignored = (await page.evaluate(() => window.bridge.stats.ignored)) - ignoredBefore;
    assert.ok(ignored >= sentC + sentB + 1, `the bridge read and ignored them (${ignored} ignored)`);
    const height = await page.evaluate(() => document.getElementById('credits-frame').style.height);
    assert.equal(height, '560px', 'a forged resize did not apply');
    const snap = await frame.evaluate(() => window.acwWidget.snapshot());
    assert.equal(snap.state, 'disconnected', 'forged wallet events did not reach the widget');
    assert.ok(!snap.items.some((i) => i.id === 'account'), 'no account appeared');

    // The real widget still works after the attack.
    await clickInFrame(page, frame, 'connect');
    await waitInFrame(frame, (s) => s.state === 'connected_empty', 'connected_empty');
    await page.context().close();
  });

  test('malformed, oversized, replayed and unknown-id messages on the real channel are ignored', async () => {
    const { page, frame } = await openHost();
    await page.waitForTimeout(300);
    const session = await page.evaluate(() => [...window.__sessions][0]);
    const before = await walletMethods(page);
    const ignoredBefore = await page.evaluate(() => window.bridge.stats.ignored);

    // From the widget's own frame (the right origin and window): what a compromised or buggy
    // frame could send.
    const answers = await frame.evaluate(async ([protocol, sess]) => {
      const got = [];
      window.addEventListener('message', (e) => { if (e.data && e.data.type === 'response') got.push(e.data); });
      const send = (m) => window.parent.postMessage(m, '*');
      for (const m of ['junk', null, 42, [], { acw: protocol }, { acw: protocol, session: sess, type: 'request' },
        { acw: protocol, session: sess, type: 'request', id: -1, method: 'eth_chainId' },
        { acw: protocol, session: sess, type: 'request', id: 'x', method: 'eth_chainId' },
        { acw: protocol, session: sess, type: 'request', id: 7000, method: 42 },
        { acw: protocol, session: 'another-session', type: 'request', id: 7001, method: 'eth_chainId', params: [] },
        { acw: protocol, session: sess, type: 'no-such-type' }]) send(m);
      send({ acw: protocol, session: sess, type: 'request', id: 7002, method: 'eth_chainId',
        params: ['x'.repeat(300 * 1024)] });                                   // oversized
      send({ acw: protocol, session: sess, type: 'request', id: 7003, method: 'eth_chainId', params: [] });
      send({ acw: protocol, session: sess, type: 'request', id: 7003, method: 'eth_chainId', params: [] });  // replay
      await new Promise((ok) => setTimeout(ok, 600));
      return got.filter((r) => r.id >= 7000);
    }, [PROTOCOL, session]);

    const added = (await walletMethods(page)).slice(before.length);
    assert.deepEqual(added, ['eth_chainId'], 'only the one well-formed request reached the wallet, once');
    assert.deepEqual(answers.map((a) => a.id).sort(), [7002, 7003], 'the oversized one is refused, the replay unanswered');
    assert.match(answers.find((a) => a.id === 7002).error.message, /too large/);
    const ignored = (await page.evaluate(() => window.bridge.stats.ignored)) - ignoredBefore;
    assert.ok(ignored >= 5, `malformed and replayed requests are counted as ignored (${ignored})`);

    // The host answering an id the frame never asked: dropped, the widget unaffected.
    await page.evaluate(([protocol, sess]) => {
      const f = document.getElementById('credits-frame').contentWindow;
      f.postMessage({ acw: protocol, session: sess, type: 'response', id: 123456, result: ['0x000000000000000000000000000000000000dEaD'] }, '*');
    }, [PROTOCOL, session]);
    await page.waitForTimeout(300);
    const snap = await frame.evaluate(() => window.acwWidget.snapshot());
    assert.equal(snap.state, 'disconnected');
    await clickInFrame(page, frame, 'connect');
    await waitInFrame(frame, (s) => s.state === 'connected_empty', 'connected_empty after all that');
    await page.context().close();
  });

  test('a wallet that never answers times out through the bridge', async () => {
    const { page, frame } = await openHost({ hostQuery: '&timeout=400' });
    await page.evaluate(() => { window.devWallet.behavior.eth_requestAccounts = 'hang'; });
    await clickInFrame(page, frame, 'connect');
    const snap = await waitInFrame(frame, (s) => s.items.some((i) => i.id === 'notice' && /did not answer in time/.test(i.label)),
      'the timeout notice');
    assert.equal(snap.state, 'disconnected');
    assert.ok(snap.items.some((i) => i.id === 'connect' && i.enabled), 'Connect can be tried again');
    await page.context().close();
  });

  test('the frame page refuses to run for any parent but its configured one', async () => {
    const page = await newPage(env);
    // Opened on its own.
    await page.goto(`${originB}/dist/iframe.html?parent=${encodeURIComponent(hostA)}`);
    await page.waitForSelector('.acw-frame-error');
    assert.match(await page.textContent('.acw-frame-error'), /inside http:\/\/127\.0\.0\.1/);
    // No parent named.
    await page.goto(`${originB}/dist/iframe.html`);
    assert.match(await page.textContent('.acw-frame-error'), /needs \?parent=/);
    // Embedded by A while it names C as its parent.
    const f = await refusedFrame(page, originC);
    assert.match(await f.textContent('.acw-frame-error'), /may only be embedded by http:\/\/localhost/);
    await page.context().close();
  });

  test('the frame page runs only for parents its server allows', async () => {
    // A server that allows no other origin sends frame-ancestors 'self' (the browser then
    // refuses the frame) and lists no parents.
    const strict = await startServer({ port: 0, dist: distDir });
    try {
      const res = await fetch(`http://127.0.0.1:${strict.port}/dist/iframe.html`);
      assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'self'");
      assert.deepEqual(await (await fetch(`http://127.0.0.1:${strict.port}/embed-config.json`)).json(), { frameAncestors: [] });
    } finally {
      await strict.close();
    }
    // The page's own check: B allows A in its CSP, but its list of parents (here: missing,
    // so none but B itself) does not name A; the page refuses, whatever ?parent= says.
    const page = await newPage(env);
    await page.route(`${originB}/embed-config.json`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const f = await refusedFrame(page, hostA);
    assert.match(await f.textContent('.acw-frame-error'), /may not be embedded by http:\/\/127\.0\.0\.1/);
    await page.context().close();
  });

  test('bridge.destroy() stops answering and removes the wallet listeners', async () => {
    const { page, frame } = await openHost();
    const counts = await page.evaluate(() => {
      const before = window.devWallet.listenerCount('accountsChanged');
      window.bridge.destroy();
      return { before, after: window.devWallet.listenerCount('accountsChanged') };
    });
    assert.equal(counts.after, counts.before - 1);
    const before = await walletMethods(page);
    await clickInFrame(page, frame, 'connect');
    await page.waitForTimeout(500);
    assert.deepEqual(await walletMethods(page), before, 'no request reached the wallet after destroy()');
    await page.context().close();
  });
});
