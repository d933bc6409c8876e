// ES module entry for the dev wallet (the implementation is the classic script beside it).
import './dev-wallet.js';

export const { createDevWallet, pageHasWallet, toHexChainId } = globalThis.AcwDevWallet;
