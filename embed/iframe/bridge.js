// bridge.js — the host side of the iframe embed. The host page loads this small script
// (ai-credits-bridge.js, or the ES module ai-credits-bridge.mjs: `import { bridge }`), not the
// widget itself, and connects its wallet to the widget's iframe:
//
//   const bridge = AiCreditsWidget.bridge({
//     iframe: document.querySelector('#credits'),       // <iframe src="https://widget.example/iframe.html?parent=…">
//     origin: 'https://widget.example',                 // exactly the iframe's origin
//     provider: window.ethereum,                        // any EIP-1193 provider (null: no wallet)
//   });
//   bridge.destroy();                                   // removes every listener
//
// Only messages whose event.source is that iframe's window AND whose event.origin is exactly
// `origin` are read; everything else is ignored (and counted in bridge.stats.ignored). Answers
// and events are posted to that origin only. Requests carry ids, are limited to the methods the
// widget uses (`methods` to change), time out (`timeoutMs`), and at most 32 run at once.
// The iframe's content height sizes the iframe (`autoResize: false` to do it yourself through
// `onResize(height)`); the widget's events (state-change, pay-success, pay-error, stream-change)
// are dispatched on the iframe element as bubbling CustomEvents.

const PROTOCOL = 'ai-credits-widget/1';
const WIDGET_EVENTS = new Set(['state-change', 'pay-success', 'pay-error', 'stream-change']);
// What the widget calls (SPEC.md §3), reads and prompts. Anything else is refused (4200).
const DEFAULT_METHODS = [
  'eth_chainId', 'net_version', 'eth_accounts', 'eth_requestAccounts', 'eth_blockNumber', 'eth_call',
  'eth_estimateGas', 'eth_gasPrice', 'eth_getTransactionReceipt', 'eth_getTransactionByHash',
  'eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4',
  'wallet_switchEthereumChain', 'wallet_addEthereumChain',
];
const PROMPT_METHODS = new Set(['eth_requestAccounts', 'eth_sendTransaction', 'personal_sign',
  'eth_signTypedData_v4', 'wallet_switchEthereumChain', 'wallet_addEthereumChain']);
const DEFAULT_TIMEOUTS = { prompt: 120000, read: 15000 };
const MAX_PENDING = 32;
const MAX_SEEN_IDS = 4096;
const MAX_PARAMS_CHARS = 256 * 1024;
const MAX_HEIGHT = 4000;

function exactOrigin(value) {
  let u;
  try {
    u = new URL(String(value));
  } catch (_) {
    throw new TypeError(`AiCreditsWidget.bridge: origin "${value}" is not a URL`);
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin === 'null') {
    throw new TypeError(`AiCreditsWidget.bridge: origin "${value}" must be an http(s) origin`);
  }
  return u.origin;
}

function safeError(err) {
  const code = err && Number.isInteger(err.code) ? err.code : -32603;
  const message = err && typeof err.message === 'string' ? err.message.slice(0, 2000) : String(err).slice(0, 2000);
  const out = { code, message };
  if (err && err.data !== undefined) {
    try {
      out.data = JSON.parse(JSON.stringify(err.data));
    } catch (_) { /* not JSON: left out */ }
  }
  return out;
}

