// The storybook (storybook-wasm/) in headless Chromium: every story shows the state it declares
// with its declared items, nothing drawn past the widget's edges, and a screenshot that matches
// its committed baseline (tests/browser/baselines/storybook/). Every state name of SPEC.md §1
// (widget/core/state_name.h) must have a story. The play story runs the whole purchase against
// the scripted wallet and backend. One browser, one page, reused.
//
// UPDATE_BASELINES=1 rewrites the baselines (and the Chromium version recorded beside them).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, skipReason, startEnv, newPage } from './helpers.mjs';
import { decodePng, encodePng, compareImages } from './baselines/png.mjs';
import { STORIES, DEFAULT_CONTROLS, effectiveControls } from '../../storybook-wasm/stories.mjs';

const BASELINES = path.join(repoRoot, 'tests/browser/baselines/storybook');
const MANIFEST = path.join(BASELINES, 'baselines.json');
const RESULTS = path.join(repoRoot, 'test-results/storybook');
const UPDATE = process.env.UPDATE_BASELINES === '1';
// A pixel differs when a channel is off by more than TOLERANCE; a story fails when more than
// MAX_RATIO of its pixels differ (anti-aliasing noise stays far below; a moved or missing line
// of text is well above).
const TOLERANCE = 24;
const MAX_RATIO = 0.002;
const BUSY_BAR_ROWS = 4;  // the animated progress bar along the top edge of busy views

// The 17 names, from the core's own list (the contract).
function stateNames() {
  const src = fs.readFileSync(path.join(repoRoot, 'widget/core/state_name.h'), 'utf8');
  const body = src.match(/kAllStateNames\s*=\s*\{([\s\S]*?)\};/);
  assert.ok(body, 'kAllStateNames not found in widget/core/state_name.h');
  return [...body[1].matchAll(/StateName::(\w+)/g)].map((m) => m[1]);
}

const readManifest = () => (fs.existsSync(MANIFEST) ? JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) : null);

