// Shared by the host-example pages: install the dev wallet when the page has no wallet,
// wire the dev-wallet note's buttons, and list the widget's events. Classic script.
//
// Served by the full demo (scripts/demo.sh) the page finds /stack.json: the local chain and
// backend. The dev wallet then forwards to the real node and asks before it signs; the widget
// is pointed at the real contracts and backend. Without it, the wallet is scripted.
(function () {
  const ACCOUNT_1 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'; // anvil dev account #0
  const ACCOUNT_2 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'; // anvil dev account #1
  const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';     // scripted demo only

  window.ACW_DEMO = { ACCOUNT_1, ACCOUNT_2, TOKEN, CHAIN_ID: '0x7a69' };
  const hasWallet = AcwDevWallet.pageHasWallet();

  // Approve / reject panel for requests that sign or send (a real wallet's confirm screen).
  const DESCRIBE = {
    eth_requestAccounts: 'Connect this site to your account',
    eth_sendTransaction: 'Send a transaction',
    personal_sign: 'Sign a message (sign-in)',
  };
  function ask({ method, params }) {
    return new Promise((resolve) => {
      const panel = document.createElement('div');
      panel.className = 'wallet-prompt';
      panel.setAttribute('role', 'dialog');
      const title = document.createElement('strong');
      title.textContent = `Dev wallet: ${DESCRIBE[method] || method}`;
      const detail = document.createElement('pre');
      const p0 = params && params[0];
      detail.textContent = method === 'eth_sendTransaction' && p0 ? `to ${p0.to}\ndata ${String(p0.data).slice(0, 74)}…` :
        method === 'personal_sign' ? hexToText(p0) : '';
      const yes = button('Approve', 'primary', true);
      const no = button('Reject', '', false);
      function button(label, cls, answer) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.className = cls;
        b.dataset.answer = answer ? 'approve' : 'reject';
        b.addEventListener('click', () => { panel.remove(); resolve(answer); });
        return b;
      }
      panel.append(title, detail, yes, no);
      document.body.append(panel);
    });
  }
  function hexToText(hex) {
    try {
      const bytes = String(hex).slice(2).match(/../g).map((h) => parseInt(h, 16));
      return new TextDecoder().decode(new Uint8Array(bytes));
    } catch { return ''; }
  }

  function installScripted() {
    window.devWallet = AcwDevWallet.createDevWallet({
      accounts: [ACCOUNT_1, ACCOUNT_2],
      chainId: '0x7a69',
      chains: ['0x7a69', '0x1'],
      tokenAddress: TOKEN,
      balancesWei: { [ACCOUNT_1]: '1234500000000000000000', [ACCOUNT_2]: '42000000000000000000' },
      latencyMs: 250,
    });
  }

  function installOnNode(stack) {
    window.devWallet = AcwDevWallet.createDevWallet({
      accounts: stack.deployment.accounts.slice(0, 3),
      chainId: '0x7a69',
      chains: ['0x7a69', '0x1'],
      rpcUrl: stack.rpcUrl,
      ask,
      behavior: { eth_requestAccounts: 'ask', eth_sendTransaction: 'ask', personal_sign: 'ask' },
    });
  }

  // Points every widget on the page at the local chain and backend.
  function configureWidgets(stack) {
    for (const el of document.querySelectorAll('ai-credits-widget')) {
      el.setAttribute('backend-url', stack.backendUrl);
      el.setAttribute('token-address', stack.deployment.token);
      el.setAttribute('rpc-url', stack.rpcUrl);
      el.setAttribute('chain-id', String(stack.deployment.chainId));
    }
  }

  window.ACW_DEMO.ready = fetch('/stack.json')
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((stack) => {
      window.ACW_DEMO.stack = stack;
      if (stack) configureWidgets(stack);
      if (!hasWallet) {
        if (stack) installOnNode(stack); else installScripted();
        document.documentElement.dataset.devWallet = stack ? 'node' : 'on';
      }
      return stack;
    });

  document.addEventListener('click', (e) => {
    const action = e.target.closest && e.target.closest('[data-wallet]');
    if (!action || !window.devWallet) return;
    const w = window.devWallet;
    const accounts = window.ACW_DEMO.stack ? window.ACW_DEMO.stack.deployment.accounts : [ACCOUNT_1, ACCOUNT_2];
    const a = action.dataset.wallet;
    if (a === 'account') {
      const i = accounts.findIndex((x) => x.toLowerCase() === String(w.selectedAddress).toLowerCase());
      w.switchAccount(accounts[(i + 1) % 2]);
    } else if (a === 'chain') w.switchChain(w.chainId === '0x7a69' ? '0x1' : '0x7a69');
    else if (a === 'revoke') w.revokeAccounts();
  });
})();

// A small event log: <ul class="events"> gets one line per widget event.
for (const name of ['state-change', 'pay-success', 'pay-error', 'stream-change']) {
  document.addEventListener(name, (e) => {
    const log = document.querySelector('ul.events');
    if (!log) return;
    const li = document.createElement('li');
    const who = e.target.id ? `#${e.target.id} ` : '';
    li.textContent = `${new Date().toLocaleTimeString()} ${who}${name} ${JSON.stringify(e.detail)}`;
    log.prepend(li);
  });
}

// Called by the widget script tag's onerror.
function widgetMissing() {
  document.querySelectorAll('.note.missing').forEach((n) => n.classList.add('shown'));
}
