// Scripted stand-ins for the outside world, so a story never reaches a real wallet or server:
// - createNoopProvider(): the provider of fixture stories. Reads answer "nothing connected";
//   anything that would open a wallet prompt is declined (4001). Nothing is ever signed.
// - createScriptedWallet(): the play stories' wallet — the dev wallet of host-examples (accounts,
//   chain, balanceOf) plus scripted eth_sendTransaction / eth_getTransactionReceipt.
// - ScriptedBackend + installFetchStub(): the credits backend of SPEC.md §4, answered inside the
//   page for one origin (BACKEND_URL) by wrapping window.fetch; every other URL goes to the
//   real fetch untouched.
import { createDevWallet } from '/host-examples/dev-wallet.mjs';

function rpcError(code, message) {
  const err = new Error(message);
  err.code = code;
  return err;
}

// Every request and answer, for the storybook's log panel.
export class RequestLog {
  constructor() { this.entries = []; this.listeners = new Set(); }
  add(kind, what, outcome) {
    const entry = { at: Date.now(), kind, what, outcome };
    this.entries.push(entry);
    if (this.entries.length > 200) this.entries.shift();
    for (const fn of this.listeners) fn(entry);
    return entry;
  }
  clear() { this.entries = []; for (const fn of this.listeners) fn(null); }
}

const short = (v) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

export function createNoopProvider({ chainId, log }) {
  const provider = {
    isStorybookNoop: true,
    requests: [],
    async request({ method, params = [] } = {}) {
      provider.requests.push({ method, params });
      let result;
      let error = null;
      switch (method) {
        case 'eth_accounts': result = []; break;
        case 'eth_chainId': result = chainId; break;
        default:
          error = rpcError(4001, 'Storybook: this story has no wallet behind it, so the request was declined.');
      }
      if (log) log.add('wallet', `${method} ${short(params)}`, error ? `error ${error.code}` : short(result));
      if (error) throw error;
      return result;
    },
    on() { return provider; },
    removeListener() { return provider; },
  };
  return provider;
}

// Stand-in transaction hashes: fixed (the n-th transaction of a play always has the same
// hash), so screenshots of the plays stay the same.
export const SCRIPTED_TX = '0x4f8a2c6e1b3d5f7092a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8';
const txHash = (n) => (n === 0 ? SCRIPTED_TX : `${SCRIPTED_TX.slice(0, -4)}${(0xb6d8 + n).toString(16).slice(-4)}`);

// Superfluid's CFAv1Forwarder, as far as the widget uses it (SPEC.md §3).
const SELECTOR = {
  getFlowInfo: '0x2860fd93', getBuffer: '0x09f0b495',
  createFlow: '0xe15536b6', updateFlow: '0x0c033991', deleteFlow: '0xb4b333c6',
};
const word = (n) => BigInt(n).toString(16).padStart(64, '0');
const argWord = (data, i) => BigInt(`0x${data.slice(10 + i * 64, 10 + (i + 1) * 64) || '0'}`);
// getBufferAmountByFlowrate on a test deployment: ≈ 4 hours of flow, rounded up to 2^32.
const bufferFor = (rate) => {
  const raw = rate * 14400n;
  const unit = 1n << 32n;
  return ((raw + unit - 1n) / unit) * unit;
};

