// wallet.js — finds the page's EIP-1193 provider (EIP-6963 discovery, then window.ethereum,
// or one the host passes in), forwards its events and runs requests with a timeout.

// Methods that open a wallet prompt get a long timeout; reads a short one.
const PROMPT_METHODS = new Set([
  'eth_requestAccounts', 'eth_sendTransaction', 'eth_sign', 'personal_sign', 'eth_signTypedData',
  'eth_signTypedData_v3', 'eth_signTypedData_v4', 'wallet_switchEthereumChain',
  'wallet_addEthereumChain', 'wallet_watchAsset', 'wallet_requestPermissions', 'wallet_sendCalls',
]);
const PROMPT_TIMEOUT_MS = 120000;
const READ_TIMEOUT_MS = 15000;
const DISCOVERY_WAIT_MS = 30;
const TIMEOUT_ERROR = { code: -32603, message: 'The wallet did not answer in time' };

function timeoutFor(effect) {
  if (Number.isFinite(effect.timeoutMs) && effect.timeoutMs > 0) return effect.timeoutMs;
  return PROMPT_METHODS.has(effect.method) ? PROMPT_TIMEOUT_MS : READ_TIMEOUT_MS;
}

function isProvider(p) {
  return !!p && typeof p.request === 'function';
}

// A JSON-safe EIP-1193 error: {code, message[, data]}.
function rpcError(err) {
  const code = err && Number.isInteger(err.code) ? err.code : -32603;
  const message = err && typeof err.message === 'string' ? err.message : String(err);
  const out = { code, message: message.slice(0, 2000) };
  if (err && err.data !== undefined) {
    try {
      JSON.stringify(err.data);
      out.data = err.data;
    } catch (_) { /* not JSON: leave it out */ }
  }
  return out;
}

class WalletBridge {
  // onEvent(event) receives {type:'accountsChanged'|'chainChanged'|'disconnect', …};
  // onProvider() is called whenever the chosen provider changes after the first choice.
  constructor({ provider, rdns, onEvent, onProvider }) {
    this.explicit = isProvider(provider) ? provider : null;
    this.rdns = rdns || '';
    this.onEvent = onEvent;
    this.onProvider = onProvider;
    this.announced = [];
    this.provider = null;
    this.discovered = false;
    this.timers = new Timers();
    this.destroyed = false;
    this.handlers = {
      accountsChanged: (accounts) => this.onEvent({
        type: 'accountsChanged',
        accounts: Array.isArray(accounts) ? accounts.filter((a) => typeof a === 'string') : [],
      }),
      chainChanged: (chainId) => this.onEvent({ type: 'chainChanged', chainId: String(chainId) }),
      disconnect: () => this.onEvent({ type: 'disconnect' }),
    };
    this.onAnnounce = (event) => this.announce(event && event.detail);
  }

  // Resolves once a first choice is made (a provider or none).
  discover() {
    window.addEventListener('eip6963:announceProvider', this.onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return new Promise((resolve) => {
      this.later(() => {
        this.discovered = true;
        this.use(this.choose());
        resolve();
      }, DISCOVERY_WAIT_MS);
    });
  }

  choose() {
    if (this.explicit) return this.explicit;
    const match = this.rdns && this.announced.find((a) => a.info && a.info.rdns === this.rdns);
    if (match) return match.provider;
    if (this.announced.length) return this.announced[0].provider;
    return isProvider(window.ethereum) ? window.ethereum : null;
  }

  announce(detail) {
    if (this.destroyed || !detail || !isProvider(detail.provider)) return;
    if (this.announced.some((a) => a.provider === detail.provider)) return;
    this.announced.push({ info: detail.info || {}, provider: detail.provider });
    if (!this.discovered || this.explicit) return;
    // A wallet that announces late: take it if none was found, or if it is the one asked for.
    const wanted = this.rdns && detail.info && detail.info.rdns === this.rdns;
    if (!this.provider || (wanted && this.provider !== detail.provider)) {
      this.use(detail.provider);
      this.onProvider();
    }
  }

  setExplicit(provider) {
    this.explicit = isProvider(provider) ? provider : null;
    if (!this.discovered) return;
    const next = this.choose();
    if (next !== this.provider) {
      this.use(next);
      this.onProvider();
    }
  }

  use(provider) {
    if (provider === this.provider) return;
    this.unsubscribe();
    this.provider = provider;
    if (provider && typeof provider.on === 'function') {
      for (const [name, fn] of Object.entries(this.handlers)) provider.on(name, fn);
    }
  }

  unsubscribe() {
    const p = this.provider;
    if (!p) return;
    const off = typeof p.removeListener === 'function' ? 'removeListener' : typeof p.off === 'function' ? 'off' : null;
    if (off) for (const [name, fn] of Object.entries(this.handlers)) p[off](name, fn);
  }

  // Runs one `wallet` effect; always resolves with {result} or {error}.
  request(effect) {
    const provider = this.provider;
    if (!provider) {
      return Promise.resolve({ error: { code: 4900, message: 'No wallet was found on this page' } });
    }
    return new Promise((resolve) => {
      let done = false;
      const finish = (answer) => {
        if (done) return;
        done = true;
        this.clear(timer);
        resolve(answer);
      };
      const timer = this.later(() => finish({ error: TIMEOUT_ERROR }), timeoutFor(effect));
      const params = effect.params === undefined ? [] : effect.params;
      Promise.resolve()
        .then(() => provider.request({ method: String(effect.method), params }))
        .then((result) => {
          const value = result === undefined ? null : result;
          JSON.stringify(value);  // throws on BigInt and cycles: reported as an error below
          finish({ result: value });
        })
        .catch((err) => finish({ error: rpcError(err) }));
    });
  }

  later(fn, ms) { return this.timers.later(fn, ms); }

  clear(id) { this.timers.cancel(id); }

  destroy() {
    this.destroyed = true;
    window.removeEventListener('eip6963:announceProvider', this.onAnnounce);
    this.timers.stop();
    this.unsubscribe();
    this.provider = null;
  }
}
