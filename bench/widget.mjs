#!/usr/bin/env node
// The widget's performance benchmark (docs/performance.md): the real wasm widget in headless
// Debian Chromium, a cold cache every run.
//
//   node bench/widget.mjs [--runs 5] [--dist DIR] [--baseline DIR] [--shared-browser]
//                         [--startup-only] [--gpu-compositing] [--idle-seconds 10] [--idle-delay 5]
//                         [--ticker-seconds 5] [--dpr 1] [--out bench/results/latest.json]
//                         [--no-backend] [--screenshots] [--preload]
//
// Each run starts a new browser (the way a visitor arrives; --shared-browser: one browser for
// all runs, after one throw-away page load, and a new context per run), 1280×800, serving from
// loopback by scripts/serve.mjs's startServer; in each run, one page load each of:
//   widget  bench/page.html (one <ai-credits-widget>, no wallet, no backend): first contentful
//           paint (paint timing), `ready` (the element's promise, resolved right after the first
//           acw_frame call returned), presented (when the next animation frame after `ready`
//           runs: the first frame has been put on screen), the steps in between (script, wasm
//           fetch, compile, instantiate, GL context, shaders, font atlas, first frame), bytes of
//           the files downloaded before `ready` (raw as served; gzip -9 and brotli of the same
//           files), JS heap (CDP Runtime.getHeapUsage) + the wasm instance's memory
//   floor   bench/floor.html: a plain 2D canvas of the widget's size, filled once (the browser's
//           own start-up and one paint); the report gives the widget minus the floor
//   three   bench/page3.html: 3 widgets; time to the last one's first presented frame, memory
// --baseline DIR: the same pages with another build (e.g. main's), interleaved run by run with
// DIR, for A/B figures taken in the same time window. --startup-only: no idle/ticker/blank.
// --gpu-compositing: Chromium composites on SwiftShader (as on a visitor's GPU) instead of in
// software, which reads each WebGL frame back ("GPU stall due to ReadPixels").
// Then, for the widget page (unless --startup-only):
//   idle    10 s with nothing happening, from 5 s after the load settled (so that Chromium's own
//           one-shot timers after a page load have fired): requestAnimationFrame callbacks,
//           acw_frame calls, WebGL draws, main-thread task and script time (CDP
//           Performance.getMetrics), less the same on bench/blank.html (the page without the
//           widget, measured the same way in every run)
//   ticker  page.html with the storybook's build (which loads fixtures), a streaming_active
//           fixture through loadFixture(): frames per second, main-thread CPU
//           per frame (TaskDuration in thread time), the thread time of each frame callback
//           (trace: FireAnimationFrame) and performance.now() around acw_frame
// Then the dev backend's requests/s on loopback through bench/backend/load.sh, when it exists.
// Prints a table (median and range over the runs, against the budgets) and writes the JSON
// report to bench/results/latest.json (ignored by git). docs/performance.md explains the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchBrowser } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { DOWNLOAD_BUDGET_GZIP9, fileSizes } from './sizes.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');

// KB = 1000 bytes, MB = 10^6 bytes: the stricter reading of the budgets.
const BUDGETS = {
  totalGzipBytes: DOWNLOAD_BUDGET_GZIP9,  // wasm + js + font, gzip -9
  fcpMs: 150,                     // navigation start → first contentful paint
  readyMs: 120,                   // navigation start → the element's `ready`
  memoryBytes: 8_000_000,         // JS heap + wasm memory after load
  idleRafPer10s: 0,               // animation frames requested in 10 idle seconds
  idleTaskMsPer10s: 1,            // main-thread task time in 10 idle seconds
  tickerFps: 10,                  // frames per second while a stream ticker is shown
  cpuPerFrameMs: 2,               // CPU time per frame
};

// The React reference the budgets were set against (for scale only; not measured here).
const REACT_REFERENCE = {
  gzipKB: '545–738', firstShowMs: '~600', heapMB: '10–17', idleTaskMsPer10s: 76,
};

const STREAM_FIXTURE = {
  wallet: {
    phase: 'connected', account: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', chainId: '0x7a69',
    balanceWei: '1234500000000000000000',
  },
  view: 'stream',
  backend: { health: 'ok', priceMicroUsdPerG: '10000' },
  credits: { known: true, remainingUsd: '2500000', usedUsd: '0' },
  purchase: { mode: 'stream' },
  stream: { phase: 'active', flowRateWeiPerSecond: '1000000000000000' },
};

function usage(code = 0) {
  console.log('usage: node bench/widget.mjs [--runs 5] [--dist DIR] [--idle-seconds 10] [--idle-delay 5] ' +
    '[--ticker-seconds 5] [--dpr 1] [--out FILE] [--no-backend] [--screenshots] [--preload] ' +
    '[--baseline DIR] [--shared-browser] [--startup-only] [--gpu-compositing]');
  process.exit(code);
}