// options: accounts, chainId, balancesWei, tokenAddress, latencyMs, log,
// onSend(tx, hash, kind) → called when a transaction is "signed" (kind: 'pay', 'createFlow',
// 'updateFlow', 'deleteFlow'); pendingReceiptPolls: receipt polls answered null (not mined yet)
// before the receipt with status 0x1; approval(method) → a promise the wallet waits for before
// it answers (the play's "approve in the wallet" step). The wallet keeps one flow to the vault:
// getFlowInfo and getBufferAmountByFlowrate answer from it, create/update/deleteFlow change it.
export function createScriptedWallet(options) {
  const {
    log, onSend = () => {}, pendingReceiptPolls = 1, latencyMs = 300, approval = () => null,
  } = options;
  const dev = createDevWallet({ ...options, announce: false, latencyMs });
  const sent = new Map();  // hash → polls so far
  const flow = { rate: 0n, updatedAt: 0n, deposit: 0n };
  let count = 0;
  const own = {
    eth_sendTransaction(params) {
      const tx = (params && params[0]) || {};
      const data = String(tx.data || '').toLowerCase();
      const kind = Object.keys(SELECTOR).find((k) => data.startsWith(SELECTOR[k]) && /Flow$/.test(k)) || 'pay';
      if (kind === 'createFlow' || kind === 'updateFlow') {
        flow.rate = argWord(data, 3);
        flow.deposit = bufferFor(flow.rate);
        flow.updatedAt = BigInt(Math.floor(Date.now() / 1000));
      } else if (kind === 'deleteFlow') {
        flow.rate = 0n;
        flow.deposit = 0n;
      }
      const hash = txHash(count++);
      onSend(tx, hash, kind);
      sent.set(hash, 0);
      return hash;
    },
    eth_getTransactionReceipt(params) {
      const hash = params && params[0];
      if (!sent.has(hash)) return null;
      const polls = sent.get(hash) + 1;
      sent.set(hash, polls);
      if (polls <= pendingReceiptPolls) return null;
      return { transactionHash: hash, status: '0x1', blockNumber: '0x2a', logs: [] };
    },
    eth_call(params) {
      const data = String((params && params[0] && (params[0].data || params[0].input)) || '').toLowerCase();
      if (data.startsWith(SELECTOR.getFlowInfo)) {
        return `0x${word(flow.updatedAt)}${word(flow.rate)}${word(flow.deposit)}${word(0)}`;
      }
      if (data.startsWith(SELECTOR.getBuffer)) return `0x${word(bufferFor(argWord(data, 1)))}`;
      return undefined;  // not the forwarder: the dev wallet answers (balanceOf)
    },
  };
  const wallet = Object.create(dev);
  wallet.requests = dev.requests;
  wallet.flow = flow;
  wallet.request = async (args) => {
    const { method, params = [] } = args || {};
    let result;
    let error = null;
    try {
      const answer = own[method] && method === 'eth_call' ? own.eth_call(params) : undefined;
      if (answer !== undefined || (own[method] && method !== 'eth_call')) {
        dev.requests.push({ method, params, at: Date.now() });
        await new Promise((r) => setTimeout(r, latencyMs));
        await approval(method);
        result = answer !== undefined ? answer : own[method](params);
      } else {
        await approval(method);
        result = await dev.request(args);
      }
    } catch (e) {
      error = e;
    }
    if (log) log.add('wallet', `${method} ${short(params)}`, error ? `error ${error.code}` : short(result));
    if (error) throw error;
    return result;
  };
  return wallet;
}

const json = (status, body) => ({ status, body });

// The scripted credits backend. `state` is per play; reset() starts over.
export class ScriptedBackend {
  constructor({ chainId, tokenAddress, log, latencyMs = 150 }) {
    this.chainId = chainId;
    this.tokenAddress = tokenAddress;
    this.log = log;
    this.latencyMs = latencyMs;
    this.reset();
  }

  reset() {
    this.state = {
      remainingUsd: '0', usedUsd: '0', credited: new Map(), pendingTx: new Map(),
      stream: { status: 'none' }, streamTx: new Map(),
    };
  }

  // The play announces what a transaction pays before it is recorded: hash → total micro-USD.
  expectPayment(txHash, totalCreditUsd) {
    this.state.pendingTx.set(txHash.toLowerCase(), String(totalCreditUsd));
  }

  // … or which stream change it is: kind 'createFlow' | 'updateFlow' | 'deleteFlow',
  // rate in wei per second (a string), paused: a deleteFlow that pauses (the backend sees a stop).
  expectStreamChange(txHash, { kind, rate = '0' }) {
    this.state.streamTx.set(txHash.toLowerCase(), { kind, rate: String(rate) });
  }

