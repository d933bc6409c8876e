// The EIP-1193 provider of wagmi's connected connector: what the widget talks to, so the widget
// and the rest of the dApp use one wallet connection.
import { useEffect, useState } from 'react';
import { useConnection } from 'wagmi';
import type { EIP1193Provider } from 'ai-credits-widget';

export function useWalletProvider(): EIP1193Provider | null {
  const { connector, status } = useConnection();
  const [provider, setProvider] = useState<EIP1193Provider | null>(null);
  useEffect(() => {
    if (status !== 'connected' || !connector) {
      setProvider(null);
      return undefined;
    }
    let current = true;
    // wagmi types every connector's provider as unknown; the injected one is an EIP-1193 provider.
    connector.getProvider().then((p) => {
      if (current) setProvider(p as EIP1193Provider);
    });
    return () => {
      current = false;
    };
  }, [connector, status]);
  return provider;
}
