// One-time payment calldata for the credits vault, with no dependencies: the exact ABI
// encoding that the C++ widget must produce (tests cross-check it against ethers).
//
//   to:   Superfluid host
//   data: batchCall((uint32 operationType, address target, bytes data)[] operations)
//         [ { 1,   token, abi.encode(address vault, uint256 amountWei) },                 // ERC20_APPROVE
//           { 202, vault, depositFromAction(amountWei, abi.encode(account), "") } ]      // CALL_APP_ACTION
//
// The ctx argument of the app action is an EMPTY bytes placeholder: the host replaces it
// with the real context (it reverts HOST_NON_ZERO_LENGTH_PLACEHOLDER_CTX otherwise).

export const SELECTORS = Object.freeze({
  batchCall: '0x6ad3ca7d', // batchCall((uint32,address,bytes)[])
  depositFromAction: '0x242fee63', // depositFromAction(uint256,bytes,bytes)
  approve: '0x095ea7b3', // approve(address,uint256)
  balanceOf: '0x70a08231', // balanceOf(address)
  allowance: '0xdd62ed3e', // allowance(address,address)
});

/** topic0 of the vault's events (keccak256 of the signature). */
export const EVENT_TOPICS = Object.freeze({
  // Deposited(address indexed account, address indexed payer, uint256 amountWei, uint256 priceMicroUsdPerG)
  Deposited: '0xf5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5',
  // StreamUpdated(address indexed account, address indexed sender, int96 flowRateWeiPerSecond, uint256 priceMicroUsdPerG)
  StreamUpdated: '0xff54253f8f88b3014381cf9deaeb63c9d8ce89673190edc9ade405f07a48feec',
});

export const OPERATION_TYPE = Object.freeze({
  ERC20_APPROVE: 1,
  SUPERFLUID_CALL_APP_ACTION: 202,
});

const WORD = 64; // hex chars per 32-byte word

function strip0x(hex) {
  return hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
}

/** uint256 (bigint | number | decimal string) as one 32-byte word. */
export function encodeUint(value) {
  const v = BigInt(value);
  if (v < 0n || v >= 1n << 256n) throw new RangeError(`uint256 out of range: ${value}`);
  return v.toString(16).padStart(WORD, '0');
}

/** address as one 32-byte word (left-padded). */
export function encodeAddress(addr) {
  const h = strip0x(String(addr));
  if (!/^[0-9a-fA-F]{40}$/.test(h)) throw new TypeError(`not an address: ${addr}`);
  return h.toLowerCase().padStart(WORD, '0');
}

/** Tail encoding of `bytes`: length word + data right-padded to 32 bytes. */
export function encodeBytesTail(hex) {
  const h = strip0x(hex).toLowerCase();
  if (h.length % 2 || !/^[0-9a-f]*$/.test(h)) throw new TypeError('bad hex bytes');
  const padded = h.padEnd(Math.ceil(h.length / WORD) * WORD, '0');
  return encodeUint(h.length / 2) + padded;
}

/** userData = abi.encode(address account): exactly 32 bytes. */
export function encodeAccountUserData(account) {
  return '0x' + encodeAddress(account);
}

/** data of the ERC20_APPROVE operation: abi.encode(address spender, uint256 amount). */
export function encodeApproveOperationData(spender, amountWei) {
  return '0x' + encodeAddress(spender) + encodeUint(amountWei);
}

/** depositFromAction(uint256 amount, bytes userData, bytes ctx) with ctx = "" (placeholder). */
export function encodeDepositFromAction(amountWei, userDataHex) {
  const userData = encodeBytesTail(userDataHex);
  const ctx = encodeBytesTail('0x');
  const head = encodeUint(amountWei) + encodeUint(3 * 32) + encodeUint(3 * 32 + userData.length / 2);
  return SELECTORS.depositFromAction + head + userData + ctx;
}

/** batchCall(Operation[]) calldata for operations [{operationType, target, data}]. */
export function encodeBatchCall(operations) {
  const tuples = operations.map(({ operationType, target, data }) => {
    const t = Number(operationType);
    if (!Number.isInteger(t) || t < 0 || t > 0xffffffff) throw new RangeError('operationType is uint32');
    // (uint32, address, bytes): static head of 3 words, the bytes offset is 0x60 within the tuple.
    return encodeUint(t) + encodeAddress(target) + encodeUint(3 * 32) + encodeBytesTail(data);
  });
  // Array: length, then one offset per element (relative to the first offset word), then elements.
  let offset = operations.length * 32;
  const offsets = tuples.map((tuple) => {
    const o = encodeUint(offset);
    offset += tuple.length / 2;
    return o;
  });
  return SELECTORS.batchCall + encodeUint(32) + encodeUint(operations.length) + offsets.join('') + tuples.join('');
}

/** The two operations of a one-time payment. */
export function oneTimePaymentOperations({ token, vault, account, amountWei }) {
  return [
    { operationType: OPERATION_TYPE.ERC20_APPROVE, target: token, data: encodeApproveOperationData(vault, amountWei) },
    {
      operationType: OPERATION_TYPE.SUPERFLUID_CALL_APP_ACTION,
      target: vault,
      data: encodeDepositFromAction(amountWei, encodeAccountUserData(account)),
    },
  ];
}

/** calldata of host.batchCall for a one-time payment crediting `account`. */
export function encodeOneTimePayment({ token, vault, account, amountWei }) {
  return encodeBatchCall(oneTimePaymentOperations({ token, vault, account, amountWei }));
}

/** A transaction object ready for eth_sendTransaction: {from, to: host, data, value: '0x0'}. */
export function oneTimePaymentTx({ from, host, token, vault, account, amountWei }) {
  const tx = { to: '0x' + encodeAddress(host).slice(24), data: encodeOneTimePayment({ token, vault, account, amountWei }), value: '0x0' };
  if (from) tx.from = from;
  return tx;
}
