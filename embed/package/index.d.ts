// Types of the ES module (`import { mount } from 'ai-credits-widget'`) and of the
// <ai-credits-widget> element it defines. Written by hand; docs/embedding.md describes each member.

/** The 17 state names (docs/states.md): one is reported at a time. */
export type WidgetState =
  | 'disconnected'
  | 'unsupported_chain'
  | 'connected_empty'
  | 'quote_ready'
  | 'insufficient_g_balance'
  | 'payment_pending'
  | 'payment_confirmed'
  | 'payment_failed'
  | 'backend_unavailable'
  | 'has_credits'
  | 'usage_empty'
  | 'usage_active'
  | 'insufficient_ai_credits'
  | 'streaming_setup'
  | 'streaming_active'
  | 'streaming_paused'
  | 'streaming_stopped';

// ---- the wallet

export interface EIP1193RequestArguments {
  readonly method: string;
  readonly params?: readonly unknown[] | object;
}

/** An EIP-1193 provider: window.ethereum, an EIP-6963 wallet, wagmi's `connector.getProvider()`. */
export interface EIP1193Provider {
  request(args: EIP1193RequestArguments): Promise<unknown>;
  /** The widget listens for accountsChanged, chainChanged and disconnect when the provider has `on`. */
  on?(event: string, listener: (...args: any[]) => void): unknown;
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
  off?(event: string, listener: (...args: any[]) => void): unknown;
}

// ---- configuration

export type Theme = 'light' | 'dark' | 'auto';
export type BuyMode = 'once' | 'stream';

/** The create-time configuration (docs/c-api.md); the element's `config` is merged over its attributes. */
export interface WidgetConfig {
  /** The chain payments go to: `42220`, `'42220'` or `'0xa4ec'`. */
  chainId?: string | number;
  chainName?: string;
  /** The G$ token. */
  tokenAddress?: string;
  tokenSymbol?: string;
  rpcUrl?: string;
  explorerUrl?: string;
  /** The credits backend (prices, crediting, API keys, usage). */
  backendUrl?: string;
  nativeSymbol?: string;
  theme?: Theme;
  /** `en` or `es` (also `es-AR`, `es_ES`, …). */
  locale?: string;
  mode?: BuyMode;
  /** Any CSS color. */
  accent?: string;
  /** Corner radius in px, 0–20. */
  radius?: number | string;
  /** Font size in px, 11–22. */
  fontSize?: number | string;
  /** Pins the backing-store scale (0.5–4) instead of devicePixelRatio. */
  dpr?: number | string;
  walletTimeoutMs?: number | string;
  httpTimeoutMs?: number | string;
}

// ---- the test and accessibility hook

export type ItemRole = 'button' | 'input' | 'checkbox' | 'link' | 'text';

export interface ItemRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One visible item; `id` is stable (`connect`, `amount`, `pay`, `mode.stream`, …), rects in CSS px of the canvas. */
export interface SnapshotItem {
  id: string;
  label: string;
  role: ItemRole;
  rect: ItemRect;
  enabled: boolean;
}

export interface Snapshot {
  state: WidgetState;
  items: SnapshotItem[];
}

// ---- events (bubbling, composed CustomEvents)

export interface StateChangeDetail {
  state: WidgetState;
}

export interface PaySuccessDetail {
  /** Lower-case 0x address. */
  account: string;
  /** Hex chain id, e.g. `0xa4ec`. */
  chainId: string;
  txHash: string;
  /** Credits added, a decimal string (`"110"`, `"12.5"`). */
  credits: string;
}

export interface PayErrorDetail {
  account: string;
  chainId: string;
  message: string;
  /** Present when the transaction was sent: never tell the user they were not charged. */
  txHash?: string;
}

export type StreamState = 'active' | 'paused' | 'stopped' | 'none';

export interface StreamChangeDetail {
  state: StreamState;
  /** Decimal string of wei per second. */
  flowRateWeiPerSecond: string;
}