function parseArgs(argv) {
  const o = {
    runs: 5, dist: process.env.ACW_DIST || path.join(repoRoot, 'build/wasm/dist'),
    idleSeconds: 10, idleDelaySeconds: 5, tickerSeconds: 5, out: path.join(benchDir, 'results/latest.json'),
    backend: true, screenshots: false, dpr: 1, preload: false,
    baseline: null, sharedBrowser: false, startupOnly: false, gpuCompositing: false,
  };
  const num = (v, name, min) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) { console.error(`${name} must be a number ≥ ${min}`); process.exit(2); }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.round(num(argv[++i], a, 1));
    else if (a === '--dist') o.dist = path.resolve(argv[++i] || '');
    else if (a === '--idle-seconds') o.idleSeconds = num(argv[++i], a, 1);
    else if (a === '--idle-delay') o.idleDelaySeconds = num(argv[++i], a, 0);
    else if (a === '--ticker-seconds') o.tickerSeconds = num(argv[++i], a, 1);
    else if (a === '--out') o.out = path.resolve(argv[++i] || '');
    else if (a === '--dpr') o.dpr = num(argv[++i], a, 0.5);
    else if (a === '--no-backend') o.backend = false;
    else if (a === '--screenshots') o.screenshots = true;
    else if (a === '--preload') o.preload = true;
    else if (a === '--baseline') o.baseline = path.resolve(argv[++i] || '');
    else if (a === '--shared-browser') o.sharedBrowser = true;
    else if (a === '--gpu-compositing') o.gpuCompositing = true;
    else if (a === '--startup-only') { o.startupOnly = true; o.backend = false; }
    else if (a === '--help' || a === '-h') usage(0);
    else { console.error(`unknown argument: ${a}`); usage(2); }
  }
  return o;
}

// Installed before any script of every page: counts and times what the widget does, and marks
// the steps of its start (performance.now(), ms since navigation start).
function benchProbe() {
  const b = {
    readyAt: null, readyError: null, raf: 0, rafMs: 0, frames: 0, frameMs: [], draws: 0,
    memories: [], factoryWrapped: false, marks: {}, paints: {}, shown: [], readPixels: 0,
    getErrors: 0, compiles: 0, glMs: { context: 0, shaders: 0, upload: 0 },
  };
  window.__bench = b;
  const mark = (name, value = performance.now()) => { if (!(name in b.marks)) b.marks[name] = value; };
  const raf = window.requestAnimationFrame.bind(window);
  // The page's paints (first-paint, first-contentful-paint), from navigation start.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!(e.name in b.paints)) b.paints[e.name] = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch { /* no paint timing */ }
  // The pages call this with each widget's `ready`: when it resolved, and when the next
  // animation frame ran (the frame after the one that put what `ready` drew on screen). That
  // frame's rAF timestamp is kept too, but it is the frame's begin time, which predates `ready`
  // when the main thread was busy drawing while the frame began.
  b.watch = (promise) => promise.then(() => {
    const shown = { readyAt: performance.now(), presentedAt: null, draws: b.draws, frames: b.frames };
    if (b.readyAt === null) b.readyAt = shown.readyAt;
    b.shown.push(shown);
    raf((t) => { shown.presentedAt = performance.now(); shown.presentedTimestamp = t; });
  }, (e) => { b.readyError = String((e && e.message) || e); });
  // Where the GL start-up time goes: the WebGL2 context, shader compile + link (time spent
  // blocked in the calls), the first texture upload (the font atlas, once it is built).
  const timed = (proto, m, onCall) => {
    const orig = proto && proto[m];
    if (!orig) return;
    proto[m] = function (...a) {
      const start = performance.now();
      try { return orig.apply(this, a); } finally { onCall(start, performance.now(), a); }
    };
  };
  timed(window.HTMLCanvasElement && HTMLCanvasElement.prototype, 'getContext', (start, end, a) => {
    if (a[0] !== 'webgl2') return;
    mark('glContextStart', start);
    mark('glContext', end);
    b.glMs.context += end - start;
  });
  const G = window.WebGL2RenderingContext && WebGL2RenderingContext.prototype;
  for (const m of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter']) {
    timed(G, m, (start, end) => {
      mark('shadersStart', start);
      b.marks.shaders = end;  // the last of them
      b.glMs.shaders += end - start;
    });
  }
  timed(G, 'texImage2D', (start, end) => {
    mark('fontUploadStart', start);
    mark('fontUpload', end);
    if (b.marks.fontUpload === end) b.glMs.upload = end - start;
  });
  timed(G, 'readPixels', () => { b.readPixels++; });
  timed(G, 'getError', () => { b.getErrors++; });
  window.requestAnimationFrame = (cb) => raf((t) => {
    b.raf++;
    const start = performance.now();
    try { cb(t); } finally { b.rafMs += performance.now() - start; }
  });
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const m of ['drawElements', 'drawArrays']) {
      const orig = C.prototype[m];
      C.prototype[m] = function (...a) { b.draws++; return orig.apply(this, a); };
    }
  }
  // Compilation of the .wasm, and the instances' memories (exports are minified: found by type).
  for (const name of ['compileStreaming', 'compile']) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = function (...args) {
      mark('wasmCompileStart');
      b.compiles++;
      return orig.apply(this, args).then((m) => { mark('wasmCompiled'); return m; });
    };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    mark('wasmInstantiateStart');
    return instantiate.apply(this, args).then((r) => {
      mark('wasmInstantiated');
      const inst = r && r.instance ? r.instance : r;
      for (const v of Object.values((inst && inst.exports) || {})) {
        if (v instanceof WebAssembly.Memory) b.memories.push(v);
      }
      return r;
    });
  };
  // Wraps a module function in place (an accessor: emcc's lazy export stubs replace themselves
  // on their first call).
  const wrap = (m, name, around) => {
    let inner = m[name];
    const outer = function (...a) { return around((...x) => inner.apply(this, x), a); };
    Object.defineProperty(m, name, { configurable: true, get: () => outer, set: (v) => { inner = v; } });
  };
  // emcc's module factory is a page global: wrapped as the script defines it.
  let factory;
  Object.defineProperty(window, 'AiCreditsWidgetCore', {
    configurable: true,
    get() { return factory; },
    set(f) {
      mark('scriptEvaluated');
      if (typeof f !== 'function') { factory = f; return; }
      factory = function (...args) {
        const p = f.apply(this, args);
        Promise.resolve(p).then((m) => {
          mark('moduleReady');
          wrap(m, '_acw_create', (call, a) => {
            const start = performance.now();
            try { return call(...a); } finally { mark('createStart', start); mark('createEnd'); }
          });
          wrap(m, '_acw_frame', (call, a) => {
            const start = performance.now();
            try { return call(...a); } finally {
              const end = performance.now();
              mark('firstFrameStart', start);
              mark('firstFrameEnd', end);
              b.frames++;
              b.frameMs.push(end - start);
            }
          });
          b.factoryWrapped = true;
        }, () => {});
        return p;
      };
    },
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function heap(cdp, page) {
  const h = await cdp.send('Runtime.getHeapUsage');
  const pm = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null));
  return { usedSize: h.usedSize, totalSize: h.totalSize, performanceMemoryUsed: pm };
}

