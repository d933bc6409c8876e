// Types of ai-credits-widget/react.
import type { CSSProperties, ForwardRefExoticComponent, RefAttributes } from 'react';
import type {
  AiCreditsWidgetElement, EIP1193Provider, PayErrorDetail, PaySuccessDetail, StateChangeDetail,
  StreamChangeDetail, Theme, WidgetConfig,
} from './index.js';

export interface AiCreditsWidgetProps {
  /** An EIP-1193 provider, e.g. wagmi's `await connector.getProvider()`; null: discovery on the page. */
  provider?: EIP1193Provider | null;
  /** Merged over the attributes (keys of docs/c-api.md); a config equal to the last one changes nothing. */
  config?: WidgetConfig | null;
  chainId?: string | number;
  theme?: Theme;
  locale?: string;
  /** Where the .wasm is; default: beside the module (your bundler ships it). */
  wasmUrl?: string;
  walletRdns?: string;
  onStateChange?: (event: CustomEvent<StateChangeDetail>) => void;
  onPaySuccess?: (event: CustomEvent<PaySuccessDetail>) => void;
  onPayError?: (event: CustomEvent<PayErrorDetail>) => void;
  onStreamChange?: (event: CustomEvent<StreamChangeDetail>) => void;
  id?: string;
  className?: string;
  style?: CSSProperties;
}

/** <AiCreditsWidget> renders <ai-credits-widget>; its ref is the element. */
export declare const AiCreditsWidget: ForwardRefExoticComponent<AiCreditsWidgetProps & RefAttributes<AiCreditsWidgetElement>>;
