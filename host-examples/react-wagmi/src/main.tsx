import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WagmiProvider } from 'wagmi';
import { App } from './App';
import { installDevWalletIfNone } from './dev-wallet';
import { loadStack } from './stack';
import { wagmiConfig } from './wagmi';
import './app.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const stack = await loadStack();
  if (!stack) {
    root.render(<p className="missing">No local chain: start it with scripts/demo.sh and open this page from there.</p>);
    return;
  }
  const devWallet = await installDevWalletIfNone(stack);
  const queryClient = new QueryClient();
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmiConfig(stack.rpcUrl)}>
        <QueryClientProvider client={queryClient}>
          <App stack={stack} devWallet={devWallet} />
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  );
}

start();