function bridge({
  iframe, provider = null, origin, methods = DEFAULT_METHODS, timeoutMs = {}, autoResize = true,
  onResize = null,
} = {}) {
  if (!(iframe instanceof HTMLIFrameElement)) throw new TypeError('AiCreditsWidget.bridge needs {iframe: <iframe>}');
  const target = exactOrigin(origin);
  const allowed = new Set(methods);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...timeoutMs };
  const wallet = provider && typeof provider.request === 'function' ? provider : null;
  const stats = { requests: 0, ignored: 0 };
  const seenIds = new Set();  // request ids of this session, oldest first
  let session = null;
  let destroyed = false;
  let pending = 0;
  let resolveReady;
  const ready = new Promise((r) => { resolveReady = r; });

  const post = (msg) => {
    const win = iframe.contentWindow;
    if (win && session) win.postMessage({ acw: PROTOCOL, session, ...msg }, target);
  };

  async function answer(msg) {
    const { id, method } = msg;
    const reply = (body) => { if (!destroyed && msg.session === session) post({ type: 'response', id, ...body }); };
    if (!allowed.has(method)) {
      reply({ error: { code: 4200, message: `The host page does not allow "${method}" from the widget` } });
      return;
    }
    if (!wallet) {
      reply({ error: { code: 4900, message: 'No wallet was found on this page' } });
      return;
    }
    if (pending >= MAX_PENDING) {
      reply({ error: { code: -32005, message: 'Too many wallet requests at once' } });
      return;
    }
    pending++;
    stats.requests++;
    let timer = 0;
    try {
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject({ code: -32603, message: 'The wallet did not answer in time' }),
          PROMPT_METHODS.has(method) ? timeouts.prompt : timeouts.read);
      });
      const result = await Promise.race([wallet.request({ method, params: msg.params }), timeout]);
      reply({ result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
    } catch (err) {
      reply({ error: safeError(err) });
    } finally {
      clearTimeout(timer);
      pending--;
    }
  }

  function onMessage(event) {
    if (destroyed) return;
    const msg = event.data;
    const ours = msg && typeof msg === 'object' && msg.acw === PROTOCOL;
    // The iframe's own window, from exactly its origin: anything else is not the widget.
    if (event.source !== iframe.contentWindow || event.origin !== target) {
      if (ours) stats.ignored++;
      return;
    }
    if (!ours || typeof msg.session !== 'string' || msg.session.length > 100) return;
    switch (msg.type) {
      case 'ready':
        // A (re)loaded frame starts a new session: answers for an older one are dropped.
        session = msg.session;
        seenIds.clear();
        post({ type: 'init', wallet: !!wallet });
        resolveReady();
        return;
      case 'request': {
        if (msg.session !== session || !Number.isSafeInteger(msg.id) || msg.id < 1 ||
            typeof msg.method !== 'string' || msg.method.length > 100) {
          stats.ignored++;
          return;
        }
        // A replayed id is never answered twice: the wallet sees each request once.
        if (seenIds.has(msg.id)) {
          stats.ignored++;
          return;
        }
        seenIds.add(msg.id);
        if (seenIds.size > MAX_SEEN_IDS) seenIds.delete(seenIds.values().next().value);
        let size = 0;
        try {
          size = JSON.stringify(msg.params === undefined ? [] : msg.params).length;
        } catch (_) {
          size = Infinity;
        }
        if (size > MAX_PARAMS_CHARS) {
          post({ type: 'response', id: msg.id, error: { code: -32602, message: 'The request is too large' } });
          return;
        }
        answer(msg);
        return;
      }
      case 'resize': {
        if (msg.session !== session) return;
        const h = Number(msg.height);
        if (!Number.isFinite(h) || h < 0) return;
        const height = Math.min(MAX_HEIGHT, Math.ceil(h));
        if (autoResize) iframe.style.height = `${height}px`;
        if (typeof onResize === 'function') onResize(height);
        return;
      }
      case 'event': {
        if (msg.session !== session || !WIDGET_EVENTS.has(msg.name)) return;
        iframe.dispatchEvent(new CustomEvent(msg.name, { detail: msg.detail, bubbles: true, composed: true }));
        return;
      }
      default:
    }
  }

  // The host wallet's events, forwarded to the widget.
  const handlers = {
    accountsChanged: (accounts) => post({
      type: 'wallet-event', name: 'accountsChanged',
      data: Array.isArray(accounts) ? accounts.filter((a) => typeof a === 'string') : [],
    }),
    chainChanged: (chainId) => post({ type: 'wallet-event', name: 'chainChanged', data: String(chainId) }),
    disconnect: () => post({ type: 'wallet-event', name: 'disconnect', data: null }),
  };
  if (wallet && typeof wallet.on === 'function') {
    for (const [name, fn] of Object.entries(handlers)) wallet.on(name, fn);
  }
  window.addEventListener('message', onMessage);

  return {
    ready,
    stats,
    get origin() { return target; },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      const off = wallet && (typeof wallet.removeListener === 'function' ? 'removeListener'
        : typeof wallet.off === 'function' ? 'off' : null);
      if (off) for (const [name, fn] of Object.entries(handlers)) wallet[off](name, fn);
    },
  };
}
