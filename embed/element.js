// element.js — <ai-credits-widget>: its own canvas in a shadow root, configured by attributes
// and the `provider` / `config` properties.

const ELEMENT_CSS = `
:host { display: inline-block; position: relative; width: 400px; height: 560px;
        contain: content; vertical-align: top; }
:host([hidden]) { display: none; }
canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: manipulation;
         -webkit-tap-highlight-color: transparent; }
canvas:focus-visible { outline: 2px solid #2563eb; outline-offset: -2px; }
${MIRROR_CSS}
.fallback { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
            padding: 16px; box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif;
            color: #374151; background: #f9fafb; text-align: center; }
`;

// Shim-only attributes beside the create configuration's (config.js).
const ELEMENT_ATTRIBUTES = { 'wallet-rdns': 'walletRdns', 'wasm-url': 'wasmUrl' };
const REMOUNT_ATTRIBUTES = [...Object.keys(ATTRIBUTE_KEYS), ...Object.keys(ELEMENT_ATTRIBUTES)];
// Every attribute is also a property, camelCased (`chain-id` → `chainId`), that reflects it.
const REFLECTED_PROPERTIES = { ...ATTRIBUTE_KEYS, ...ELEMENT_ATTRIBUTES };

// Outside a browser (a server rendering the host page imports the module) there is no
// HTMLElement: the class is defined, never registered.
const ElementBase = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

class AiCreditsWidgetElement extends ElementBase {
  static get observedAttributes() {
    return REMOUNT_ATTRIBUTES;
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // The canvas is what sighted users see; assistive technology and the keyboard use the
    // mirror of its items (a11y.js), so the canvas is hidden from them and out of the Tab order
    // (a click still focuses it, for typing into a field picked with the mouse).
    root.innerHTML = `<style>${ELEMENT_CSS}</style>` +
      '<canvas part="canvas" tabindex="-1" aria-hidden="true"></canvas>';
    this._canvas = root.querySelector('canvas');
    this._ctrl = null;
    this._provider = null;
    this._config = null;
    this._remount = false;
    this._ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    this._ready.catch(() => {});
    // Properties set before this script defined the element shadow the accessors: re-apply.
    for (const prop of ['provider', 'config', ...Object.values(REFLECTED_PROPERTIES)]) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
  }

  connectedCallback() {
    // A microtask later: `provider` and `config` set right after inserting the element (a
    // framework's effects, a script's next lines) are there when the widget starts, instead of
    // re-creating it at once.
    queueMicrotask(() => {
      if (this.isConnected && !this._ctrl) this._mount();
    });
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects at once: keep the widget then.
    queueMicrotask(() => {
      if (!this.isConnected) this._unmount();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this._ctrl || this._remount) return;
    this._remount = true;  // several attributes changed together remount once
    queueMicrotask(() => {
      this._remount = false;
      if (!this._ctrl) return;
      this._unmount();
      if (this.isConnected) this._mount();
    });
  }

  get provider() { return this._provider; }
  set provider(value) {
    this._provider = value || null;
    if (this._ctrl) this._ctrl.setProvider(this._provider);
  }

  get config() { return this._config; }
  set config(value) {
    this._config = value && typeof value === 'object' ? { ...value } : null;
    if (this._ctrl) this.attributeChangedCallback('config', 0, 1);
  }

  // Resolves after the first frame is drawn.
  get ready() { return this._ready; }

  // SPEC.md §5: {state, items:[{id, label, role, rect:{x,y,w,h}, enabled}]}, or null before
  // the widget runs.
  snapshot() {
    return this._ctrl ? this._ctrl.snapshot() : null;
  }

  // For the storybook: replace the state with a fixture; returns '' or an error.
  loadFixture(state) {
    return this._ctrl ? this._ctrl.loadFixture(state) : 'the widget is not running';
  }

  stateJson() {
    return this._ctrl ? this._ctrl.stateJson() : null;
  }

  _mount() {
    const fallback = this.shadowRoot.querySelector('.fallback');
    if (fallback) fallback.remove();
    const ctrl = new Controller({
      canvas: this._canvas,
      host: this,
      a11yRoot: this.shadowRoot,
      config: normalizeConfig(this._config, this),
      provider: this._provider,
      walletRdns: this.getAttribute('wallet-rdns') || '',
      wasmUrl: this.getAttribute('wasm-url') || '',
      onFail: (message) => this._showFallback(message),
    });
    this._ctrl = ctrl;
    ctrl.ready.then(this._resolveReady, (err) => {
      if (this._ctrl === ctrl && err.message !== 'destroyed') this._rejectReady(err);
    });
  }

  _unmount() {
    if (!this._ctrl) return;
    this._ctrl.destroy();
    this._ctrl = null;
  }

  _showFallback(message) {
    const div = document.createElement('div');
    div.className = 'fallback';
    div.setAttribute('role', 'alert');
    div.textContent = message;
    this.shadowRoot.appendChild(div);
  }
}

for (const [attr, prop] of Object.entries(REFLECTED_PROPERTIES)) {
  Object.defineProperty(AiCreditsWidgetElement.prototype, prop, {
    get() { return this.getAttribute(attr); },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attr);
      else this.setAttribute(attr, String(value));
    },
    configurable: true,
    enumerable: true,
  });
}
