// core.js — loads the wasm once per page and wraps one module instance (one widget) behind
// plain JS methods. Every call that returns a string copies it out of wasm memory at once.

// Each .wasm URL is fetched and compiled once per page; every instance instantiates the same
// WebAssembly.Module. DEFAULT_WASM_URL comes from the entry (embed/entry/): beside the script
// or the ES module.
const compiledWasm = new Map();

function compileWasm(url) {
  let compiling = compiledWasm.get(url);
  if (!compiling) {
    compiling = (async () => {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`ai-credits-widget: cannot load ${url} (HTTP ${res.status})`);
      const type = res.headers.get('content-type') || '';
      if (WebAssembly.compileStreaming && type.startsWith('application/wasm')) {
        return WebAssembly.compileStreaming(res);
      }
      return WebAssembly.compile(await res.arrayBuffer());
    })();
    compiledWasm.set(url, compiling);
    compiling.catch(() => compiledWasm.delete(url));  // a later mount may retry
  }
  return compiling;
}

const MAX_TEXT = 4096;  // one paste or keystroke batch
const NO_FIXTURES = 'This build has no fixtures: load the storybook build (dist/storybook/ai-credits-widget.js)';

// The WebGL2 context, created while the wasm still downloads (it takes a few ms, more with a
// software GPU): getContext hands acw_create (widget/web/gl_context.cpp) this same context,
// so the attributes must be those it asks for. null without WebGL2 (acw_create then fails).
function createGlContext(canvas) {
  try {
    return canvas.getContext('webgl2', {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: false, powerPreference: 'low-power',
    });
  } catch (_) {
    return null;
  }
}

class Core {
  // Instantiates a fresh module (own memory, own ImGui and GL context) for `canvas`, from the
  // .wasm at `wasmUrl` (default: beside the entry script or module).
  static async load(canvas, onAbort, wasmUrl = '') {
    const compiling = compileWasm(new URL(wasmUrl || DEFAULT_WASM_URL, document.baseURI).href);
    createGlContext(canvas);
    const wasm = await compiling;
    let failInstantiate;
    const failed = new Promise((_, reject) => { failInstantiate = reject; });
    const factory = AiCreditsWidgetCore({  // eslint-disable-line no-undef -- defined by emcc above
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), failInstantiate);
        return {};
      },
      print: (text) => console.log('[ai-credits-widget]', text),
      printErr: (text) => console.warn('[ai-credits-widget]', text),
      onAbort: (what) => onAbort(what),
    });
    const module = await Promise.race([factory, failed]);
    module.specialHTMLTargets['!canvas'] = canvas;
    return new Core(module);
  }

  constructor(module) {
    this.m = module;
  }

  str(ptr) {
    return ptr ? this.m.UTF8ToString(ptr) : '';
  }

  // Strings go through malloc, not the 256 KB stack: wallet answers can be large.
  withString(text, fn) {
    const m = this.m;
    const size = m.lengthBytesUTF8(text) + 1;
    const ptr = m._malloc(size);
    try {
      m.stringToUTF8(text, ptr, size);
      return fn(ptr);
    } finally {
      m._free(ptr);
    }
  }

  json(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  create(config) { return this.withString(this.json(config), (p) => this.m._acw_create(p)) === 1; }
  destroy() {
    this.m._acw_destroy();
    this.m.specialHTMLTargets['!canvas'] = null;
  }
  resize(cssW, cssH, dpr) { this.m._acw_resize(cssW, cssH, dpr); }
  dispatch(event) { return this.str(this.withString(this.json(event), (p) => this.m._acw_dispatch(p))); }
  resolve(id, answer) { return this.str(this.withString(this.json(answer), (p) => this.m._acw_resolve(id, p))); }
  // Fixtures are in the storybook's build only (dist/storybook/): the shipped wasm has none.
  loadFixture(state) {
    if (!this.m._acw_load_fixture) return NO_FIXTURES;
    return this.str(this.withString(this.json(state), (p) => this.m._acw_load_fixture(p)));
  }
  stateJson() { return this.m._acw_state_json ? JSON.parse(this.str(this.m._acw_state_json()) || 'null') : null; }
  snapshot() { return JSON.parse(this.str(this.m._acw_snapshot())); }
  semantics() { return JSON.parse(this.str(this.m._acw_semantics())); }
  semanticsVersion() { return this.m._acw_semantics_version(); }
  focusItem(id, caret = -1) { this.withString(id || '', (p) => this.m._acw_focus_item(p, caret)); }
  takeEffects() {
    const text = this.str(this.m._acw_take_effects());
    return text && text !== '[]' ? JSON.parse(text) : [];
  }
  frame(nowMs) { return this.m._acw_frame(nowMs); }
  pointer(kind, x, y, button) { this.m._acw_pointer(kind, x, y, button); }
  wheel(dx, dy) { return this.m._acw_wheel(dx, dy) === 1; }
  key(code, down, mods) { return this.m._acw_key(code, down ? 1 : 0, mods) === 1; }
  text(text) { return this.withString(String(text).slice(0, MAX_TEXT), (p) => this.m._acw_text(p)) === 1; }
  focus(focused) { this.m._acw_focus(focused ? 1 : 0); }
}