const counters = (page) => page.evaluate(() => {
  const b = window.__bench;
  return {
    raf: b.raf, rafMs: b.rafMs, frames: b.frames, frameIndex: b.frameMs.length, draws: b.draws,
    wasmMemory: b.memories.reduce((s, m) => s + m.buffer.byteLength, 0), instances: b.memories.length,
  };
});

// Waits until no animation frame ran for `quietMs` (the widget's settle frames are over).
async function settle(page, quietMs = 1000, maxMs = 8000) {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    const { raf } = await counters(page);
    if (raf !== last) { last = raf; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return Date.now() - start;
    await sleep(100);
  }
  return Date.now() - start;
}

// Main-thread task time, frames and draws over `seconds` of doing nothing.
async function idleWindow(page, cdp, seconds) {
  const c0 = await counters(page);
  const m0 = await metrics(cdp);
  await sleep(seconds * 1000);
  const m1 = await metrics(cdp);
  const c1 = await counters(page);
  const per10 = 10 / seconds;
  return {
    seconds,
    rafPer10s: (c1.raf - c0.raf) * per10,
    acwFramesPer10s: (c1.frames - c0.frames) * per10,
    drawsPer10s: (c1.draws - c0.draws) * per10,
    taskMsPer10s: (m1.TaskDuration - m0.TaskDuration) * 1000 * per10,
    scriptMsPer10s: (m1.ScriptDuration - m0.ScriptDuration) * 1000 * per10,
  };
}

function traceFrames(buffer) {
  let events;
  try {
    const parsed = JSON.parse(buffer.toString('utf8'));
    events = Array.isArray(parsed) ? parsed : parsed.traceEvents || [];
  } catch { return null; }
  const fire = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  if (!fire.length) return null;
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const cpu = fire.filter((e) => typeof e.tdur === 'number').map((e) => e.tdur / 1000);
  const wall = fire.map((e) => e.dur / 1000);
  return {
    count: fire.length,
    cpuMsMean: cpu.length ? mean(cpu) : null,
    cpuMsMax: cpu.length ? Math.max(...cpu) : null,
    wallMsMean: mean(wall),
  };
}

async function newBenchPage(env) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: env.dpr });
  await context.addInitScript(benchProbe);
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logs.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return { context, page, cdp, logs };
}

// Loads `file` and waits until its `count` watched promises resolved and their frames were
// presented (and the first contentful paint came): the start-up figures of that page.
async function loadPage(page, env, file, count, logs) {
  await page.goto(`${env.url}host-examples/${file}`, { waitUntil: 'load' });
  await page.waitForFunction((n) => {
    const b = window.__bench;
    return b.readyError !== null ||
      (b.shown.length >= n && b.shown.every((s) => s.presentedAt !== null) && 'first-contentful-paint' in b.paints);
  }, count, { timeout: 30000 });
  const load = await page.evaluate(() => {
    const b = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => ({
      url: r.name, initiator: r.initiatorType, transferSize: r.transferSize,
      encodedBodySize: r.encodedBodySize, startTime: r.startTime, responseEnd: r.responseEnd,
    }));
    return {
      readyAt: b.readyAt, readyError: b.readyError, factoryWrapped: b.factoryWrapped, marks: b.marks,
      shown: b.shown, paints: b.paints, glMs: b.glMs, readPixels: b.readPixels, getErrors: b.getErrors,
      firstFrameMs: b.frameMs.length ? b.frameMs[0] : null,
      document: nav ? { transferSize: nav.transferSize, responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
      resources: res,
    };
  });
  if (load.readyError) throw new Error(`${file}: the widget did not start: ${load.readyError}\n${logs.join('\n')}`);
  const last = (k) => Math.max(...load.shown.map((x) => x[k]));
  return {
    ...load,
    fcp: load.paints['first-contentful-paint'] ?? null,
    presentedAt: load.shown[0].presentedAt,
    lastReadyAt: last('readyAt'),
    lastPresentedAt: last('presentedAt'),
    readPixelsStalls: logs.filter((l) => /ReadPixels/.test(l)).length,
  };
}

// The floor: a plain 2D canvas of the widget's size, filled once, in a page like page.html.
async function measureFloor(env) {
  const { context, page, logs } = await newBenchPage(env);
  try {
    const load = await loadPage(page, env, 'floor.html', 1, logs);
    return { fcp: load.fcp, ready: load.readyAt, presented: load.presentedAt };
  } finally {
    await context.close();
  }
}

