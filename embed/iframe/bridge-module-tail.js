// bridge-module-tail.js — the ES module exports the bridge; no globals.
export { bridge };
