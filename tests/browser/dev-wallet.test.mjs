// host-examples/dev-wallet.js, in Node (no window, so no EIP-6963 announcement here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDevWallet } from '../../host-examples/dev-wallet.mjs';
import { ACCOUNT_1, ACCOUNT_2, TOKEN, devWalletOptions } from './helpers.mjs';

const call = (w, to, addr) => w.request({ method: 'eth_call', params: [{ to, data: '0x70a08231' + addr.slice(2).toLowerCase().padStart(64, '0') }, 'latest'] });
const code = (p) => p.then(() => 'resolved', (e) => e.code);
const tick = () => new Promise((r) => setTimeout(r, 5));

test('accounts appear after eth_requestAccounts, with accountsChanged', async () => {
  const w = createDevWallet(devWalletOptions());
  const seen = [];
  w.on('accountsChanged', (a) => seen.push(a));
  assert.deepEqual(await w.request({ method: 'eth_accounts' }), []);
  assert.deepEqual(await w.request({ method: 'eth_requestAccounts' }), [ACCOUNT_1]);
  assert.deepEqual(await w.request({ method: 'eth_accounts' }), [ACCOUNT_1]);
  assert.equal(await w.request({ method: 'eth_chainId' }), '0x7a69');
  await tick();
  assert.deepEqual(seen, [[ACCOUNT_1]]);
  assert.deepEqual(w.requests.map((r) => r.method), ['eth_accounts', 'eth_requestAccounts', 'eth_accounts', 'eth_chainId']);
});

test('balanceOf answers a 32-byte word for the configured token only', async () => {
  const w = createDevWallet(devWalletOptions());
  const word = await call(w, TOKEN.toLowerCase(), ACCOUNT_1);
  assert.equal(word.length, 66);
  assert.equal(BigInt(word), 1234500000000000000000n);
  assert.equal(BigInt(await call(w, TOKEN, ACCOUNT_2)), 42n * 10n ** 18n);
  assert.equal(BigInt(await call(w, TOKEN, '0x' + '11'.repeat(20))), 0n);
  assert.equal(await call(w, '0x' + '22'.repeat(20), ACCOUNT_1), '0x');
});

test('behaviors: reject 4001, pending -32002, hang, unsupported 4200', async () => {
  const w = createDevWallet(devWalletOptions({ behavior: { eth_requestAccounts: 'reject' } }));
  assert.equal(await code(w.request({ method: 'eth_requestAccounts' })), 4001);
  w.behavior.eth_requestAccounts = 'pending';
  assert.equal(await code(w.request({ method: 'eth_requestAccounts' })), -32002);
  w.behavior.eth_requestAccounts = 'hang';
  const hung = await Promise.race([w.request({ method: 'eth_requestAccounts' }).then(() => 'answered'), new Promise((r) => setTimeout(() => r('hung'), 30))]);
  assert.equal(hung, 'hung');
  assert.equal(await code(w.request({ method: 'eth_sendRawTransaction', params: [] })), 4200);
  assert.equal(w.countRequests('eth_requestAccounts'), 3);
});

test('switch and add chain: 4902 for unknown chains, chainChanged on success', async () => {
  const w = createDevWallet(devWalletOptions({ chainId: '0x1', chains: ['0x1'] }));
  const changes = [];
  w.on('chainChanged', (c) => changes.push(c));
  assert.equal(await code(w.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] })), 4902);
  await w.request({ method: 'wallet_addEthereumChain', params: [{ chainId: '0x7a69', chainName: 'Anvil', rpcUrls: ['http://127.0.0.1:8545'] }] });
  assert.equal(await w.request({ method: 'eth_chainId' }), '0x7a69');
  assert.equal(await w.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }), null);
  await tick();
  assert.deepEqual(changes, ['0x7a69', '0x1']);
});

test('helpers emit accountsChanged / chainChanged / disconnect; removeListener works', async () => {
  const w = createDevWallet(devWalletOptions({ connected: true }));
  const log = [];
  const onAcc = (a) => log.push(['accounts', a]);
  w.on('accountsChanged', onAcc).on('chainChanged', (c) => log.push(['chain', c])).on('disconnect', (e) => log.push(['disconnect', e.code]));
  w.switchAccount(ACCOUNT_2);
  w.switchChain(5);
  w.revokeAccounts();
  w.disconnect();
  await tick();
  assert.deepEqual(log, [['accounts', [ACCOUNT_2]], ['chain', '0x5'], ['accounts', []], ['disconnect', 4900]]);
  w.removeListener('accountsChanged', onAcc);
  assert.equal(w.listenerCount('accountsChanged'), 0);
});