// Three widgets on one page: the last one's first pixels, and everything's memory.
async function measureThree(env) {
  const { context, page, cdp, logs } = await newBenchPage(env);
  try {
    const load = await loadPage(page, env, 'page3.html', 3, logs);
    await settle(page);
    const h = await heap(cdp, page);
    const c = await counters(page);
    return {
      fcp: load.fcp, lastReady: load.lastReadyAt, lastPresented: load.lastPresentedAt,
      instances: c.instances, compiles: await page.evaluate(() => window.__bench.compiles), jsHeapUsed: h.usedSize, wasm: c.wasmMemory, total: h.usedSize + c.wasmMemory,
    };
  } finally {
    await context.close();
  }
}

async function measureRun(env, opts, index) {
  const { context, page, cdp, logs } = await newBenchPage(env);
  const shot = async (name) => {
    const dir = path.dirname(opts.out);
    fs.mkdirSync(dir, { recursive: true });
    await (await page.$('#w')).screenshot({ path: path.join(dir, `${name}.png`) });
  };
  try {
    // ---- load
    const load = await loadPage(page, env, 'page.html', 1, logs);
    const before = load.resources.filter((r) => r.responseEnd <= load.readyAt);
    const downloaded = before.map((r) => {
      const name = new URL(r.url).pathname.replace(/^\/dist\//, '');
      const sizes = env.files[name];
      return { name, raw: r.encodedBodySize, transfer: r.transferSize,
        gzip9: sizes ? sizes.gzip9 : null, brotli: sizes ? sizes.brotli : null,
        startMs: r.startTime, responseEndMs: r.responseEnd };
    });
    const sum = (k) => downloaded.reduce((s, d) => s + (d[k] || 0), 0);
    const endOf = (suffix) => downloaded.find((d) => d.name.endsWith(suffix))?.responseEndMs ?? null;
    const m = load.marks;
    const at = (k) => m[k] ?? null;
    // Where the time to the first pixels goes (ms since navigation start); see STEP_NAMES.
    const steps = {
      documentReceived: load.document ? load.document.responseEnd : null,
      scriptReceived: endOf('.js'),
      scriptEvaluated: at('scriptEvaluated'),
      wasmReceived: endOf('.wasm'),
      wasmCompiled: at('wasmCompiled'),
      wasmInstantiated: at('wasmInstantiated'),
      glContext: at('glContext'),
      shaders: at('shaders'),
      fontUpload: at('fontUpload'),
      firstFrameStart: at('firstFrameStart'),
      firstFrameEnd: at('firstFrameEnd'),
      ready: load.readyAt,
      presented: load.presentedAt,
      fcp: load.fcp,
    };
    // Durations: the GL calls' own time; the font atlas is the first acw_frame's time before the
    // atlas upload, less the shader calls made in between.
    const shadersInFrame = m.shadersStart >= m.firstFrameStart ? load.glMs.shaders : 0;
    const durations = {
      glContextMs: load.glMs.context,
      shadersMs: load.glMs.shaders,
      fontAtlasMs: m.fontUploadStart >= m.firstFrameStart ? m.fontUploadStart - m.firstFrameStart - shadersInFrame : null,
      fontUploadMs: load.glMs.upload,
      firstAcwFrameMs: load.firstFrameMs,
      readyToPresentedMs: load.presentedAt - load.readyAt,
    };
    // Whether the frame before `ready` drew anything (an unsettled first frame is not shown).
    const atReady = { draws: load.shown[0].draws, acwFrames: load.shown[0].frames };
    const settleMs = await settle(page);
    const state = await page.evaluate(() => document.getElementById('w').snapshot().state);
    const afterLoad = await counters(page);
    const heapAfterLoad = await heap(cdp, page);
    if (opts.screenshots && index === 1) await shot('load');
    const startup = {
      run: index, state, instrumented: load.factoryWrapped, settleMs,
      fcpMs: load.fcp, readyMs: load.readyAt, presentedMs: load.presentedAt,
      steps, durations,
      atReady, readPixelsCalls: load.readPixels, getErrorCalls: load.getErrors, readPixelsStalls: load.readPixelsStalls,
      document: load.document, downloaded,
      bytes: { raw: sum('raw'), transfer: sum('transfer'), gzip9: sum('gzip9'), brotli: sum('brotli') },
      memory: {
        jsHeapUsed: heapAfterLoad.usedSize, performanceMemoryUsed: heapAfterLoad.performanceMemoryUsed,
        wasm: afterLoad.wasmMemory, instances: afterLoad.instances,
        total: heapAfterLoad.usedSize + afterLoad.wasmMemory,
      },
      logs,
    };
    if (opts.startupOnly) return startup;

    // ---- idle
    await sleep(opts.idleDelaySeconds * 1000);
    const idle = await idleWindow(page, cdp, opts.idleSeconds);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heap(cdp, page);

    // ---- ticker: a running stream whose accrued amount the widget redraws while it is shown.
    // Task durations in thread time from here on: the CPU the main thread spent, not the time
    // it waited (software compositing reads each WebGL frame back from the GPU process).
    await cdp.send('Performance.disable');
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // The shipped build loads no fixtures: the ticker page has the storybook's build.
    await loadPage(page, env, 'ticker.html', 1, logs);
    const fixtureError = await page.evaluate((f) => document.getElementById('w').loadFixture(f), STREAM_FIXTURE);
    if (fixtureError) throw new Error(`loadFixture: ${fixtureError}`);
    await sleep(1000);
    const tickerState = await page.evaluate(() => document.getElementById('w').snapshot().state);
    const t0 = await counters(page);
    const tm0 = await metrics(cdp);
    const wall0 = Date.now();
    await sleep(opts.tickerSeconds * 1000);
    const tm1 = await metrics(cdp);
    const t1 = await counters(page);
    const seconds = (Date.now() - wall0) / 1000;
    const frameMs = await page.evaluate(([a, z]) => window.__bench.frameMs.slice(a, z), [t0.frameIndex, t1.frameIndex]);
    const frames = t1.raf - t0.raf;
    // A shorter traced window: the thread time of each frame's rAF callback (shim + wasm + GL calls).
    await env.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await sleep(Math.min(3, opts.tickerSeconds) * 1000);
    const trace = traceFrames(await env.browser.stopTracing());
    const ticker = {
      state: tickerState,
      seconds,
      frames,
      fps: frames / seconds,
      acwFrames: t1.frames - t0.frames,
      acwFrameMsMean: frameMs.length ? frameMs.reduce((s, x) => s + x, 0) / frameMs.length : null,
      rafCallbackMsMean: frames ? (t1.rafMs - t0.rafMs) / frames : null,
      mainThreadCpuMsPerFrame: frames ? ((tm1.TaskDuration - tm0.TaskDuration) * 1000) / frames : null,
      scriptCpuMsPerFrame: frames ? ((tm1.ScriptDuration - tm0.ScriptDuration) * 1000) / frames : null,
      trace,
    };
    if (opts.screenshots && index === 1) await shot('ticker');
    const wasmAfter = (await counters(page)).wasmMemory;

    startup.memory.jsHeapUsedAfterGc = heapAfterGc.usedSize;
    startup.memory.wasmAfterTicker = wasmAfter;
    return { ...startup, idle, ticker };
  } finally {
    await context.close();
  }
}

async function warmUp(env) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${env.url}host-examples/blank.html`, { waitUntil: 'load' });
  } finally {
    await context.close();
  }
}

// The browser alone: the same page without the widget, measured the same way.
async function measureBlank(env, opts) {
  const { context, page, cdp } = await newBenchPage(env);
  try {
    await page.goto(`${env.url}host-examples/blank.html`, { waitUntil: 'load' });
    await settle(page);
    const heapAfterLoad = await heap(cdp, page);
    await sleep(opts.idleDelaySeconds * 1000);
    const idle = await idleWindow(page, cdp, opts.idleSeconds);
    return { jsHeapUsed: heapAfterLoad.usedSize, idle };
  } finally {
    await context.close();
  }
}

// The dev backend's requests/s on loopback: bench/backend/load.sh (the backend's own load test,
// wrk against a Release build) when it exists; its JSON report is read back.
function backendLoad() {
  const script = path.join(benchDir, 'backend/load.sh');
  if (!fs.existsSync(script)) return { skipped: 'bench/backend/load.sh does not exist (yet): no backend figure' };
  const out = path.join(os.tmpdir(), `acw-backend-load-${process.pid}.json`);
  process.stderr.write('dev backend load test (bench/backend/load.sh) … ');
  const r = spawnSync('bash', [script, '--out', out], { cwd: repoRoot, encoding: 'utf8', timeout: 900_000 });
  const tail = `${r.stdout || ''}\n${r.stderr || ''}`.trim().split('\n').slice(-12).join('\n');
  process.stderr.write(r.status === 0 ? 'done\n' : 'failed\n');
  if (r.status !== 0 || !fs.existsSync(out)) {
    return { error: `bench/backend/load.sh exited with ${r.status ?? r.signal}`, tail };
  }
  try {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    const scenarios = Object.fromEntries(Object.entries(report.scenarios || {}).map(([name, s]) =>
      [name, { requestsPerSecond: s.median?.requestsPerSecond ?? null, p50Ms: s.median?.p50Ms ?? null,
        p99Ms: s.median?.p99Ms ?? null, errors: s.errors ?? null }]));
    return { command: report.command, tool: report.tool, scenarios, tail };
  } catch (e) {
    return { error: `cannot read ${out}: ${e.message}`, tail };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function chromiumVersion() {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (r.stdout || '').trim() || null;
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  const d = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${d.stdout.trim() ? ' (modified tree)' : ''}` : null;
}

