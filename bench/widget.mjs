#!/usr/bin/env node
// The widget's performance benchmark (docs/performance.md): the real wasm widget in headless
// Debian Chromium, a cold cache every run.
//
//   node bench/widget.mjs [--runs 5] [--dist DIR] [--idle-seconds 10] [--idle-delay 5]
//                         [--ticker-seconds 5] [--dpr 1] [--out bench/results/latest.json]
//                         [--no-backend] [--screenshots] [--preload]
//
// First one throw-away page load (browser start-up is not the widget's). Each run: a new browser
// context (empty HTTP cache), 1280×800, bench/page.html (one <ai-credits-widget>, no wallet, no
// backend) served from loopback by scripts/serve.mjs's startServer; then, in that page:
//   load    bytes of the files downloaded before the first frame (raw as served; gzip -9 and
//           brotli of the same files), navigation start → the element's `ready` (resolved right
//           after the first acw_frame call returned) with the steps in between, JS heap (CDP
//           Runtime.getHeapUsage) + the wasm instance's memory (its buffer's byteLength)
//   idle    10 s with nothing happening, from 5 s after the load settled (so that Chromium's own
//           one-shot timers after a page load have fired): requestAnimationFrame callbacks,
//           acw_frame calls, WebGL draws, main-thread task and script time (CDP
//           Performance.getMetrics), less the same on bench/blank.html (the page without the
//           widget, measured the same way in every run)
//   ticker  a streaming_active fixture through loadFixture(): frames per second, main-thread CPU
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
  firstFrameMs: 200,              // navigation start → first drawn frame
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
    '[--ticker-seconds 5] [--dpr 1] [--out FILE] [--no-backend] [--screenshots] [--preload]');
  process.exit(code);
}

