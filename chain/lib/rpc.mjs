// A tiny JSON-RPC client for the local node (Node 20's fetch), enough for deploys and tests.
export class RpcError extends Error {
  constructor(method, error) {
    super(`${method}: ${error.message}`);
    this.code = error.code;
    this.data = error.data;
  }
}

export function rpcClient(url) {
  let id = 0;
  async function call(method, params = []) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = await res.json();
    if (body.error) throw new RpcError(method, body.error);
    return body.result;
  }

  /** eth_sendTransaction from an unlocked account; resolves with the receipt, throws on revert. */
  async function send(tx) {
    const hash = await call('eth_sendTransaction', [tx]);
    const receipt = await waitReceipt(hash);
    if (receipt.status !== '0x1') {
      const err = new Error(`transaction ${hash} reverted`);
      err.receipt = receipt;
      throw err;
    }
    return receipt;
  }

  async function waitReceipt(hash, { timeoutMs = 30_000 } = {}) {
    const end = Date.now() + timeoutMs;
    for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
      const r = await call('eth_getTransactionReceipt', [hash]);
      if (r) return r;
      if (Date.now() > end) throw new Error(`no receipt for ${hash}`);
      await new Promise((ok) => setTimeout(ok, delay));
    }
  }

  return { url, call, send, waitReceipt };
}
