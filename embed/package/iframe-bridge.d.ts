// Types of ai-credits-widget/iframe-bridge: the host side of the iframe embed (docs/embedding.md).
import type { EIP1193Provider } from './index.js';

export interface BridgeOptions {
  /** The <iframe> whose src is the widget's iframe.html?parent=<your origin>&… */
  iframe: HTMLIFrameElement;
  /** Exactly the iframe's origin, e.g. `https://widget.example`. */
  origin: string;
  /** Your page's wallet; null shows "no wallet found". */
  provider?: EIP1193Provider | null;
  /** The EIP-1193 methods the widget may call (default: the reads and prompts it uses). */
  methods?: string[];
  /** ms: `prompt` for requests that open the wallet (default 120000), `read` (default 15000). */
  timeoutMs?: { prompt?: number; read?: number };
  /** Sets the iframe's style.height from the content height (default true). */
  autoResize?: boolean;
  onResize?: ((height: number) => void) | null;
}

export interface Bridge {
  /** Resolved when the iframe page has started its session. */
  readonly ready: Promise<void>;
  readonly stats: { requests: number; ignored: number };
  readonly origin: string;
  /** Removes every listener. */
  destroy(): void;
}

export declare function bridge(options: BridgeOptions): Bridge;
