// A dApp page: wagmi connects the wallet, the widget gets wagmi's provider, and the widget's
// events are listed beside it.
import { useCallback, useState } from 'react';
import { useConnect, useConnection, useConnectors, useDisconnect } from 'wagmi';
import { anvil } from 'wagmi/chains';
import { AiCreditsWidget } from 'ai-credits-widget/react';
import type { WidgetEventDetails, WidgetEventName } from 'ai-credits-widget';
import type { Stack } from './stack';
import { useWalletProvider } from './use-wallet-provider';

interface LogLine {
  key: number;
  name: WidgetEventName;
  detail: WidgetEventDetails[WidgetEventName];
}

let nextKey = 1;

export function App({ stack, devWallet }: { stack: Stack; devWallet: boolean }) {
  const { address, status } = useConnection();
  const connectors = useConnectors();
  const { connect, error } = useConnect();
  const { disconnect } = useDisconnect();
  const provider = useWalletProvider();
  const [shown, setShown] = useState(true);
  const [events, setEvents] = useState<LogLine[]>([]);

  const logged = useCallback(<K extends WidgetEventName>(name: K) => (event: CustomEvent<WidgetEventDetails[K]>) => {
    setEvents((lines) => [{ key: nextKey++, name, detail: event.detail }, ...lines].slice(0, 40));
  }, []);
  const injected = connectors.find((c) => c.id === 'injected');

  return (
    <>
      <header>
        <div className="logo" />
        <h1>Acme AI Studio</h1>
        <span className="tag">React + wagmi</span>
      </header>
      <main>
        <section className="card">
          <h2>Wallet (wagmi)</h2>
          {status === 'connected' ? (
            <p id="wallet-status" data-status="connected">Connected {address} on chain {anvil.id}</p>
          ) : (
            <p id="wallet-status" data-status={status}>Not connected</p>
          )}
          <div className="actions">
            {status !== 'connected' && injected && (
              <button id="connect" className="primary" type="button" onClick={() => connect({ connector: injected })}>
                Connect wallet
              </button>
            )}
            {status === 'connected' && (
              <button id="disconnect" type="button" onClick={() => disconnect()}>Disconnect</button>
            )}
            <button id="toggle-widget" type="button" onClick={() => setShown((s) => !s)}>
              {shown ? 'Hide widget' : 'Show widget'}
            </button>
          </div>
          {error && <p className="error">{error.message}</p>}
          {devWallet && <p className="note">Dev wallet: anvil&apos;s unlocked accounts; it approves every request.</p>}
          <h2>Widget events</h2>
          <ul id="events">
            {events.map((line) => (
              <li key={line.key} data-event={line.name}>
                <strong>{line.name}</strong> <code>{JSON.stringify(line.detail)}</code>
              </li>
            ))}
          </ul>
        </section>
        <aside className="widget-col">
          {!shown ? null : provider ? (
            <AiCreditsWidget
              id="credits"
              provider={provider}
              chainId={anvil.id}
              theme="light"
              locale="en"
              config={{
                chainName: 'Anvil (local)',
                tokenAddress: stack.deployment.token,
                tokenSymbol: 'G$',
                rpcUrl: stack.rpcUrl,
                backendUrl: stack.backendUrl,
              }}
              onStateChange={logged('state-change')}
              onPaySuccess={logged('pay-success')}
              onPayError={logged('pay-error')}
              onStreamChange={logged('stream-change')}
            />
          ) : (
            <div id="widget-placeholder" className="placeholder">Connect your wallet to buy AI credits.</div>
          )}
        </aside>
      </main>
    </>
  );
}
