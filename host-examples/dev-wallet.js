// A scripted EIP-1193 test wallet for the demo pages and the browser tests (no real chain).
// Classic script: load it with <script src="dev-wallet.js"> (or Playwright's addInitScript);
// it defines globalThis.AcwDevWallet = { createDevWallet }. ES modules can use dev-wallet.mjs.
//
//   const wallet = AcwDevWallet.createDevWallet({
//     accounts: ['0xf39F…2266'], chainId: '0x7a69', balancesWei: {'0xf39F…': '1234500000000000000000'},
//     tokenAddress: '0x5FbD…', behavior: {eth_requestAccounts: 'approve'}});
//
// behavior[method]: 'approve' | 'reject' (4001) | 'pending' (-32002) | 'hang' (never resolves)
//                   | 'ask' (await options.ask({method, params}) → true approves, false rejects).
// With options.rpcUrl the wallet is backed by a real node (anvil's unlocked dev accounts):
// reads, eth_sendTransaction and personal_sign are forwarded to it, like a real wallet.
// Test helpers: switchAccount(addr), switchChain(id), revokeAccounts(), disconnect(),
// setBalance(addr, wei), wallet.requests (every request, in order).
(function () {
  'use strict';

  const BALANCE_OF = '0x70a08231';
  const ICON = 'data:image/svg+xml,' + encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f766e"/>' +
    '<path d="M9 12h14v10H9z" fill="none" stroke="#fff" stroke-width="2"/><circle cx="19" cy="17" r="1.6" fill="#fff"/></svg>');

  function toHexChainId(id) {
    if (typeof id === 'number' || typeof id === 'bigint') return '0x' + id.toString(16);
    return '0x' + BigInt(String(id).trim().toLowerCase()).toString(16); // hex or decimal string
  }

  function rpcError(code, message, data) {
    const err = new Error(message);
    err.code = code;
    if (data !== undefined) err.data = data;
    return err;
  }

  function uuid() {
    if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'dev-' + Math.random().toString(16).slice(2) + Date.now().toString(16);
  }

  function createDevWallet(options = {}) {
    const {
      accounts = ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'],
      chainId = '0x7a69',
      chains = [chainId],               // chains the wallet knows (switch works without add)
      balancesWei = {},                 // address -> decimal wei string (token balance)
      tokenAddress = null,              // balanceOf answers only for this contract (any, when null)
      behavior = {},                    // method -> 'approve' | 'reject' | 'pending' | 'hang'
      connected = false,                // pre-authorised: eth_accounts answers at once
      emitAccountsOnConnect = true,     // like MetaMask: accountsChanged after eth_requestAccounts
      addSwitches = true,               // like MetaMask: wallet_addEthereumChain also switches
      latencyMs = 0,                    // delay before every answer
      announce = true,                  // EIP-6963 announcement on window
      name = 'Dev wallet',
      rdns = 'dev.aicredits.wallet',
      rpcUrl = null,                    // forward to this node (see above)
      nodeChainId = '0x7a69',           // the node's chain: forwarding only while on it
      ask = null,                       // behavior 'ask': async ({method, params}) => boolean
    } = options;

    const listeners = new Map();
    const balances = new Map(Object.entries(balancesWei).map(([a, w]) => [a.toLowerCase(), String(w)]));
    const known = new Set(chains.map(toHexChainId));
    const state = {
      accounts: accounts.slice(),
      chainId: toHexChainId(chainId),
      connected,
    };

    function emit(event, payload) {
      // Asynchronous, like a real wallet's message stream.
      setTimeout(() => {
        for (const fn of [...(listeners.get(event) || [])]) {
          try { fn(payload); } catch (e) { console.error('dev wallet listener failed', e); }
        }
      }, 0);
    }

    function visibleAccounts() { return state.connected ? state.accounts.slice(0, 1) : []; }

    function balanceWord(data) {
      const hex = String(data || '').toLowerCase();
      if (!hex.startsWith(BALANCE_OF) || hex.length < 10 + 64) throw rpcError(-32000, 'execution reverted');
      const addr = '0x' + hex.slice(10 + 24, 10 + 64);
      const wei = BigInt(balances.get(addr) || '0');
      return '0x' + wei.toString(16).padStart(64, '0');
    }

    let rpcId = 0;
    async function forward(method, params, chainId = state.chainId) {
      if (chainId !== toHexChainId(nodeChainId)) {
        throw rpcError(-32603, `The dev wallet only reaches chain ${nodeChainId}; switch to it first.`);
      }
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
      });
      const body = await res.json();
      if (body.error) throw rpcError(body.error.code ?? -32603, body.error.message || 'node error', body.error.data);
      return body.result;
    }
    // Requests that sign or send must come from the connected account.
    function checkSender(address) {
      if (!state.connected || String(address || '').toLowerCase() !== visibleAccounts()[0]?.toLowerCase()) {
        throw rpcError(4100, 'The requested account has not been authorized by the user.');
      }
    }

    const handlers = {
      eth_requestAccounts() {
        const before = visibleAccounts().join();
        state.connected = true;
        const now = visibleAccounts();
        if (emitAccountsOnConnect && now.join() !== before) emit('accountsChanged', now);
        return now;
      },
      eth_accounts: () => visibleAccounts(),
      eth_chainId: () => state.chainId,
      net_version: () => BigInt(state.chainId).toString(10),
      eth_blockNumber: () => '0x1',
      eth_call(params) {
        if (rpcUrl) return forward('eth_call', params);
        const call = (params && params[0]) || {};
        if (tokenAddress && String(call.to || '').toLowerCase() !== tokenAddress.toLowerCase()) return '0x';
        return balanceWord(call.data || call.input);
      },
      wallet_switchEthereumChain(params) {
        const target = toHexChainId(params && params[0] && params[0].chainId);
        if (!known.has(target)) {
          throw rpcError(4902, `Unrecognized chain ID "${target}". Try adding the chain using wallet_addEthereumChain first.`);
        }
        if (target !== state.chainId) { state.chainId = target; emit('chainChanged', target); }
        return null;
      },
      wallet_addEthereumChain(params) {
        const p = (params && params[0]) || {};
        if (!p.chainId) throw rpcError(-32602, 'Invalid params: chainId is required');
        const target = toHexChainId(p.chainId);
        known.add(target);
        wallet.addedChains.push(p);
        if (addSwitches && target !== state.chainId) { state.chainId = target; emit('chainChanged', target); }
        return null;
      },
    };

    if (rpcUrl) {
      handlers.eth_blockNumber = (params) => forward('eth_blockNumber', params);
      for (const m of ['eth_getTransactionReceipt', 'eth_getTransactionByHash', 'eth_getBalance',
        'eth_estimateGas', 'eth_getCode', 'eth_gasPrice', 'eth_getBlockByNumber']) {
        handlers[m] = (params) => forward(m, params);
      }
      // The sender was checked when the request came (see request()).
      handlers.eth_sendTransaction = (params, chainAtRequest) => forward('eth_sendTransaction', params, chainAtRequest);
      handlers.personal_sign = (params, chainAtRequest) => forward('personal_sign', params, chainAtRequest);
    }

    const wallet = {
      isDevWallet: true,
      requests: [],
      addedChains: [],
      behavior: { ...behavior },
      info: { uuid: uuid(), name, icon: ICON, rdns },

      request(args) {
        const { method, params = [] } = args || {};
        wallet.requests.push({ method, params, at: Date.now() });
        const mode = wallet.behavior[method] || 'approve';
        if (mode === 'hang') return new Promise(() => {});
        if (mode === 'ask') {
          const asked = ask ? Promise.resolve(ask({ method, params })) : Promise.resolve(true);
          return asked.then((yes) => {
            if (!yes) throw rpcError(4001, 'User rejected the request.');
            const handler = handlers[method];
            if (!handler) throw rpcError(4200, `The method "${method}" is not supported by the dev wallet.`);
            return handler(params);
          });
        }
        // Like a real wallet, what is signed is decided when asked: the prompt is for the
        // account and chain of that moment, even if the person switches while it is open.
        try {
          if (rpcUrl && method === 'eth_sendTransaction') checkSender(params && params[0] && params[0].from);
          if (rpcUrl && method === 'personal_sign') checkSender(params && params[1]);
        } catch (e) { return Promise.reject(e); }
        const chainAtRequest = state.chainId;
        return new Promise((resolve, reject) => {
          setTimeout(async () => {
            try {
              if (typeof method !== 'string') throw rpcError(-32600, 'Invalid request: method must be a string');
              if (mode === 'reject') throw rpcError(4001, 'User rejected the request.');
              if (mode === 'pending') {
                throw rpcError(-32002, `Request of type '${method}' already pending for origin ${globalThis.location ? location.origin : 'here'}. Please wait.`);
              }
              const handler = handlers[method];
              if (!handler) throw rpcError(4200, `The method "${method}" is not supported by the dev wallet.`);
              resolve(await handler(params, chainAtRequest));
            } catch (e) { reject(e); }
          }, latencyMs);
        });
      },
      on(event, fn) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(fn);
        return wallet;
      },
      removeListener(event, fn) { listeners.get(event)?.delete(fn); return wallet; },
      listenerCount(event) { return listeners.get(event)?.size || 0; },

      // --- test helpers ---
      get chainId() { return state.chainId; },
      get selectedAddress() { return visibleAccounts()[0] || null; },
      countRequests(method) { return wallet.requests.filter((r) => r.method === method).length; },
      switchAccount(addr) {
        state.accounts = [addr, ...state.accounts.filter((a) => a.toLowerCase() !== addr.toLowerCase())];
        if (state.connected) emit('accountsChanged', visibleAccounts());
      },
      switchChain(id) {
        const target = toHexChainId(id);
        known.add(target);
        if (target !== state.chainId) { state.chainId = target; emit('chainChanged', target); }
      },
      revokeAccounts() { state.connected = false; emit('accountsChanged', []); },
      disconnect() {
        state.connected = false;
        emit('disconnect', rpcError(4900, 'The dev wallet is disconnected from all chains.'));
      },
      setBalance(addr, wei) { balances.set(addr.toLowerCase(), String(wei)); },
    };
    wallet.off = wallet.removeListener;

    if (announce && typeof window !== 'undefined') {
      const detail = Object.freeze({ info: Object.freeze({ ...wallet.info }), provider: wallet });
      const announceNow = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
      window.addEventListener('eip6963:requestProvider', announceNow);
      wallet.stopAnnouncing = () => window.removeEventListener('eip6963:requestProvider', announceNow);
      announceNow();
    }
    return wallet;
  }

  // Is any wallet on the page? window.ethereum, or an EIP-6963 wallet answering at once.
  function pageHasWallet() {
    if (typeof window === 'undefined') return false;
    if (window.ethereum) return true;
    let found = false;
    const onAnnounce = () => { found = true; };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    window.removeEventListener('eip6963:announceProvider', onAnnounce);
    return found;
  }

  globalThis.AcwDevWallet = { createDevWallet, pageHasWallet, toHexChainId };
})();
