// chain/lib/pay.mjs (dependency-free) must produce exactly what ethers' ABI coder produces.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Interface, id, AbiCoder } from 'ethers';
import {
  SELECTORS, OPERATION_TYPE, EVENT_TOPICS, encodeOneTimePayment, encodeBatchCall, encodeDepositFromAction,
  encodeAccountUserData, encodeApproveOperationData, oneTimePaymentTx,
} from '../../chain/lib/pay.mjs';
import { HOST_ABI, TOKEN_ABI } from '../../chain/lib/deploy.mjs';
import { vaultIface } from './helpers.mjs';

const coder = AbiCoder.defaultAbiCoder();
const host = new Interface(HOST_ABI);
const TOKEN = '0x8636F799a27b94e5C72F7e41bcCc8CF269AaBA6E';
const VAULT = '0xa82fF9aFd8f496c3d6ac40E2a0F282E47488CFc9';
const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const GOLDEN = '0x6ad3ca7d' +
  '0000000000000000000000000000000000000000000000000000000000000020' +
  '0000000000000000000000000000000000000000000000000000000000000002' +
  '0000000000000000000000000000000000000000000000000000000000000040' +
  '0000000000000000000000000000000000000000000000000000000000000100' +
  '0000000000000000000000000000000000000000000000000000000000000001' +
  '0000000000000000000000008636f799a27b94e5c72f7e41bccc8cf269aaba6e' +
  '0000000000000000000000000000000000000000000000000000000000000060' +
  '0000000000000000000000000000000000000000000000000000000000000040' +
  '000000000000000000000000a82ff9afd8f496c3d6ac40e2a0f282e47488cfc9' +
  '00000000000000000000000000000000000000000000003635c9adc5dea00000' +
  '00000000000000000000000000000000000000000000000000000000000000ca' +
  '000000000000000000000000a82ff9afd8f496c3d6ac40e2a0f282e47488cfc9' +
  '0000000000000000000000000000000000000000000000000000000000000060' +
  '00000000000000000000000000000000000000000000000000000000000000c4' +
  '242fee6300000000000000000000000000000000000000000000003635c9adc5' +
  'dea0000000000000000000000000000000000000000000000000000000000000' +
  '0000006000000000000000000000000000000000000000000000000000000000' +
  '000000a000000000000000000000000000000000000000000000000000000000' +
  '0000002000000000000000000000000070997970c51812dc3a010c7d01b50e0d' +
  '17dc79c800000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000';

test('selectors match their signatures', () => {
  const sel = (sig) => id(sig).slice(0, 10);
  assert.equal(SELECTORS.batchCall, sel('batchCall((uint32,address,bytes)[])'));
  assert.equal(SELECTORS.batchCall, '0x6ad3ca7d');
  assert.equal(SELECTORS.depositFromAction, sel('depositFromAction(uint256,bytes,bytes)'));
  assert.equal(SELECTORS.depositFromAction, vaultIface.getFunction('depositFromAction').selector);
  assert.equal(SELECTORS.approve, new Interface(TOKEN_ABI).getFunction('approve').selector);
  assert.equal(SELECTORS.balanceOf, '0x70a08231');
  assert.equal(EVENT_TOPICS.Deposited, vaultIface.getEvent('Deposited').topicHash);
  assert.equal(EVENT_TOPICS.Deposited, id('Deposited(address,address,uint256,uint256)'));
  assert.equal(EVENT_TOPICS.StreamUpdated, vaultIface.getEvent('StreamUpdated').topicHash);
  assert.equal(OPERATION_TYPE.ERC20_APPROVE, 1);
  assert.equal(OPERATION_TYPE.SUPERFLUID_CALL_APP_ACTION, 202);
});

for (const amount of [1n, 100n * 10n ** 18n, 1234567890123456789012345678901n, (1n << 256n) - 1n]) {
  test(`one-time payment calldata equals ethers' encoding (amount ${amount})`, () => {
    const userData = coder.encode(['address'], [ACCOUNT]);
    const action = vaultIface.encodeFunctionData('depositFromAction', [amount, userData, '0x']);
    const approve = coder.encode(['address', 'uint256'], [VAULT, amount]);
    const expected = host.encodeFunctionData('batchCall', [[
      { operationType: 1, target: TOKEN, data: approve },
      { operationType: 202, target: VAULT, data: action },
    ]]);
    assert.equal(encodeAccountUserData(ACCOUNT), userData.toLowerCase());
    assert.equal(encodeApproveOperationData(VAULT, amount), approve.toLowerCase());
    assert.equal(encodeDepositFromAction(amount, userData), action.toLowerCase());
    assert.equal(encodeOneTimePayment({ token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: amount }),
      expected.toLowerCase());
    // decimal strings work as well (amounts cross boundaries as decimal strings of wei)
    assert.equal(encodeOneTimePayment({ token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: amount.toString() }),
      expected.toLowerCase());
  });
}

// Golden vector, also printed in chain/README.md for the C++ widget's own test.
test('golden vector: 1,000 G$ crediting account #1', () => {
  const data = encodeOneTimePayment({ token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: '1000000000000000000000' });
  assert.equal(data, GOLDEN);
});

test('generic batchCall encoding: 0, 1 and 3 operations with odd-length data', () => {
  const ops = [
    { operationType: 1, target: TOKEN, data: '0x' },
    { operationType: 4294967295, target: VAULT, data: '0x' + 'ab'.repeat(33) },
    { operationType: 202, target: ACCOUNT, data: '0x01' },
  ];
  for (const list of [[], ops.slice(0, 1), ops]) {
    assert.equal(encodeBatchCall(list), host.encodeFunctionData('batchCall', [list]).toLowerCase());
  }
});

test('payment tx goes to the host with no value', () => {
  const tx = oneTimePaymentTx({ from: ACCOUNT, host: VAULT, token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: 5n });
  assert.equal(tx.to, VAULT.toLowerCase());
  assert.equal(tx.value, '0x0');
  assert.equal(tx.from, ACCOUNT);
  assert.ok(tx.data.startsWith('0x6ad3ca7d'));
  // layout: selector + 0x20 + len 2 + 2 offsets + tuple(approve: 3 words + len + 2 words) + tuple(action: 3 + len + 7 words: 196 bytes padded)
  assert.equal((tx.data.length - 10) / 64, 1 + 1 + 2 + (3 + 1 + 2) + (3 + 1 + 7));
  assert.equal((tx.data.length - 2) / 2, 4 + 21 * 32); // 676 bytes
});

test('bad input is refused', () => {
  assert.throws(() => encodeAccountUserData('0x1234'), TypeError);
  assert.throws(() => encodeOneTimePayment({ token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: -1n }), RangeError);
  assert.throws(() => encodeOneTimePayment({ token: TOKEN, vault: VAULT, account: ACCOUNT, amountWei: 1n << 256n }), RangeError);
});
