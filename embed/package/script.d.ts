// Types of ai-credits-widget/script, the classic script: it defines <ai-credits-widget> and
// window.AiCreditsWidget (and reads data-wasm-url from its own <script> tag).
import type { MountHandle, MountOptions } from './index.js';
export type * from './index.js';

declare global {
  interface Window {
    AiCreditsWidget: {
      mount(options: MountOptions): MountHandle;
      readonly version: string;
      /** Present when ai-credits-bridge.js is loaded too. */
      bridge?: typeof import('./iframe-bridge.js').bridge;
    };
  }
}
