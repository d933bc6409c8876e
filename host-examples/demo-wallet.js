// Shared by the host-example pages: install the dev wallet when the page has no wallet,
// wire the dev-wallet note's buttons, and list the widget's events. Classic script.
(function () {
  const ACCOUNT_1 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'; // anvil dev account #0
  const ACCOUNT_2 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'; // anvil dev account #1
  const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';     // first contract anvil deploys

  window.ACW_DEMO = { ACCOUNT_1, ACCOUNT_2, TOKEN, CHAIN_ID: '0x7a69' };
  if (AcwDevWallet.pageHasWallet()) return;

  window.devWallet = AcwDevWallet.createDevWallet({
    accounts: [ACCOUNT_1, ACCOUNT_2],
    chainId: '0x7a69',
    chains: ['0x7a69', '0x1'],
    tokenAddress: TOKEN,
    balancesWei: { [ACCOUNT_1]: '1234500000000000000000', [ACCOUNT_2]: '42000000000000000000' },
    latencyMs: 250,
  });
  document.documentElement.dataset.devWallet = 'on';

  document.addEventListener('click', (e) => {
    const action = e.target.closest && e.target.closest('[data-wallet]');
    if (!action) return;
    const w = window.devWallet;
    const a = action.dataset.wallet;
    if (a === 'account') w.switchAccount(w.selectedAddress === ACCOUNT_2 ? ACCOUNT_1 : ACCOUNT_2);
    else if (a === 'chain') w.switchChain(w.chainId === '0x7a69' ? '0x1' : '0x7a69');
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