const kb = (b) => (b / 1000).toFixed(1);
const mb = (b) => (b / 1e6).toFixed(2);
const ms = (v, d = 1) => v.toFixed(d);

const STEP_NAMES = ['documentReceived', 'scriptReceived', 'scriptEvaluated', 'wasmReceived', 'wasmCompiled',
  'wasmInstantiated', 'glContext', 'shaders', 'fontUpload', 'firstFrameStart', 'firstFrameEnd', 'ready',
  'presented', 'fcp'];
const DURATION_NAMES = ['glContextMs', 'shadersMs', 'fontAtlasMs', 'fontUploadMs', 'firstAcwFrameMs', 'readyToPresentedMs'];

function summarize(runs) {
  const pick = (f) => stats(runs.map((r) => { try { return f(r); } catch { return null; } }));
  return {
    bytesRaw: pick((r) => r.bytes.raw),
    bytesGzip9: pick((r) => r.bytes.gzip9),
    bytesBrotli: pick((r) => r.bytes.brotli),
    fcpMs: pick((r) => r.fcpMs),
    readyMs: pick((r) => r.readyMs),
    presentedMs: pick((r) => r.presentedMs),
    floorFcpMs: pick((r) => r.floor.fcp),
    floorPresentedMs: pick((r) => r.floor.presented),
    fcpOverFloorMs: pick((r) => r.fcpMs - r.floor.fcp),
    presentedOverFloorMs: pick((r) => r.presentedMs - r.floor.presented),
    threeLastReadyMs: pick((r) => r.three.lastReady),
    threeLastPresentedMs: pick((r) => r.three.lastPresented),
    threeMemoryTotal: pick((r) => r.three.total),
    threeWasmMemory: pick((r) => r.three.wasm),
    threeCompiles: pick((r) => r.three.compiles),
    readPixelsCalls: pick((r) => r.readPixelsCalls),
    drawsAtReady: pick((r) => r.atReady.draws),
    acwFramesAtReady: pick((r) => r.atReady.acwFrames),
    getErrorCalls: pick((r) => r.getErrorCalls),
    readPixelsStalls: pick((r) => r.readPixelsStalls),
    steps: Object.fromEntries(STEP_NAMES.map((s) => [s, pick((r) => r.steps[s])])),
    durations: Object.fromEntries(DURATION_NAMES.map((s) => [s, pick((r) => r.durations[s])])),
    jsHeapUsed: pick((r) => r.memory.jsHeapUsed),
    jsHeapUsedAfterGc: pick((r) => r.memory.jsHeapUsedAfterGc),
    wasmMemory: pick((r) => r.memory.wasm),
    memoryTotal: pick((r) => r.memory.total),
    blankJsHeapUsed: pick((r) => r.blank.jsHeapUsed),
    idleRafPer10s: pick((r) => r.idle.rafPer10s),
    idleAcwFramesPer10s: pick((r) => r.idle.acwFramesPer10s),
    idleDrawsPer10s: pick((r) => r.idle.drawsPer10s),
    idleTaskMsPer10s: pick((r) => r.idle.taskMsPer10s),
    idleScriptMsPer10s: pick((r) => r.idle.scriptMsPer10s),
    blankIdleTaskMsPer10s: pick((r) => r.blank.idle.taskMsPer10s),
    idleTaskMsOverBlankPer10s: pick((r) => r.idle.taskMsPer10s - r.blank.idle.taskMsPer10s),
    tickerFps: pick((r) => r.ticker.fps),
    mainThreadCpuMsPerFrame: pick((r) => r.ticker.mainThreadCpuMsPerFrame),
    scriptCpuMsPerFrame: pick((r) => r.ticker.scriptCpuMsPerFrame),
    rafCallbackCpuMsTrace: pick((r) => r.ticker.trace && r.ticker.trace.cpuMsMean),
    rafCallbackWallMsTrace: pick((r) => r.ticker.trace && r.ticker.trace.wallMsMean),
    acwFrameMs: pick((r) => r.ticker.acwFrameMsMean),
    rafCallbackMs: pick((r) => r.ticker.rafCallbackMsMean),
  };
}

