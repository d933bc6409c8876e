// ai-credits-frame.js — runs inside the iframe page (iframe.html, beside ai-credits-widget.js).
// It gives the widget an EIP-1193 provider that forwards every request to the host page over
// postMessage, where AiCreditsWidget.bridge() answers it with the host's wallet; it forwards
// the host wallet's events to the widget, the widget's DOM events to the host, and reports the
// content height so the host can size the iframe.
//
// URL of the page: iframe.html?parent=<the host page's origin>&chain-id=…&backend-url=…&theme=…
//   parent (required): the only origin this page talks to. Messages from any other origin, or
//   from any window but window.parent, are ignored; every message it sends targets that origin.
//   It must be this page's own origin or one the server that serves this page allows
//   (/embed-config.json {frameAncestors: [...]}, the list of its CSP frame-ancestors).
//   Other parameters are the widget's attributes (docs/embedding.md), plus height (CSS px).
//
// Protocol "ai-credits-widget/1" (every message: {acw: PROTOCOL, session, type, …}):
//   frame → host  ready {}                       until the host answers init (every 250 ms)
//                 request {id, method, params}   an EIP-1193 request
//                 resize {height}                the content height in CSS px
//                 event {name, detail}           state-change, pay-success, pay-error, stream-change
//   host → frame  init {wallet: bool}            the host has a wallet (false: no provider)
//                 response {id, result | error: {code, message, data?}}
//                 wallet-event {name, data}      accountsChanged, chainChanged, disconnect
(function () {
  'use strict';

  const PROTOCOL = 'ai-credits-widget/1';
  const WIDGET_EVENTS = ['state-change', 'pay-success', 'pay-error', 'stream-change'];
  const WALLET_EVENTS = ['accountsChanged', 'chainChanged', 'disconnect'];
  // The element's attributes a host may set through the URL (embed/config.js), plus `dpr`.
  const ATTRIBUTES = ['chain-id', 'chain-name', 'token-address', 'token-symbol', 'rpc-url', 'native-symbol', 'explorer-url',
    'backend-url', 'theme', 'locale', 'mode', 'accent', 'radius', 'font-size', 'wallet-rdns', 'dpr'];
  const PROMPT_METHODS = new Set(['eth_requestAccounts', 'eth_sendTransaction', 'eth_sign', 'personal_sign',
    'eth_signTypedData', 'eth_signTypedData_v3', 'eth_signTypedData_v4', 'wallet_switchEthereumChain',
    'wallet_addEthereumChain', 'wallet_watchAsset', 'wallet_requestPermissions', 'wallet_sendCalls']);
  // A little longer than the widget's own timeouts (wallet.js), so the widget reports first.
  const PROMPT_TIMEOUT_MS = 125000;
  const READ_TIMEOUT_MS = 20000;
  const HELLO_EVERY_MS = 250;
  const HELLO_TRIES = 240;  // a minute
  const MAX_PENDING = 64;

  const params = new URLSearchParams(location.search);

  function originOf(value) {
    try {
      const u = new URL(String(value));
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin !== 'null' ? u.origin : null;
    } catch (_) {
      return null;
    }
  }

  function fail(message) {
    const p = document.createElement('p');
    p.className = 'acw-frame-error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    document.body.textContent = '';
    document.body.append(p);
    console.error('[ai-credits-frame]', message);
  }

  const parentOrigin = originOf(params.get('parent'));
  if (!parentOrigin) {
    fail('This widget page needs ?parent=<origin of the page that embeds it>.');
    return;
  }
  if (window.parent === window) {
    fail(`This page shows the AI credits widget inside ${parentOrigin}; open that page instead.`);
    return;
  }
  // Where the browser tells us who embeds us, it must be the configured parent.
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length && ancestors[0] !== parentOrigin) {
    fail(`This widget may only be embedded by ${parentOrigin}.`);
    return;
  }

  // The parents the serving site allows (docs/embedding.md); none but our own origin when it
  // names none or cannot be asked: a page that chose its own ?parent= gets nothing.
  let permitted = false;
  const allowedParents = fetch(new URL('/embed-config.json', location.href), { cache: 'no-store', credentials: 'omit' })
    .then((r) => (r.ok ? r.json() : {}))
    .then((c) => (Array.isArray(c.frameAncestors) ? c.frameAncestors : []))
    .catch(() => [])
    .then((list) => [location.origin, ...list]);

  const session = (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random()}`;
  const post = (msg) => window.parent.postMessage({ acw: PROTOCOL, session, ...msg }, parentOrigin);

  // ---------------------------------------------------------------- the provider

  function rpcError(code, message, data) {
    const err = new Error(message);
    err.code = code;
    if (data !== undefined) err.data = data;
    return err;
  }

  const pending = new Map();  // id → {resolve, reject, timer}
  const listeners = new Map();
  let nextId = 1;

  const provider = {
    isAiCreditsFrameProvider: true,
    request(args) {
      const method = args && args.method;
      const reqParams = args && args.params !== undefined ? args.params : [];
      if (typeof method !== 'string' || !method) return Promise.reject(rpcError(-32600, 'Invalid request'));
      if (pending.size >= MAX_PENDING) return Promise.reject(rpcError(-32005, 'Too many wallet requests at once'));
      let clean;
      try {
        clean = JSON.parse(JSON.stringify(reqParams));
      } catch (_) {
        return Promise.reject(rpcError(-32602, 'The request parameters are not JSON'));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(rpcError(-32603, 'The host page did not answer in time'));
        }, PROMPT_METHODS.has(method) ? PROMPT_TIMEOUT_MS : READ_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        post({ type: 'request', id, method, params: clean });
      });
    },
    on(name, fn) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(fn);
      return provider;
    },
    removeListener(name, fn) {
      const set = listeners.get(name);
      if (set) set.delete(fn);
      return provider;
    },
  };
  provider.off = provider.removeListener;

  function emit(name, data) {
    for (const fn of [...(listeners.get(name) || [])]) {
      try {
        fn(data);
      } catch (err) {
        console.error('[ai-credits-frame] listener failed', err);
      }
    }
  }

  // ---------------------------------------------------------------- messages from the host

  let started = false;
  let helloTimer = 0;

  function onResponse(msg) {
    const entry = Number.isSafeInteger(msg.id) ? pending.get(msg.id) : null;
    if (!entry) return;
    pending.delete(msg.id);
    clearTimeout(entry.timer);
    if (msg.error && typeof msg.error === 'object') {
      const code = Number.isInteger(msg.error.code) ? msg.error.code : -32603;
      const message = typeof msg.error.message === 'string' ? msg.error.message.slice(0, 2000) : 'Wallet error';
      entry.reject(rpcError(code, message, msg.error.data));
    } else {
      entry.resolve(msg.result === undefined ? null : msg.result);
    }
  }

  function onWalletEvent(msg) {
    if (!WALLET_EVENTS.includes(msg.name)) return;
    if (msg.name === 'accountsChanged') {
      if (!Array.isArray(msg.data)) return;
      emit('accountsChanged', msg.data.filter((a) => typeof a === 'string').slice(0, 16));
    } else if (msg.name === 'chainChanged') {
      if (typeof msg.data !== 'string') return;
      emit('chainChanged', msg.data);
    } else {
      emit('disconnect', rpcError(4900, 'The host wallet disconnected'));
    }
  }

  window.addEventListener('message', (event) => {
    // Only the embedding window, only from the configured origin, only this protocol.
    if (!permitted || event.source !== window.parent || event.origin !== parentOrigin) return;
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || msg.acw !== PROTOCOL || msg.session !== session) return;
    if (msg.type === 'init') {
      if (started) return;
      started = true;
      clearInterval(helloTimer);
      startWidget(msg.wallet === true);
    } else if (msg.type === 'response') {
      onResponse(msg);
    } else if (msg.type === 'wallet-event') {
      onWalletEvent(msg);
    }
  });

  // ---------------------------------------------------------------- the widget

  function startWidget(hasWallet) {
    const el = document.createElement('ai-credits-widget');
    for (const name of ATTRIBUTES) {
      const value = params.get(name);
      if (value !== null && value.length <= 200) el.setAttribute(name, value);
    }
    const height = Number(params.get('height'));
    if (Number.isFinite(height) && height >= 200 && height <= 2000) el.style.height = `${Math.round(height)}px`;
    if (hasWallet) el.provider = provider;
    for (const name of WIDGET_EVENTS) {
      el.addEventListener(name, (e) => {
        let detail = null;
        try {
          detail = JSON.parse(JSON.stringify(e.detail === undefined ? null : e.detail));
        } catch (_) { /* not JSON: sent without detail */ }
        post({ type: 'event', name, detail });
      });
    }
    document.body.append(el);
    window.acwWidget = el;  // for tests and debugging from the frame's console

    let last = -1;
    const report = () => {
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) {
        last = h;
        post({ type: 'resize', height: h });
      }
    };
    new ResizeObserver(report).observe(document.documentElement);
    report();
  }

  let tries = 0;
  const hello = () => {
    if (started) return;
    if (++tries > HELLO_TRIES) {
      clearInterval(helloTimer);
      fail(`No answer from ${parentOrigin}: the page must call AiCreditsWidget.bridge() for this iframe.`);
      return;
    }
    post({ type: 'ready' });
  };
  allowedParents.then((allowed) => {
    if (!allowed.includes(parentOrigin)) {
      fail(`This widget may not be embedded by ${parentOrigin}: the site serving it does not allow that page.`);
      return;
    }
    permitted = true;
    helloTimer = setInterval(hello, HELLO_EVERY_MS);
    hello();
  });
})();