function parseArgs(argv) {
  const o = {
    runs: 5, dist: process.env.ACW_DIST || path.join(repoRoot, 'build/wasm/dist'),
    idleSeconds: 10, idleDelaySeconds: 5, tickerSeconds: 5, out: path.join(benchDir, 'results/latest.json'),
    backend: true, screenshots: false, dpr: 1, preload: false,
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
    memories: [], factoryWrapped: false, marks: {},
  };
  window.__bench = b;
  const mark = (name, value = performance.now()) => { if (!(name in b.marks)) b.marks[name] = value; };
  const raf = window.requestAnimationFrame.bind(window);
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

async function measureRun(env, opts, index) {
  const { context, page, cdp, logs } = await newBenchPage(env);
  const shot = async (name) => {
    const dir = path.dirname(opts.out);
    fs.mkdirSync(dir, { recursive: true });
    await (await page.$('#w')).screenshot({ path: path.join(dir, `${name}.png`) });
  };
  try {
    // ---- load
    await page.goto(`${env.url}host-examples/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.readyAt !== null || window.__bench.readyError !== null,
      null, { timeout: 30000 });
    const load = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => ({
        url: r.name, initiator: r.initiatorType, transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize, startTime: r.startTime, responseEnd: r.responseEnd,
      }));
      return {
        readyAt: b.readyAt, readyError: b.readyError, factoryWrapped: b.factoryWrapped, marks: b.marks,
        firstFrameMs: b.frameMs.length ? b.frameMs[0] : null,
        document: nav ? { transferSize: nav.transferSize, responseEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
        resources: res,
      };
    });
    if (load.readyError) throw new Error(`the widget did not start: ${load.readyError}\n${logs.join('\n')}`);
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
    // Where the time to the first frame goes (ms since navigation start).
    const steps = {
      documentReceived: load.document ? load.document.responseEnd : null,
      scriptReceived: endOf('.js'),
      scriptEvaluated: load.marks.scriptEvaluated ?? null,
      wasmReceived: endOf('.wasm'),
      wasmCompiled: load.marks.wasmCompiled ?? null,
      wasmInstantiated: load.marks.wasmInstantiated ?? null,
      moduleReady: load.marks.moduleReady ?? null,
      createStart: load.marks.createStart ?? null,
      createEnd: load.marks.createEnd ?? null,
      firstFrameStart: load.marks.firstFrameStart ?? null,
      firstFrameEnd: load.marks.firstFrameEnd ?? null,
      ready: load.readyAt,
    };

    const settleMs = await settle(page);
    const state = await page.evaluate(() => document.getElementById('w').snapshot().state);
    const afterLoad = await counters(page);
    const heapAfterLoad = await heap(cdp, page);
    if (opts.screenshots && index === 1) await shot('load');

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

    return {
      run: index,
      state,
      instrumented: load.factoryWrapped,
      settleMs,
      firstFrameMs: load.readyAt,
      firstAcwFrameMs: load.firstFrameMs,
      steps,
      document: load.document,
      downloaded,
      bytes: { raw: sum('raw'), transfer: sum('transfer'), gzip9: sum('gzip9'), brotli: sum('brotli') },
      memory: {
        jsHeapUsed: heapAfterLoad.usedSize,
        jsHeapUsedAfterGc: heapAfterGc.usedSize,
        performanceMemoryUsed: heapAfterLoad.performanceMemoryUsed,
        wasm: afterLoad.wasmMemory,
        wasmAfterTicker: wasmAfter,
        instances: afterLoad.instances,
        total: heapAfterLoad.usedSize + afterLoad.wasmMemory,
      },
      idle,
      ticker,
      logs,
    };
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
  'wasmInstantiated', 'moduleReady', 'createStart', 'createEnd', 'firstFrameStart', 'firstFrameEnd', 'ready'];

function summarize(runs) {
  const pick = (f) => stats(runs.map(f));
  return {
    bytesRaw: pick((r) => r.bytes.raw),
    bytesGzip9: pick((r) => r.bytes.gzip9),
    bytesBrotli: pick((r) => r.bytes.brotli),
    firstFrameMs: pick((r) => r.firstFrameMs),
    firstAcwFrameMs: pick((r) => r.firstAcwFrameMs),
    steps: Object.fromEntries(STEP_NAMES.map((s) => [s, pick((r) => r.steps[s])])),
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

function table(summary, backend) {
  const rows = [];
  const row = (name, s, fmt, unit, budget, max) => {
    if (!s) { rows.push([name, 'n/a', '', budget || '', '']); return; }
    const verdict = max === undefined ? '' : s.max <= max ? 'ok' : s.median <= max ? 'ok (median)' : 'OVER';
    rows.push([name, `${fmt(s.median)} ${unit}`.trim(), `${fmt(s.min)}–${fmt(s.max)}`, budget || '', verdict]);
  };
  const f0 = (v) => ms(v, 0);
  const f2 = (v) => ms(v, 2);
  row('download before first frame, raw', summary.bytesRaw, kb, 'KB');
  row('  gzip -9 (js + wasm; font inside)', summary.bytesGzip9, kb, 'KB', '≤ 215 KB', BUDGETS.totalGzipBytes);
  row('  brotli 11', summary.bytesBrotli, kb, 'KB');
  row('navigation → first frame', summary.firstFrameMs, ms, 'ms', '≤ 200 ms', BUDGETS.firstFrameMs);
  row('  script received', summary.steps.scriptReceived, ms, 'ms');
  row('  wasm received', summary.steps.wasmReceived, ms, 'ms');
  row('  wasm compiled', summary.steps.wasmCompiled, ms, 'ms');
  row('  module ready', summary.steps.moduleReady, ms, 'ms');
  row('  first acw_frame starts', summary.steps.firstFrameStart, ms, 'ms');
  row('  first acw_frame call itself', summary.firstAcwFrameMs, ms, 'ms');
  row('JS heap after load', summary.jsHeapUsed, mb, 'MB');
  row('  after a forced GC', summary.jsHeapUsedAfterGc, mb, 'MB');
  row('  the page without the widget', summary.blankJsHeapUsed, mb, 'MB');
  row('wasm memory', summary.wasmMemory, mb, 'MB');
  row('JS heap + wasm memory', summary.memoryTotal, mb, 'MB', '≤ 8 MB', BUDGETS.memoryBytes);
  row('idle: animation frames / 10 s', summary.idleRafPer10s, f0, '', '0', BUDGETS.idleRafPer10s);
  row('idle: acw_frame calls / 10 s', summary.idleAcwFramesPer10s, f0, '');
  row('idle: WebGL draw calls / 10 s', summary.idleDrawsPer10s, f0, '');
  row('idle: main-thread task time / 10 s', summary.idleTaskMsPer10s, f2, 'ms');
  row('  the page without the widget', summary.blankIdleTaskMsPer10s, f2, 'ms');
  row('  the widget\'s share (difference)', summary.idleTaskMsOverBlankPer10s, f2, 'ms', '≤ 1 ms', BUDGETS.idleTaskMsPer10s);
  row('  script time / 10 s', summary.idleScriptMsPer10s, f2, 'ms');
  row('ticker: frames per second', summary.tickerFps, (v) => ms(v, 1), 'fps', '≤ 10', BUDGETS.tickerFps);
  row('ticker: main-thread CPU per frame', summary.mainThreadCpuMsPerFrame, f2, 'ms', '≤ 2 ms', BUDGETS.cpuPerFrameMs);
  row('  script CPU per frame', summary.scriptCpuMsPerFrame, f2, 'ms');
  row('  rAF callback CPU (trace)', summary.rafCallbackCpuMsTrace, f2, 'ms');
  row('  rAF callback wall (performance.now)', summary.rafCallbackMs, f2, 'ms');
  row('  acw_frame wall (performance.now)', summary.acwFrameMs, f2, 'ms');
  if (backend.scenarios) {
    for (const [name, s] of Object.entries(backend.scenarios)) {
      rows.push([`dev backend: ${name} requests/s`, s.requestsPerSecond != null ? s.requestsPerSecond.toFixed(0) : 'n/a',
        s.p99Ms != null ? `p99 ${s.p99Ms} ms` : '', '', s.errors ? `${s.errors} errors` : '']);
    }
  } else {
    rows.push(['dev backend: requests/s (loopback)', 'skipped', '', '', '']);
  }
  const head = ['metric', 'median', 'range', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const js = path.join(opts.dist, 'ai-credits-widget.js');
  if (!fs.existsSync(js)) {
    console.error(`widget not built: ${js} is missing (scripts/build.sh wasm)`);
    process.exit(1);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`no browser at ${CHROMIUM} (apt-get install chromium)`);
    process.exit(1);
  }
  // startServer serves fixed folders of a root: a temporary root holds the bench pages.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-bench-'));
  fs.mkdirSync(path.join(root, 'host-examples'));
  for (const f of ['page.html', 'blank.html']) fs.copyFileSync(path.join(benchDir, f), path.join(root, 'host-examples', f));
  // --preload: the page also says <link rel="preload"> for the wasm, as docs/embedding.md
  // suggests, so that it downloads beside the script instead of after it.
  if (opts.preload) {
    const page = path.join(root, 'host-examples', 'page.html');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</title>',
      '</title>\n  <link rel="preload" href="/dist/ai-credits-widget.wasm" as="fetch" crossorigin>'));
  }
  const files = fileSizes(opts.dist, fs.readdirSync(opts.dist));
  const server = await startServer({ port: 0, root, dist: opts.dist });
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  const env = { server, browser, url: server.url, files, dpr: opts.dpr };
  const runs = [];
  const loadBefore = os.loadavg();
  try {
    // Browser start-up (GPU process, network service) is not the widget's: one load first.
    await warmUp(env);
    for (let i = 1; i <= opts.runs; i++) {
      process.stderr.write(`run ${i}/${opts.runs} … `);
      const r = await measureRun(env, opts, i);
      r.blank = await measureBlank(env, opts);
      runs.push(r);
      process.stderr.write(`first frame ${ms(r.firstFrameMs)} ms, ${kb(r.bytes.gzip9)} KB gzip, ` +
        `${mb(r.memory.total)} MB, idle ${ms(r.idle.rafPer10s, 0)} frames, ${ms(r.ticker.fps)} fps\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const backend = opts.backend ? backendLoad() : { skipped: '--no-backend' };
  const summary = summarize(runs);
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    chromium: chromiumVersion(),
    node: process.version,
    cpu: `${os.cpus()[0]?.model || '?'} × ${os.cpus().length}`,
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadAfter.map((x) => +x.toFixed(2)) },
    dist: path.relative(repoRoot, opts.dist) || opts.dist,
    options: { runs: opts.runs, idleSeconds: opts.idleSeconds, idleDelaySeconds: opts.idleDelaySeconds,
      tickerSeconds: opts.tickerSeconds, viewport: '1280x800', deviceScaleFactor: opts.dpr,
      preload: opts.preload },
    units: 'bytes, ms; KB = 1000 bytes, MB = 10^6 bytes',
    budgets: BUDGETS,
    reactReference: REACT_REFERENCE,
    files,
    summary,
    backend,
    runs,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nai-credits-widget benchmark: ${opts.runs} cold runs, ${report.chromium}, ${report.cpu}`);
  const busy = Math.max(loadBefore[0], loadAfter[0]);
  if (busy > os.cpus().length / 2) {
    console.log(`note: the machine was busy (load average ${busy.toFixed(1)} on ${os.cpus().length} CPUs): ` +
      'times are inflated; sizes and counts are not');
  }
  console.log(`files in ${report.dist}: ` + Object.entries(files)
    .filter(([n]) => n.startsWith('ai-credits-widget.'))
    .map(([n, s]) => `${n} ${kb(s.raw)} KB (gzip -9 ${kb(s.gzip9)} KB)`).join(', '));
  console.log(table(summary, backend));
  if (backend.skipped || backend.error) console.log(`backend: ${backend.skipped || backend.error}`);
  const errs = runs.flatMap((r) => r.logs);
  if (errs.length) console.log(`page warnings/errors:\n  ${[...new Set(errs)].slice(0, 10).join('\n  ')}`);
  console.log(`report: ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