  answer(method, url, body) {
    const path = url.pathname;
    if (method === 'GET' && path === '/health') return json(200, { ok: true });
    if (method === 'GET' && path === '/config/values') {
      return json(200, {
        chainId: Number(BigInt(this.chainId)),
        priceMicroUsdPerG: '10000',
        depositBonusBps: 1000,
        streamBonusBps: 2000,
        minFirstDepositMicroUsd: '1000000',
        minStreamMicroUsdPerMonth: '1000000',
        tokenAddress: this.tokenAddress,
        vaultAddress: '0x4dd0136b9aabd5823cf0f65d89e8fb882c660885',
        hostAddress: '0xa4ff07cf81c02cfd356184879d953970ca957585',
        forwarderAddress: '0xcfa132e353cb4e398080b9700609bb008eceb125',
      });
    }
    let m = path.match(/^\/v1\/accounts\/(0x[0-9a-fA-F]{40})\/(profile|api-keys|usage|credit-history)$/);
    if (m && method === 'GET') {
      if (m[2] === 'profile') {
        return json(200, {
          account: m[1].toLowerCase(), remainingUsd: this.state.remainingUsd, usedUsd: this.state.usedUsd,
          totalGdDepositedWei: '0', totalPrincipalUsd: '0', totalBonusUsd: '0', totalGDStreamedWei: '0',
          streamFlowRateWeiPerSecond: this.state.stream.flowRateWeiPerSecond || '0', stream: this.state.stream,
        });
      }
      return json(200, { items: [], total: 0, limit: 20, offset: 0, hasMore: false });
    }
    if (method === 'POST' && path === '/v1/celo/events/record') {
      const tx = String((body && body.txHash) || '').toLowerCase();
      if (this.state.credited.has(tx)) return json(200, { events: [this.state.credited.get(tx)], duplicate: true });
      if (this.state.streamTx.has(tx)) {
        const { kind, rate } = this.state.streamTx.get(tx);
        const now = new Date().toISOString();
        this.state.stream = kind === 'deleteFlow'
          ? { status: 'ended', flowRateWeiPerSecond: '0', startedAt: this.state.stream.startedAt || now, endedAt: now, endReason: 'user' }
          : { status: 'active', flowRateWeiPerSecond: rate, startedAt: now };
        return json(200, { status: 'credited', txHash: tx, events: [], streamEvents: [{ txHash: tx, kind, flowRateWeiPerSecond: rate }] });
      }
      if (!this.state.pendingTx.has(tx)) return json(404, { error: 'not found' });
      const total = this.state.pendingTx.get(tx);
      this.state.pendingTx.delete(tx);
      const event = { id: `${tx}:0`, totalCreditUsd: total, fundingStatus: 'funded' };
      this.state.credited.set(tx, event);
      this.state.remainingUsd = (BigInt(this.state.remainingUsd) + BigInt(total)).toString();
      return json(200, { events: [event] });
    }
    m = path.match(/^\/v1\/(quote|auth\/nonce|auth\/api-keys|usage)/);
    if (m) return json(501, { error: `the storybook backend does not script ${method} ${path}` });
    return json(404, { error: 'not found' });
  }
}

// Wraps window.fetch once: requests to `origin` go to `getBackend()` (null: refused like an
// unreachable host), everything else to the real fetch. Returns the uninstall function.
export function installFetchStub(origin, getBackend) {
  const realFetch = window.fetch;
  const stub = function fetch(input, init = {}) {
    let url;
    try {
      url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, location.href);
    } catch (_) {
      return realFetch.call(this, input, init);
    }
    if (url.origin !== origin) return realFetch.call(this, input, init);
    const backend = getBackend();
    const method = String(init.method || (input && input.method) || 'GET').toUpperCase();
    let body = null;
    try { body = init.body ? JSON.parse(init.body) : null; } catch (_) { body = null; }
    return new Promise((resolve, reject) => {
      const signal = init.signal;
      const abort = () => { clearTimeout(timer); reject(new DOMException('The operation was aborted.', 'AbortError')); };
      if (signal && signal.aborted) return abort();
      const timer = setTimeout(() => {
        if (signal) signal.removeEventListener('abort', abort);
        if (!backend) {
          reject(new TypeError('Failed to fetch'));
          return;
        }
        const { status, body: out } = backend.answer(method, url, body);
        if (backend.log) backend.log.add('backend', `${method} ${url.pathname}${url.search}`, `${status} ${short(out)}`);
        resolve(new Response(JSON.stringify(out), { status, headers: { 'content-type': 'application/json' } }));
      }, backend ? backend.latencyMs : 0);
      if (signal) signal.addEventListener('abort', abort, { once: true });
    });
  };
  window.fetch = stub;
  return () => { if (window.fetch === stub) window.fetch = realFetch; };
}
