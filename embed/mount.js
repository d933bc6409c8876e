// mount.js — the page-level API: window.AiCreditsWidget.mount({canvas, provider, config}) for a
// canvas the host supplies, and the <ai-credits-widget> element definition.

// A canvas without CSS size has its layout size from its width/height attributes, which the
// widget sets to CSS size × devicePixelRatio: pin its CSS size first, or it would grow.
function pinCanvasSize(canvas) {
  const style = getComputedStyle(canvas);
  if (parseFloat(style.width) !== canvas.width || parseFloat(style.height) !== canvas.height) return () => {};
  const before = [canvas.style.width, canvas.style.height];
  canvas.style.width = `${canvas.width}px`;
  canvas.style.height = `${canvas.height}px`;
  return () => {
    [canvas.style.width, canvas.style.height] = before;
  };
}

function mount({ canvas, provider = null, config = {}, walletRdns = '' } = {}) {
  if (!(canvas instanceof HTMLCanvasElement)) {
    throw new TypeError('AiCreditsWidget.mount({canvas}) needs a <canvas> element');
  }
  if (!canvas.hasAttribute('tabindex')) canvas.tabIndex = 0;  // focusable for typing
  const unpin = pinCanvasSize(canvas);
  const ctrl = new Controller({ canvas, host: canvas, config: normalizeConfig(config), provider, walletRdns });
  let destroyed = false;
  return {
    ready: ctrl.ready,
    snapshot: () => ctrl.snapshot(),
    loadFixture: (state) => ctrl.loadFixture(state),
    stateJson: () => ctrl.stateJson(),
    setProvider: (p) => ctrl.setProvider(p),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      ctrl.destroy();
      unpin();
    },
  };
}

// Merged into an existing object: the iframe bridge script (ai-credits-bridge.js) may have
// defined window.AiCreditsWidget.bridge first.
if (!window.AiCreditsWidget || !window.AiCreditsWidget.mount) {
  window.AiCreditsWidget = Object.assign(window.AiCreditsWidget || {}, { mount, version: '0.1.0' });
}
if (!customElements.get('ai-credits-widget')) {
  customElements.define('ai-credits-widget', AiCreditsWidgetElement);
}