// One row per metric; one median/range column pair per variant (this build, then --baseline).
function table(summaries, labels, backend) {
  const rows = [];
  const row = (name, get, fmt, unit, budget, max) => {
    const cells = [name];
    let verdict = '';
    summaries.forEach((summary, i) => {
      const s = get(summary);
      if (!s) { cells.push('n/a', ''); return; }
      cells.push(`${fmt(s.median)} ${unit}`.trim(), `${fmt(s.min)}–${fmt(s.max)}`);
      if (i === 0 && max !== undefined) verdict = s.max <= max ? 'ok' : s.median <= max ? 'ok (median)' : 'OVER';
    });
    rows.push([...cells, budget || '', verdict]);
  };
  const f0 = (v) => ms(v, 0);
  const f2 = (v) => ms(v, 2);
  const step = (name, key) => row(`  ${name}`, (s) => s.steps[key], ms, 'ms');
  const dur = (name, key) => row(`  ${name}`, (s) => s.durations[key], ms, 'ms');
  row('download before ready, raw', (s) => s.bytesRaw, kb, 'KB');
  row('  gzip -9 (js + wasm; font inside)', (s) => s.bytesGzip9, kb, 'KB', '≤ 215 KB', BUDGETS.totalGzipBytes);
  row('  brotli 11', (s) => s.bytesBrotli, kb, 'KB');
  row('navigation → first contentful paint', (s) => s.fcpMs, ms, 'ms', '≤ 150 ms', BUDGETS.fcpMs);
  row('navigation → ready', (s) => s.readyMs, ms, 'ms', '≤ 120 ms', BUDGETS.readyMs);
  row('navigation → first frame presented', (s) => s.presentedMs, ms, 'ms');
  row('floor (2D canvas): first contentful paint', (s) => s.floorFcpMs, ms, 'ms');
  row('floor: first frame presented', (s) => s.floorPresentedMs, ms, 'ms');
  row('widget − floor: first contentful paint', (s) => s.fcpOverFloorMs, ms, 'ms');
  row('widget − floor: first frame presented', (s) => s.presentedOverFloorMs, ms, 'ms');
  row('start-up steps (ms since navigation):', () => null, ms, '');
  step('script received', 'scriptReceived');
  step('script evaluated', 'scriptEvaluated');
  step('wasm received', 'wasmReceived');
  step('wasm compiled', 'wasmCompiled');
  step('wasm instantiated', 'wasmInstantiated');
  step('WebGL2 context', 'glContext');
  step('shaders linked', 'shaders');
  step('first acw_frame starts', 'firstFrameStart');
  step('font atlas uploaded', 'fontUpload');
  step('first frame built (acw_frame returned)', 'firstFrameEnd');
  step('ready', 'ready');
  step('first frame presented', 'presented');
  row('start-up durations:', () => null, ms, '');
  dur('WebGL2 context (getContext)', 'glContextMs');
  dur('shaders (compile, link, status calls)', 'shadersMs');
  dur('font atlas (first acw_frame until upload)', 'fontAtlasMs');
  dur('font atlas upload (texImage2D)', 'fontUploadMs');
  dur('first acw_frame call', 'firstAcwFrameMs');
  dur('ready → presented', 'readyToPresentedMs');
  row('WebGL draw calls before ready', (s) => s.drawsAtReady, f0, '');
  row('  acw_frame calls before ready', (s) => s.acwFramesAtReady, f0, '');
  row('readPixels calls to ready', (s) => s.readPixelsCalls, f0, '');
  row('  getError calls', (s) => s.getErrorCalls, f0, '');
  row('  "GPU stall due to ReadPixels" messages', (s) => s.readPixelsStalls, f0, '');
  row('3 widgets: last ready', (s) => s.threeLastReadyMs, ms, 'ms');
  row('3 widgets: last first frame presented', (s) => s.threeLastPresentedMs, ms, 'ms');
  row('3 widgets: JS heap + wasm memory', (s) => s.threeMemoryTotal, mb, 'MB');
  row('  of which wasm memory', (s) => s.threeWasmMemory, mb, 'MB');
  row('  wasm compilations (one Module for all)', (s) => s.threeCompiles, f0, '');
  row('JS heap after load', (s) => s.jsHeapUsed, mb, 'MB');
  row('  after a forced GC', (s) => s.jsHeapUsedAfterGc, mb, 'MB');
  row('  the page without the widget', (s) => s.blankJsHeapUsed, mb, 'MB');
  row('wasm memory', (s) => s.wasmMemory, mb, 'MB');
  row('JS heap + wasm memory', (s) => s.memoryTotal, mb, 'MB', '≤ 8 MB', BUDGETS.memoryBytes);
  row('idle: animation frames / 10 s', (s) => s.idleRafPer10s, f0, '', '0', BUDGETS.idleRafPer10s);
  row('idle: acw_frame calls / 10 s', (s) => s.idleAcwFramesPer10s, f0, '');
  row('idle: WebGL draw calls / 10 s', (s) => s.idleDrawsPer10s, f0, '');
  row('idle: main-thread task time / 10 s', (s) => s.idleTaskMsPer10s, f2, 'ms');
  row('  the page without the widget', (s) => s.blankIdleTaskMsPer10s, f2, 'ms');
  row('  the widget\'s share (difference)', (s) => s.idleTaskMsOverBlankPer10s, f2, 'ms', '≤ 1 ms', BUDGETS.idleTaskMsPer10s);
  row('  script time / 10 s', (s) => s.idleScriptMsPer10s, f2, 'ms');
  row('ticker: frames per second', (s) => s.tickerFps, (v) => ms(v, 1), 'fps', '≤ 10', BUDGETS.tickerFps);
  row('ticker: main-thread CPU per frame', (s) => s.mainThreadCpuMsPerFrame, f2, 'ms', '≤ 2 ms', BUDGETS.cpuPerFrameMs);
  row('  script CPU per frame', (s) => s.scriptCpuMsPerFrame, f2, 'ms');
  row('  rAF callback CPU (trace)', (s) => s.rafCallbackCpuMsTrace, f2, 'ms');
  row('  rAF callback wall (performance.now)', (s) => s.rafCallbackMs, f2, 'ms');
  row('  acw_frame wall (performance.now)', (s) => s.acwFrameMs, f2, 'ms');
  const blanks = summaries.length * 2 + 2;
  if (backend.scenarios) {
    for (const [name, s] of Object.entries(backend.scenarios)) {
      const r = [`dev backend: ${name} requests/s`, s.requestsPerSecond != null ? s.requestsPerSecond.toFixed(0) : 'n/a',
        s.p99Ms != null ? `p99 ${s.p99Ms} ms` : ''];
      while (r.length < blanks) r.push('');
      r.push(s.errors ? `${s.errors} errors` : '');
      rows.push(r);
    }
  }
  const head = ['metric', ...labels.flatMap((l) => [l, 'range']), 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// A browser for one run (the default: as a visitor arrives), or the shared one.
async function withBrowser(env, opts, fn) {
  if (env.sharedBrowser) return fn(env.sharedBrowser);
  const browser = await launchBrowser(['--enable-precise-memory-info'], { gpuCompositing: opts.gpuCompositing });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

// One run of one variant: the widget page (with idle and ticker unless --startup-only), the
// floor, 3 widgets, and the page without the widget.
async function variantRun(variant, opts, index) {
  return withBrowser(variant, opts, async (browser) => {
    const env = { ...variant, browser };
    const r = await measureRun(env, opts, index);
    r.floor = await measureFloor(env);
    r.three = await measureThree(env);
    if (!opts.startupOnly) r.blank = await measureBlank(env, opts);
    return r;
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const dist of [opts.dist, opts.baseline].filter(Boolean)) {
    const js = path.join(dist, 'ai-credits-widget.js');
    if (!fs.existsSync(js)) {
      console.error(`widget not built: ${js} is missing (scripts/build.sh wasm)`);
      process.exit(1);
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`no browser at ${CHROMIUM} (apt-get install chromium)`);
    process.exit(1);
  }
  // startServer serves fixed folders of a root: a temporary root holds the bench pages.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-bench-'));
  fs.mkdirSync(path.join(root, 'host-examples'));
  const pages = ['page.html', 'page3.html', 'floor.html', 'blank.html'];
  for (const f of pages) fs.copyFileSync(path.join(benchDir, f), path.join(root, 'host-examples', f));
  // The ticker page: page.html with the storybook's build, which loads fixtures (the shipped
  // one has none), or the shipped one of a baseline built before the two were split.
  fs.writeFileSync(path.join(root, 'host-examples', 'ticker.html'),
    fs.readFileSync(path.join(benchDir, 'page.html'), 'utf8').replace('<script src="/dist/ai-credits-widget.js"></script>',
      '<script src="/dist/storybook/ai-credits-widget.js" ' +
      'onerror="document.write(\'<script src=&quot;/dist/ai-credits-widget.js&quot;><\\/script>\')"></script>'));
  // --preload: the widget pages also say <link rel="preload"> for the wasm, as
  // docs/embedding.md suggests, so that it downloads beside the script instead of after it.
  if (opts.preload) {
    for (const f of ['page.html', 'page3.html']) {
      const page = path.join(root, 'host-examples', f);
      fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</title>',
        '</title>\n  <link rel="preload" href="/dist/ai-credits-widget.wasm" as="fetch" crossorigin>'));
    }
  }
  const variants = [];
  for (const [label, dist] of [['this build', opts.dist], ['baseline', opts.baseline]]) {
    if (!dist) continue;
    const server = await startServer({ port: 0, root, dist });
    variants.push({ label, dist, server, url: server.url, files: fileSizes(dist, fs.readdirSync(dist)),
      dpr: opts.dpr, runs: [] });
  }
  let shared = null;
  if (opts.sharedBrowser) {
    shared = await launchBrowser(['--enable-precise-memory-info'], { gpuCompositing: opts.gpuCompositing });
    for (const v of variants) v.sharedBrowser = shared;
  }
  const loadBefore = os.loadavg();
  try {
    // Shared browser: its start-up (GPU process, network service) is not the widget's.
    if (shared) await warmUp({ browser: shared, url: variants[0].url });
    for (let i = 1; i <= opts.runs; i++) {
      // A/B interleaved: the order alternates, so neither variant always goes first.
      const order = i % 2 ? variants : [...variants].reverse();
      for (const v of order) {
        process.stderr.write(`run ${i}/${opts.runs} ${v.label} (load ${os.loadavg()[0].toFixed(1)}) … `);
        const r = await variantRun(v, opts, i);
        r.loadAverage = +os.loadavg()[0].toFixed(2);
        v.runs.push(r);
        process.stderr.write(`fcp ${ms(r.fcpMs)} ms, ready ${ms(r.readyMs)} ms, presented ${ms(r.presentedMs)} ms` +
          ` (floor ${ms(r.floor.presented)}), 3 widgets ${ms(r.three.lastPresented)} ms ${mb(r.three.total)} MB, ` +
          `${kb(r.bytes.gzip9)} KB gzip, ${mb(r.memory.total)} MB` +
          (r.idle ? `, idle ${ms(r.idle.rafPer10s, 0)} frames, ${ms(r.ticker.fps)} fps` : '') + '\n');
      }
    }
  } finally {
    if (shared) await shared.close();
    for (const v of variants) await v.server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const backend = opts.backend ? backendLoad() : { skipped: opts.startupOnly ? '--startup-only' : '--no-backend' };
  const summaries = variants.map((v) => summarize(v.runs));
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    chromium: chromiumVersion(),
    node: process.version,
    cpu: `${os.cpus()[0]?.model || '?'} × ${os.cpus().length}`,
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadAfter.map((x) => +x.toFixed(2)) },
    dist: path.relative(repoRoot, opts.dist) || opts.dist,
    baseline: opts.baseline,
    options: { runs: opts.runs, idleSeconds: opts.idleSeconds, idleDelaySeconds: opts.idleDelaySeconds,
      tickerSeconds: opts.tickerSeconds, viewport: '1280x800', deviceScaleFactor: opts.dpr,
      preload: opts.preload, gpuCompositing: opts.gpuCompositing, browser: opts.sharedBrowser ? 'shared' : 'new per run', startupOnly: opts.startupOnly },
    units: 'bytes, ms; KB = 1000 bytes, MB = 10^6 bytes',
    budgets: BUDGETS,
    reactReference: REACT_REFERENCE,
    files: variants[0].files,
    summary: summaries[0],
    baselineSummary: summaries[1] || null,
    backend,
    runs: variants[0].runs,
    baselineRuns: variants[1] ? variants[1].runs : null,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nai-credits-widget benchmark: ${opts.runs} cold runs, ${report.options.browser === 'shared' ?
    'one shared browser' : 'a new browser per run'}, ${report.chromium}, ${report.cpu}`);
  console.log(`load average before ${report.loadAverage.before.join(' ')}, after ${report.loadAverage.after.join(' ')}`);
  const busy = Math.max(loadBefore[0], loadAfter[0]);
  if (busy > os.cpus().length / 2) {
    console.log(`note: the machine was busy (load average ${busy.toFixed(1)} on ${os.cpus().length} CPUs): ` +
      'times are inflated; sizes and counts are not');
  }
  for (const v of variants) {
    console.log(`${v.label}: ${path.relative(process.cwd(), v.dist) || v.dist}: ` + Object.entries(v.files)
      .filter(([n]) => n.startsWith('ai-credits-widget.'))
      .map(([n, s]) => `${n} ${kb(s.raw)} KB (gzip -9 ${kb(s.gzip9)} KB)`).join(', '));
  }
  console.log(table(summaries, variants.map((v) => v.label), backend));
  if (backend.skipped || backend.error) console.log(`backend: ${backend.skipped || backend.error}`);
  const errs = variants.flatMap((v) => v.runs.flatMap((r) => r.logs));
  if (errs.length) console.log(`page warnings/errors:\n  ${[...new Set(errs)].slice(0, 10).join('\n  ')}`);
  console.log(`report: ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
