// wagmi on the local chain (anvil, 31337) with the injected connector (window.ethereum).
import { createConfig, http, injected } from 'wagmi';
import { anvil } from 'wagmi/chains';

export function wagmiConfig(rpcUrl: string) {
  return createConfig({
    chains: [anvil],
    connectors: [injected()],
    transports: { [anvil.id]: http(rpcUrl) },
  });
}
