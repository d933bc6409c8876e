// mount.js — the page-level API: mount({canvas, provider, config}) for a canvas the host
// supplies, and the <ai-credits-widget> element definition. The entry (embed/entry/) publishes
// them: window.AiCreditsWidget for the script, exports for the ES module.

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

// a11y: the accessibility mirror (a11y.js) in a shadow root of its own, inserted right after
// the canvas (absolutely positioned over it, no layout); the canvas becomes aria-hidden.
function attachMirrorHost(canvas) {
  const holder = document.createElement('div');
  holder.setAttribute('data-ai-credits-a11y', '');
  holder.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;margin:0;padding:0;border:0;overflow:visible;';
  canvas.insertAdjacentElement('afterend', holder);
  const root = holder.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${MIRROR_CSS}</style>`;
  const hidden = canvas.getAttribute('aria-hidden');
  canvas.setAttribute('aria-hidden', 'true');
  return {
    root,
    remove() {
      holder.remove();
      if (hidden === null) canvas.removeAttribute('aria-hidden');
      else canvas.setAttribute('aria-hidden', hidden);
    },
  };
}

function mount({ canvas, provider = null, config = {}, walletRdns = '', wasmUrl = '', a11y = false } = {}) {
  if (!(canvas instanceof HTMLCanvasElement)) {
    throw new TypeError('AiCreditsWidget.mount({canvas}) needs a <canvas> element');
  }
  const hadTabIndex = canvas.hasAttribute('tabindex');
  // Focusable for typing; with the mirror, Tab goes to the mirror's controls instead.
  if (!hadTabIndex) canvas.tabIndex = a11y ? -1 : 0;
  const unpin = pinCanvasSize(canvas);
  const mirrorHost = a11y ? attachMirrorHost(canvas) : null;
  const ctrl = new Controller({
    canvas, host: canvas, a11yRoot: mirrorHost && mirrorHost.root, config: normalizeConfig(config), provider, walletRdns, wasmUrl,
  });
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
      if (mirrorHost) mirrorHost.remove();
      if (!hadTabIndex) canvas.removeAttribute('tabindex');
    },
  };
}

function defineElement() {
  if (!customElements.get('ai-credits-widget')) {
    customElements.define('ai-credits-widget', AiCreditsWidgetElement);
  }
}
