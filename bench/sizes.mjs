// Sizes of built files as the performance budget counts them: raw, gzip -9 (GNU gzip; zlib at
// level 9 when gzip is missing, a few hundred bytes apart on the wasm) and brotli 11.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

// The budget (docs/performance.md): everything the browser downloads before the first frame
// (the script and the wasm; the font is inside the wasm), gzip -9, KB = 1000 bytes.
export const DOWNLOAD_BUDGET_GZIP9 = 215_000;
export const WIDGET_FILES = ['ai-credits-widget.js', 'ai-credits-widget.wasm'];

export function gzip9(file, buf = fs.readFileSync(file)) {
  const r = spawnSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout.length : zlib.gzipSync(buf, { level: 9 }).length;
}

export function fileSizes(dist, names) {
  const out = {};
  for (const name of names) {
    const file = path.join(dist, name);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    const buf = fs.readFileSync(file);
    out[name] = {
      raw: buf.length,
      gzip9: gzip9(file, buf),
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  return out;
}
