// controller.js — one widget on one canvas: the wasm instance, the frame loop (on demand
// only), size and devicePixelRatio, visibility, input, the wallet and the effects.

const RESIZE_LIMIT = 8192;  // CSS px; a runaway layout must not allocate a giant backing store

class Controller {
  // host: where DOM events are dispatched (the element, or the canvas for mount()).
  // a11yRoot: where the accessibility mirror goes (the element's shadow root; a11y.js), or null.
  // onFail(message): the widget cannot run (no WebGL2, wasm failed to load, instance aborted).
  // wasmUrl: where the .wasm is ('' for beside the script or module).
  constructor({ canvas, host, a11yRoot = null, config = {}, provider = null, walletRdns = '', wasmUrl = '', onFail = null }) {
    this.canvas = canvas;
    this.wasmUrl = wasmUrl;
    this.host = host;
    this.config = config;
    this.onFail = onFail;
    this.core = null;
    this.destroyed = false;
    this.broken = false;
    this.inCall = false;
    this.raf = 0;
    this.timer = 0;
    this.visible = true;
    this.cssW = 0;
    this.cssH = 0;
    // config.dpr (the `dpr` attribute) pins the backing-store scale, e.g. 2 for the storybook's
    // HiDPI check on a 1× screen; otherwise window.devicePixelRatio is followed.
    this.dprOverride = Number.isFinite(config.dpr) && config.dpr > 0 ? config.dpr : 0;
    this.dpr = this.currentDpr();
    this.cleanups = [];
    this.timers = new Timers();
    this.aborts = new Set();  // in-flight fetches, aborted on destroy
    this.framed = false;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});  // reported through onFail; awaiting callers still see it
    this.wallet = new WalletBridge({
      provider,
      rdns: walletRdns,
      onEvent: (event) => this.dispatch(event),
      onProvider: () => this.dispatchStart(),
    });
    this.semanticsVersion = -1;
    this.mirror = a11yRoot ? new A11yMirror({
      root: a11yRoot,
      canvas,
      lang: typeof config.locale === 'string' ? config.locale : '',
      actions: {
        click: (id) => this.dispatch({ type: 'click', id }),
        input: (id, text) => this.dispatch({ type: 'input', id, text }),
        focus: (id, caret) => this.input((core) => core.focusItem(id, caret)),
      },
      later: (fn, ms) => this.later(fn, ms),
      clearLater: (id) => this.clearLater(id),
    }) : null;
    this.onFrame = (t) => this.frame(t);
    this.start();
  }

  async start() {
    let core;
    try {
      core = await Core.load(this.canvas, (what) => this.fail(`The widget stopped: ${what}`), this.wasmUrl);
    } catch (err) {
      this.fail(err && err.message ? err.message : String(err));
      return;
    }
    if (this.destroyed) return;
    if (!core.create(this.config)) {
      core.destroy();
      this.fail('This widget needs WebGL2, which this browser could not provide.');
      return;
    }
    this.core = core;
    this.drain();
    this.observe();
    this.cleanups.push(attachInput({ canvas: this.canvas, ctrl: this }));
    this.measure(this.canvas.clientWidth, this.canvas.clientHeight);
    // The first frame at once instead of in the next animation frame: on screen a frame sooner.
    if (this.raf) {
      cancelAnimationFrame(this.raf);
      this.frame(performance.now());
    }
    await this.wallet.discover();
    if (!this.destroyed) this.dispatchStart();
  }

  // After discovery, and again when the wallet changes: with the saved entries (a pending
  // payment survives a reload).
  dispatchStart() {
    // getTimezoneOffset is UTC minus local: the core wants local minus UTC.
    this.dispatch({ type: 'start', wallet: !!this.wallet.provider, stored: readStored(),
      tzOffsetMin: -new Date().getTimezoneOffset() });
  }

  // setTimeout that destroy() clears.
  later(fn, ms) { return this.timers.later(fn, ms); }

  clearLater(id) { this.timers.cancel(id); }

  observe() {
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentBoxSize;
      const size = Array.isArray(box) ? box[0] : box;
      if (size) this.measure(size.inlineSize, size.blockSize);
    });
    // The device-pixel box also changes with devicePixelRatio (browser zoom, another screen).
    try {
      ro.observe(this.canvas, { box: 'device-pixel-content-box' });
    } catch (_) {
      ro.observe(this.canvas);
    }
    this.cleanups.push(() => ro.disconnect());

    const io = new IntersectionObserver((entries) => {
      this.visible = entries[entries.length - 1].isIntersecting;
      if (this.visible) this.requestFrame();
      else this.cancelFrame();
    });
    io.observe(this.canvas);
    this.cleanups.push(() => io.disconnect());

    // devicePixelRatio changes (zoom, moving to another screen): re-armed on every change.
    let mq = null;
    const onDpr = () => {
      watchDpr();
      this.measure(this.cssW, this.cssH);
    };
    const watchDpr = () => {
      if (mq) mq.removeEventListener('change', onDpr);
      mq = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      mq.addEventListener('change', onDpr);
    };
    watchDpr();
    this.cleanups.push(() => mq && mq.removeEventListener('change', onDpr));
  }

  currentDpr() {
    return this.dprOverride || window.devicePixelRatio || 1;
  }

  measure(width, height) {
    const w = Math.min(RESIZE_LIMIT, Math.max(0, Math.round(width)));
    const h = Math.min(RESIZE_LIMIT, Math.max(0, Math.round(height)));
    const dpr = this.currentDpr();
    if (w === this.cssW && h === this.cssH && dpr === this.dpr && this.framed) return;
    this.cssW = w;
    this.cssH = h;
    this.dpr = dpr;
    this.call((core) => core.resize(w, h, dpr));
    this.requestFrame();
  }

  // Every call into wasm goes through here: no re-entry, effects drained right after.
  call(fn) {
    if (!this.core || this.destroyed || this.broken) return undefined;
    if (this.inCall) {
      queueMicrotask(() => this.call(fn));
      return undefined;
    }
    this.inCall = true;
    let result;
    try {
      result = fn(this.core);
    } catch (err) {
      this.inCall = false;
      this.fail(`The widget stopped: ${err && err.message ? err.message : err}`);
      return undefined;
    }
    this.inCall = false;
    this.drain();
    return result;
  }

  drain() {
    let effects;
    try {
      effects = this.core.takeEffects();
    } catch (err) {
      this.fail(`The widget stopped: ${err && err.message ? err.message : err}`);
      return;
    }
    for (const effect of effects) queueMicrotask(() => !this.destroyed && runEffect(this, effect));
  }

  // Input from the canvas: call, then draw.
  input(fn) {
    const result = this.call(fn);
    this.requestFrame();
    return result;
  }

  dispatch(event) {
    const error = this.call((core) => core.dispatch(event));
    if (error) console.warn('[ai-credits-widget] dispatch:', error, event);
    this.requestFrame();
    return error || '';
  }

  resolve(id, answer) {
    if (this.destroyed) return;
    const error = this.call((core) => core.resolve(id, answer));
    if (error) console.warn('[ai-credits-widget] resolve:', error);
    this.requestFrame();
  }

  requestFrame() {
    if (this.raf || !this.core || this.destroyed || this.broken || !this.visible) return;
    if (this.cssW <= 0 || this.cssH <= 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = 0;
    }
    this.raf = requestAnimationFrame(this.onFrame);
  }

  cancelFrame() {
    if (this.raf) cancelAnimationFrame(this.raf);
    if (this.timer) clearTimeout(this.timer);
    this.raf = 0;
    this.timer = 0;
  }

  frame(now) {
    this.raf = 0;
    if (this.currentDpr() !== this.dpr) this.measure(this.cssW, this.cssH);
    const more = this.call((core) => core.frame(now));
    if (more === undefined) return;
    this.syncMirror();
    if (!this.framed) {
      this.framed = true;
      this.resolveReady();
    }
    if (more > 0) this.requestFrame();
    else if (more < 0) {
      this.timer = setTimeout(() => {
        this.timer = 0;
        this.requestFrame();
      }, -more);
    }
  }

  // After a frame: the mirror follows what was drawn, when that changed.
  syncMirror() {
    if (!this.mirror) return;
    const sem = this.call((core) => {
      const version = core.semanticsVersion();
      if (version === this.semanticsVersion) return null;
      this.semanticsVersion = version;
      return core.semantics();
    });
    if (sem) this.mirror.update(sem);
  }

  // A text field tapped on the canvas (touch): its mirror <input> takes the focus, so the
  // on-screen keyboard opens and types into it.
  tapField(item) {
    return this.mirror ? this.mirror.focusField(item.id) : false;
  }

  snapshot() {
    if (!this.core) return null;
    return this.call((core) => core.snapshot()) || null;
  }

  itemAt(x, y) {
    const snap = this.snapshot();
    if (!snap) return null;
    return snap.items.find((i) => x >= i.rect.x && y >= i.rect.y &&
      x < i.rect.x + i.rect.w && y < i.rect.y + i.rect.h) || null;
  }

  loadFixture(state) {
    const error = this.call((core) => core.loadFixture(state));
    this.requestFrame();
    return error === undefined ? 'the widget is not running' : error;
  }

  stateJson() {
    return this.call((core) => core.stateJson()) || null;
  }

  setProvider(provider) {
    this.wallet.setExplicit(provider);
  }

  fail(message) {
    if (this.broken || this.destroyed) return;
    this.broken = true;
    this.cancelFrame();
    console.error('[ai-credits-widget]', message);
    this.rejectReady(new Error(message));
    if (this.onFail) this.onFail(message);
  }

  destroy() {
    if (this.destroyed) return;
    this.cancelFrame();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.timers.stop();
    for (const abort of this.aborts) abort.abort();
    this.aborts.clear();
    this.wallet.destroy();
    if (this.mirror) this.mirror.destroy();
    if (this.core && !this.broken) {
      try {
        this.core.destroy();
      } catch (_) { /* an aborted instance has nothing left to free */ }
    }
    this.destroyed = true;
    this.core = null;
    this.rejectReady(new Error('destroyed'));
  }
}
