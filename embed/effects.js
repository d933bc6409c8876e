// effects.js — runs the effects the core asks for (docs/c-api.md) and feeds answers back.
// Always called from a microtask, never from inside a call into wasm.

const HTTP_TIMEOUT_MS = 15000;
const MAX_HTTP_BODY = 2 * 1024 * 1024;  // characters; the core refuses larger documents anyway
const STORE_PREFIX = 'acw.';

function openLink(url) {
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch (_) {
    return;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
  window.open(parsed.href, '_blank', 'noopener,noreferrer');
}

// {result: true} once the clipboard holds the text; {error} when the browser refused (no
// permission, no focus, an iframe without clipboard-write, or no Clipboard API at all).
async function copyText(text) {
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return { error: { code: 4200, message: 'This browser has no clipboard access' } };
  }
  try {
    await navigator.clipboard.writeText(String(text));
    return { result: true };
  } catch (e) {
    return { error: { code: 4100, message: String((e && e.message) || e).slice(0, 200) } };
  }
}

function localStore() {
  try {
    return window.localStorage;  // throws in some sandboxed frames
  } catch (_) {
    return null;
  }
}

// The widget's saved entries ({key: string}), passed to the core with the start event.
function readStored() {
  const out = {};
  const ls = localStore();
  if (!ls) return out;
  try {
    for (let i = 0; i < ls.length; i++) {
      const key = ls.key(i);
      if (key && key.startsWith(STORE_PREFIX)) out[key] = ls.getItem(key);
    }
  } catch (_) { /* storage unavailable: nothing saved */ }
  return out;
}

function writeStored(key, value) {
  const ls = localStore();
  if (!ls || typeof key !== 'string' || !key.startsWith(STORE_PREFIX)) return;
  try {
    if (value === null || value === undefined) ls.removeItem(key);
    else ls.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch (_) { /* quota or privacy mode: the core keeps its copy in memory */ }
}

// {status, body} for any HTTP answer; {error} when there was none (network, timeout, CORS).
async function runHttp(ctrl, effect) {
  let url;
  try {
    url = new URL(String(effect.url));
  } catch (_) {
    return { error: { code: -32602, message: `Invalid backend URL: ${effect.url}` } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: { code: -32602, message: `Invalid backend URL: ${effect.url}` } };
  }
  const method = String(effect.method || 'GET').toUpperCase();
  const hasBody = effect.body !== null && effect.body !== undefined && method !== 'GET';
  const headers = hasBody ? { 'content-type': 'application/json' } : {};
  // The backend's read session for the account's usage log and key list (memory only).
  if (typeof effect.authorization === 'string' && effect.authorization) headers.authorization = effect.authorization;
  const abort = new AbortController();
  const ms = Number.isFinite(effect.timeoutMs) && effect.timeoutMs > 0 ? effect.timeoutMs : HTTP_TIMEOUT_MS;
  let timedOut = false;
  const timer = ctrl.later(() => {
    timedOut = true;
    abort.abort();
  }, ms);
  ctrl.aborts.add(abort);
  try {
    const res = await fetch(url.href, {
      method,
      headers,
      body: hasBody ? JSON.stringify(effect.body) : undefined,
      signal: abort.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    const body = await res.text();
    if (body.length > MAX_HTTP_BODY) {
      return { error: { code: -32603, message: 'The backend answer is too large' } };
    }
    return { status: res.status, body };
  } catch (err) {
    const message = timedOut ? 'The backend did not answer in time'
      : `The backend could not be reached (${err && err.message ? err.message : err})`;
    return { error: { code: -32603, message } };
  } finally {
    ctrl.clearLater(timer);
    ctrl.aborts.delete(abort);
  }
}

// `ctrl` provides: wallet (WalletBridge), host (event target), resolve(id, answer),
// later(fn, ms) / clearLater(id) (timers cleared on destroy), aborts (a Set of AbortControllers).
function runEffect(ctrl, effect) {
  if (!effect || typeof effect !== 'object') return;
  switch (effect.kind) {
    case 'wallet':
      ctrl.wallet.request(effect).then((answer) => ctrl.resolve(effect.id, answer));
      return;
    case 'http':
      runHttp(ctrl, effect).then((answer) => ctrl.resolve(effect.id, answer));
      return;
    case 'timer':
      ctrl.later(() => ctrl.resolve(effect.id, { result: null }), Math.max(0, Number(effect.ms) || 0));
      return;
    case 'store':
      writeStored(effect.key, effect.value);
      return;
    case 'emit':
      ctrl.host.dispatchEvent(new CustomEvent(String(effect.name), {
        detail: effect.detail === undefined ? null : effect.detail,
        bubbles: true,
        composed: true,
      }));
      return;
    case 'copy':
      copyText(effect.text).then((answer) => ctrl.resolve(effect.id, answer));
      return;
    case 'open':
      openLink(effect.url);
      return;
    default:
      // An effect this shim does not know: answer it so the core does not wait forever.
      if (Number.isInteger(effect.id)) {
        ctrl.resolve(effect.id, {
          error: { code: 4200, message: `This page cannot run "${effect.kind}" effects` },
        });
      }
  }
}
