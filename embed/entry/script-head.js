// script-head.js — the classic script's entry (first in its IIFE): the .wasm is looked up beside
// the <script> that runs this, unless the tag names another with data-wasm-url.
const SCRIPT = document.currentScript;
const DEFAULT_WASM_URL = (SCRIPT && SCRIPT.dataset && SCRIPT.dataset.wasmUrl) ||
  new URL('ai-credits-widget.wasm', (SCRIPT && SCRIPT.src) || document.baseURI).href;
