// module-head.js — the ES module's entry: the .wasm beside the module. Bundlers (Vite, webpack 5,
// Rollup) see this pattern and ship the file with the app.
const DEFAULT_WASM_URL = new URL('./ai-credits-widget.wasm', import.meta.url).href;
