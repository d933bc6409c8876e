// Crediting after confirmations, on anvil with the real dev backend (--confirmations 3): a
// payment is credited once its block is 3 deep, by the record route and by the scanner; until
// then record answers 202 with how far it is; a payment whose receipt disappears before that
// (evm_snapshot before it, evm_revert after it: what a reorg does) is never credited.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDeployment } from '../../chain/lib/deploy.mjs';
import { oneTimePaymentTx } from '../../chain/lib/pay.mjs';
import { setupChain, G } from './helpers.mjs';
import { startBackend } from './backend-process.mjs';

let c;
let backend;
let dir;

test.before(async () => {
  c = await setupChain();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acw-confirmations-'));
  const deploymentFile = path.join(dir, 'deployment.json');
  writeDeployment(deploymentFile, c.d);
  backend = await startBackend(deploymentFile, path.join(dir, 'backend.sqlite'),
    ['--scan-interval-ms', '100', '--confirmations', '3']);
});

test.after(async () => {
  await backend?.stop();
  await c?.node.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function api(method, route, body) {
  const res = await fetch(backend.url + route, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const pay = (account, amountWei) =>
  c.rpc.send(oneTimePaymentTx({ from: account, host: c.d.host, token: c.d.token, vault: c.d.vault, account, amountWei }));
const record = (receipt) => api('POST', '/v1/celo/events/record', { txHash: receipt.transactionHash });
const mine = () => c.rpc.call('evm_mine', []);
const credited = async (account) => (await api('GET', `/v1/accounts/${account.toLowerCase()}/profile`)).json.totalCreditUsd;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

test('a payment reverted away before 3 confirmations is never credited; one that stays is, once 3 deep', async () => {
  const account = c.d.accounts[8];
  const snapshot = await c.rpc.call('evm_snapshot', []);
  const lost = await pay(account, 200n * G);
  let r = await record(lost);
  assert.equal(r.status, 202, JSON.stringify(r.json));
  assert.equal(r.json.status, 'pending');
  assert.equal(r.json.confirmations, 1);
  assert.equal(r.json.requiredConfirmations, 3);
  await mine();
  r = await record(lost);
  assert.equal(r.json.confirmations, 2);
  await sleep(400);  // the scanner (every 100 ms) has looked too
  assert.equal(await credited(account), '0');

  // The reorg: the receipt is gone; the chain grows past where it would have been 3 deep.
  assert.equal(await c.rpc.call('evm_revert', [snapshot]), true);
  assert.equal(await c.rpc.call('eth_getTransactionReceipt', [lost.transactionHash]), null);
  for (let i = 0; i < 4; i++) await mine();
  r = await record(lost);
  assert.equal(r.status, 202);
  assert.equal(r.json.confirmations, undefined);
  await sleep(400);
  assert.equal(await credited(account), '0', `never credited\n${backend.log().slice(-2000)}`);

  // A payment that stays: pending at 1 and 2 confirmations, credited at 3 (200 G$ at
  // 10,000 micro-USD per G$ = 2,000,000, + 10 % bonus).
  const kept = await pay(account, 200n * G);
  r = await record(kept);
  assert.equal(r.status, 202);
  assert.equal(r.json.confirmations, 1);
  await mine();
  await mine();
  r = await record(kept);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.events.length, 1);
  assert.equal(await credited(account), '2200000');
});