describe('storybook', { skip: skipReason() }, () => {
  let env;
  let page;
  let chromiumVersion;
  const requests = [];
  const manifest = readManifest() || { stories: {} };
  const written = {};

  before(async () => {
    fs.rmSync(RESULTS, { recursive: true, force: true });  // only this run's failures
    env = await startEnv();
    chromiumVersion = env.browser.version();
    page = await newPage(env, { viewport: { width: 1300, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.url}storybook-wasm/`);
    const first = await page.evaluate(() => window.storybook.ready);
    assert.ok(first && !first.error, `the storybook did not start: ${JSON.stringify(first)}`);
  });

  after(async () => {
    if (UPDATE && Object.keys(written).length) {
      fs.mkdirSync(BASELINES, { recursive: true });
      const out = {
        note: 'Visual baselines of storybook-wasm/, written by UPDATE_BASELINES=1 node --test tests/browser/storybook.test.mjs',
        chromium: chromiumVersion,
        tolerance: TOLERANCE,
        maxRatio: MAX_RATIO,
        stories: { ...manifest.stories, ...written },
      };
      const known = new Set(STORIES.map((s) => s.id));
      for (const id of Object.keys(out.stories)) if (!known.has(id)) delete out.stories[id];
      fs.writeFileSync(MANIFEST, `${JSON.stringify(out, null, 2)}\n`);
    }
    if (env) await env.close();
  });

  test('every state name of SPEC.md §1 has a story, and every story names a real state', () => {
    const names = stateNames();
    assert.equal(names.length, 17, 'SPEC.md §1 has 17 state names');
    const covered = new Set(STORIES.filter((s) => !s.pending).map((s) => s.state));
    const missing = names.filter((n) => !covered.has(n));
    assert.deepEqual(missing, [], `states without a story: ${missing.join(', ')}`);
    for (const s of STORIES) assert.ok(names.includes(s.state), `story ${s.id} declares unknown state "${s.state}"`);
    const ids = STORIES.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'story ids are unique');
    for (const s of STORIES) assert.match(s.id, /^[a-z0-9-]+$/, `story id ${s.id} is a plain URL hash`);
  });

  // Opens a story, checks what the widget shows, compares the screenshot with the baseline.
  async function checkStory(story, { reopen = true } = {}) {
    if (reopen) {
      const opened = await page.evaluate((id) => window.storybook.open(id, {}), story.id);
      assert.ok(!opened.error, `${story.id}: ${opened.error}`);
    }
    const controls = effectiveControls(story, DEFAULT_CONTROLS);
    const info = await page.evaluate(() => {
      const el = window.storybook.element();
      const canvas = el.shadowRoot.querySelector('canvas');
      const r = el.getBoundingClientRect();
      return {
        snap: el.snapshot(),
        theme: el.getAttribute('theme'),
        locale: el.getAttribute('locale'),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        backing: { w: canvas.width, h: canvas.height, cssW: canvas.clientWidth, cssH: canvas.clientHeight },
      };
    });
    const { snap, box, backing } = info;
    assert.equal(snap.state, story.state, `${story.id}: state`);
    const ids = snap.items.map((i) => i.id);
    for (const id of story.items || []) {
      assert.ok(ids.includes(id), `${story.id}: item "${id}" is not visible (visible: ${ids.join(', ')})`);
    }
    // Nothing runs past the left/right edge (clipped text), and every item has a size and a label.
    for (const item of snap.items) {
      const r = item.rect;
      assert.ok(r.w > 0 && r.h > 0, `${story.id}: item ${item.id} has no size`);
      assert.ok(r.x >= 0 && r.x + r.w <= backing.cssW + 0.5,
        `${story.id}: item ${item.id} (x ${r.x}, w ${r.w}) runs past the ${backing.cssW} px wide widget`);
      if (item.role !== 'input') assert.ok(item.label.trim(), `${story.id}: item ${item.id} has no label`);
    }
    // The controls reached the widget: theme, CSS width and the backing store at width × dpr.
    assert.equal(info.theme, controls.theme, `${story.id}: theme`);
    assert.equal(info.locale, controls.locale, `${story.id}: locale`);
    assert.equal(backing.cssW, controls.width, `${story.id}: CSS width`);
    assert.equal(backing.w, Math.round(controls.width * controls.dpr), `${story.id}: backing store width`);
    assert.equal(backing.h, Math.round(backing.cssH * controls.dpr), `${story.id}: backing store height`);

    const png = await page.screenshot({ clip: box });
    const file = path.join(BASELINES, `${story.id}.png`);
    if (UPDATE) {
      fs.mkdirSync(BASELINES, { recursive: true });
      fs.writeFileSync(file, png);
      written[story.id] = { width: Math.round(box.width), height: Math.round(box.height), controls, animated: !!story.animated };
      return;
    }
    assert.ok(fs.existsSync(file),
      `${story.id}: no baseline ${path.relative(repoRoot, file)} — run UPDATE_BASELINES=1 node --test tests/browser/storybook.test.mjs`);
    const baseline = fs.readFileSync(file);
    if (baseline.equals(png)) return;  // the same encoder on the same pixels: nothing to decode
    const expected = decodePng(baseline);
    const actual = decodePng(png);
    const result = compareImages(expected, actual, {
      tolerance: TOLERANCE,
      ignore: story.animated ? (x, y) => y < BUSY_BAR_ROWS : undefined,
    });
    if (!result.sameSize || result.ratio > MAX_RATIO) {
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(path.join(RESULTS, `${story.id}.actual.png`), png);
      if (result.diff) fs.writeFileSync(path.join(RESULTS, `${story.id}.diff.png`), encodePng(result.diff));
      const versions = manifest.chromium && manifest.chromium !== chromiumVersion
        ? ` The baselines were made with Chromium ${manifest.chromium}, this is ${chromiumVersion}.` : '';
      assert.fail(result.sameSize
        ? `${story.id}: ${result.differing} of ${result.compared} pixels differ (${(result.ratio * 100).toFixed(3)} %, ` +
          `limit ${MAX_RATIO * 100} %); see test-results/storybook/${story.id}.{actual,diff}.png.${versions}`
        : `${story.id}: the screenshot is ${actual.width}×${actual.height}, the baseline ${expected.width}×${expected.height}.${versions}`);
    }
  }

  test('every fixture story: declared state and items, no clipping, same pixels as its baseline', async (t) => {
    for (const story of STORIES.filter((s) => !s.play)) {
      await t.test(story.id, () => checkStory(story));
    }
  });

  // Runs a play story to its end; every step must pass and reach its declared state.
  async function runPlay(playId) {
    const story = STORIES.find((s) => s.play === playId);
    const opened = await page.evaluate((id) => window.storybook.open(id, {}, { fast: true }), story.id);
    assert.equal(opened.state, 'disconnected');
    const result = await page.evaluate(() => window.storybook.play({ pauseMs: 0 }));
    const failed = result.steps.find((s) => !s.ok);
    assert.ok(result.ok, failed ? `step "${failed.title}" failed: ${failed.error}` : 'not every step ran');
    const expected = await page.evaluate(() => window.storybook.playSteps().map((s) => s.expect));
    assert.deepEqual(result.steps.map((s) => s.state), expected);
    assert.equal(result.steps[result.steps.length - 1].state, story.state);
    const methods = await page.evaluate(() => window.storybook.element().provider.requests.map((r) => r.method));
    return { story, methods };
  }

  test('play: connect → quote → pay → credited, with a scripted wallet and backend', async () => {
    const { story, methods } = await runPlay('buy-once');
    // One click pays once: one signature, then the receipt polls.
    assert.equal(methods.filter((m) => m === 'eth_sendTransaction').length, 1, `wallet requests: ${methods.join(', ')}`);
    assert.ok(methods.includes('eth_getTransactionReceipt'));
    const events = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'pay-success').map((e) => e.detail));
    assert.equal(events.length, 1, 'one pay-success event');
    assert.match(events[0].credits, /^110(\.0+)?$/);
    await checkStory({ ...story, animated: true, items: ['credits', 'balance', 'amount'] }, { reopen: false });
  });

  test('play: start → pause → resume → stop a stream, through the forwarder', async () => {
    const { story, methods } = await runPlay('stream');
    // createFlow, deleteFlow (pause), createFlow (resume), deleteFlow (stop).
    const sends = await page.evaluate(() => window.storybook.element().provider.requests
      .filter((r) => r.method === 'eth_sendTransaction').map((r) => r.params[0].data.slice(0, 10)));
    assert.deepEqual(sends, ['0xe15536b6', '0xb4b333c6', '0xe15536b6', '0xb4b333c6'], `wallet requests: ${methods.join(', ')}`);
    const changes = await page.evaluate(() => window.__acw.events.filter((e) => e.type === 'stream-change').map((e) => e.detail.state));
    assert.deepEqual(changes.slice(-4), ['active', 'paused', 'active', 'stopped']);
    await checkStory({ ...story, animated: true, items: ['stream_status', 'start_again', 'mode.once_instead'] }, { reopen: false });
  });

  test('a play the core cannot run yet is listed as pending and never run', async () => {
    const pending = STORIES.filter((s) => s.pending);
    for (const story of pending) {
      const opened = await page.evaluate((id) => window.storybook.open(id, {}), story.id);
      assert.equal(opened.pending, true);
      assert.equal(await page.evaluate(() => !!window.storybook.element()), false, 'no widget for a pending play');
      assert.equal(await page.evaluate(() => document.getElementById('play-run').disabled), true);
    }
    // Every play of stories.mjs is either runnable (tested above) or pending.
    const plays = STORIES.filter((s) => s.play && !s.pending).map((s) => s.play);
    assert.deepEqual(plays.sort(), ['buy-once', 'stream']);
  });

  test('navigation: Next / Previous, arrow keys outside the widget, the URL hash', async () => {
    const id = () => page.evaluate(() => window.storybook.current().id);
    const waitFor = (want) => page.waitForFunction((w) => {
      const c = window.storybook.current();
      return c && c.id === w && document.getElementById('shown-state').textContent !== '—';
    }, want, { timeout: 10000 });
    await page.evaluate(() => window.storybook.open('disconnected', {}));
    await page.click('#next');
    await waitFor(STORIES[1].id);
    assert.equal(new URL(page.url()).hash, `#${STORIES[1].id}`);
    await page.click('#prev');
    await waitFor(STORIES[0].id);
    await page.click('#prev');  // wraps around
    await waitFor(STORIES[STORIES.length - 1].id);

    await page.evaluate(() => window.storybook.open('quote-ready', {}));
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press('ArrowRight');
    await waitFor('quote-ready-dark');
    await page.keyboard.press('ArrowLeft');
    await waitFor('quote-ready');

    // With focus in the widget, arrows belong to the widget.
    await page.evaluate(() => window.storybook.element().shadowRoot.querySelector('canvas').focus());
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    assert.equal(await id(), 'quote-ready');

    // The hash opens a story, with controls.
    await page.evaluate(() => { location.hash = '#usage-active?theme=dark&width=560'; });
    await waitFor('usage-active');
    const c = await page.evaluate(() => window.storybook.current().controls);
    assert.deepEqual(c, { theme: 'dark', width: 560, dpr: 1, locale: 'en' });
    const checked = await page.evaluate(() => [...document.querySelectorAll('.control input:checked')].map((i) => i.value));
    assert.deepEqual(checked, ['dark', '560', '1', 'en']);
  });

  test('controls: theme, width and devicePixelRatio re-create the widget; a variant fixes its own', async () => {
    await page.evaluate(() => window.storybook.open('has-credits', {}));
    await page.click('.control label:has(input[value="dark"])');
    await page.click('.control label:has(input[value="320"])');
    await page.click('.control label:has(input[name="dpr"][value="2"])');
    await page.click('.control label:has(input[value="es"])');
    await page.waitForFunction(() => {
      const c = window.storybook.current();
      return c.controls.dpr === 2 && c.controls.width === 320 && c.controls.theme === 'dark' && c.controls.locale === 'es' &&
        document.getElementById('shown-state').textContent === 'has_credits';
    }, null, { timeout: 10000 });
    const info = await page.evaluate(() => {
      const el = window.storybook.element();
      const c = el.shadowRoot.querySelector('canvas');
      return {
        theme: el.getAttribute('theme'), dpr: el.getAttribute('dpr'), locale: el.getAttribute('locale'),
        w: c.width, cssW: c.clientWidth, hash: location.hash,
        pay: el.snapshot().items.find((i) => i.id === 'pay').label,
      };
    });
    assert.deepEqual(info, {
      theme: 'dark', dpr: '2', locale: 'es', w: 640, cssW: 320, hash: '#has-credits?theme=dark&width=320&dpr=2&locale=es',
      pay: 'Comprar créditos',
    });
    // A variant's fixed control wins and its radio is disabled.
    await page.evaluate(() => window.storybook.open('quote-ready-dark', { theme: 'light' }));
    const v = await page.evaluate(() => ({
      theme: window.storybook.element().getAttribute('theme'),
      disabled: document.querySelector('.control input[value="light"]').disabled,
    }));
    assert.deepEqual(v, { theme: 'dark', disabled: true });
  });

  test('no network: every request went to the storybook server', () => {
    const server = new URL(env.url).origin;
    const outside = requests.filter((u) => !u.startsWith(`${server}/`) && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'requests that left the page');
  });
});