export interface WidgetEventDetails {
  'state-change': StateChangeDetail;
  'pay-success': PaySuccessDetail;
  'pay-error': PayErrorDetail;
  'stream-change': StreamChangeDetail;
}
export type WidgetEventName = keyof WidgetEventDetails;
export type WidgetEvent<K extends WidgetEventName = WidgetEventName> = CustomEvent<WidgetEventDetails[K]>;

// ---- <ai-credits-widget>

/**
 * Attributes, each also a property that reflects it (`chain-id` ↔ `chainId`): the attribute's
 * text, or null when it is not set. Changing one re-creates the widget (a payment in flight
 * is persisted and resumes).
 */
export interface WidgetAttributeProperties {
  chainId: string | null;
  chainName: string | null;
  tokenAddress: string | null;
  tokenSymbol: string | null;
  rpcUrl: string | null;
  nativeSymbol: string | null;
  explorerUrl: string | null;
  backendUrl: string | null;
  theme: string | null;
  locale: string | null;
  mode: string | null;
  accent: string | null;
  radius: string | null;
  fontSize: string | null;
  dpr: string | null;
  walletTimeoutMs: string | null;
  httpTimeoutMs: string | null;
  /** Which EIP-6963 wallet to use when several announce themselves, e.g. `io.metamask`. */
  walletRdns: string | null;
  /** Where the .wasm is (a CDN); default: beside the module or script. */
  wasmUrl: string | null;
}

export interface AiCreditsWidgetElement extends HTMLElement, WidgetAttributeProperties {
  /** An EIP-1193 provider to use instead of discovery. */
  provider: EIP1193Provider | null;
  /** Merged over the attributes; setting it re-creates the widget. */
  config: WidgetConfig | null;
  /** Resolved after the first frame is drawn; rejected when the widget cannot run (no WebGL2). */
  readonly ready: Promise<void>;
  /** The state and the visible items, or null before the widget runs. */
  snapshot(): Snapshot | null;
  /** The storybook's build only: replace the whole state with a fixture; '' or an error (this package's build always answers an error). */
  loadFixture(state: object | string): string;
  /** The storybook's build only: the whole state as JSON (null in this package's build). */
  stateJson(): unknown;
}

/** The element's class (already registered as `ai-credits-widget` when the module is imported in a browser). */
export declare const AiCreditsWidgetElement: {
  prototype: AiCreditsWidgetElement;
  new (): AiCreditsWidgetElement;
  readonly observedAttributes: string[];
};

// ---- mount() into your own canvas

export interface MountOptions {
  canvas: HTMLCanvasElement;
  provider?: EIP1193Provider | null;
  config?: WidgetConfig;
  walletRdns?: string;
  /** Where the .wasm is; default: beside the module. */
  wasmUrl?: string;
  /** Adds the accessibility mirror beside the canvas. */
  a11y?: boolean;
}

export interface MountHandle {
  readonly ready: Promise<void>;
  snapshot(): Snapshot | null;
  setProvider(provider: EIP1193Provider | null): void;
  /** Removes every listener and observer and frees the instance. Events were dispatched on the canvas. */
  destroy(): void;
  loadFixture(state: object | string): string;
  stateJson(): unknown;
}

/** Draws the widget into a canvas you own; its events are dispatched on the canvas. */
export declare function mount(options: MountOptions): MountHandle;

export declare const version: string;

declare global {
  interface HTMLElementTagNameMap {
    'ai-credits-widget': AiCreditsWidgetElement;
  }
  // The widget's events bubble and are composed: listen on the element, the canvas of mount(),
  // or any ancestor.
  interface HTMLElementEventMap {
    'state-change': CustomEvent<StateChangeDetail>;
    'pay-success': CustomEvent<PaySuccessDetail>;
    'pay-error': CustomEvent<PayErrorDetail>;
    'stream-change': CustomEvent<StreamChangeDetail>;
  }
}
