// The classic script's global, for pages that load ai-credits-widget/script with a <script> tag.
import type {} from 'ai-credits-widget/script';
import type { MountHandle } from 'ai-credits-widget';

const canvas = document.querySelector('canvas');
if (canvas) {
  const handle: MountHandle = window.AiCreditsWidget.mount({ canvas, config: { theme: 'light' } });
  handle.destroy();
}
console.log(window.AiCreditsWidget.version, typeof window.AiCreditsWidget.bridge);
