// The demo's stand-in for a wallet extension: on a browser without one, the dev wallet of
// host-examples/ (anvil's unlocked accounts, forwarding to the local node; it approves every
// request) becomes window.ethereum, which wagmi's injected connector then uses.
import type { EIP1193Provider } from 'ai-credits-widget';
import type { Stack } from './stack';

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
    AcwDevWallet?: { createDevWallet(options: object): EIP1193Provider };
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

export async function installDevWalletIfNone(stack: Stack): Promise<boolean> {
  if (window.ethereum) return false;
  await loadScript('/host-examples/dev-wallet.js');
  window.ethereum = window.AcwDevWallet!.createDevWallet({
    accounts: stack.deployment.accounts.slice(0, 3),
    chainId: '0x7a69',
    chains: ['0x7a69'],
    rpcUrl: stack.rpcUrl,
    announce: false,
  });
  return true;
}
