// A tiny PNG reader/writer and image comparison for the visual baselines (node:zlib only, no
// dependency). Reads 8-bit, non-interlaced greyscale, RGB, greyscale+alpha and RGBA images — what
// Chromium's screenshots are — and writes RGBA.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// → {width, height, data: Uint8Array RGBA}
export function decodePng(buf) {
  if (!Buffer.isBuffer(buf) || buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('not a PNG file');
  }
  let width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  for (let off = 8; off + 8 <= buf.length;) {
    const len = buf.readUInt32BE(off);
    const kind = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8];
      type = body[9];
      interlace = body[12];
    } else if (kind === 'IDAT') idat.push(body);
    else if (kind === 'IEND') break;
    off += 12 + len;
  }
  const channels = CHANNELS[type];
  if (depth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${depth}, color type ${type}, interlace ${interlace})`);
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('truncated PNG data');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[dst + x - channels] : 0;
      const b = y > 0 ? pixels[dst - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[dst - stride + x - channels] : 0;
      let v = raw[src + x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: v += paeth(a, b, c); break;
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      pixels[dst + x] = v & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const g = pixels[j];
    if (channels === 1) data.set([g, g, g, 255], i * 4);
    else if (channels === 2) data.set([g, g, g, pixels[j + 1]], i * 4);
    else if (channels === 3) data.set([g, pixels[j + 1], pixels[j + 2], 255], i * 4);
    else data.set(pixels.subarray(j, j + 4), i * 4);
  }
  return { width, height, data };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(kind, body) {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(kind, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

// {width, height, data: RGBA} → PNG buffer
export function encodePng({ width, height, data }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bit depth
  ihdr[9] = 6;  // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    Buffer.from(data.buffer, data.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))]);
}

// Compares two decoded images. A pixel differs when any channel differs by more than
// `tolerance` (0–255). `ignore(x, y)` → true skips a pixel (e.g. an animated strip).
// → {sameSize, differing, compared, ratio, diff: RGBA image (red = differing, faded = same)}
export function compareImages(expected, actual, { tolerance = 0, ignore = () => false } = {}) {
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return { sameSize: false, differing: Infinity, compared: 0, ratio: 1, diff: null };
  }
  const { width, height } = expected;
  const diff = new Uint8Array(width * height * 4);
  let differing = 0;
  let compared = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const e = expected.data;
      const a = actual.data;
      const grey = (e[i] * 0.3 + e[i + 1] * 0.59 + e[i + 2] * 0.11) * 0.25 + 191;
      if (ignore(x, y)) {
        diff.set([grey * 0.8, grey * 0.8, 255, 255], i);
        continue;
      }
      compared++;
      const d = Math.max(Math.abs(e[i] - a[i]), Math.abs(e[i + 1] - a[i + 1]),
        Math.abs(e[i + 2] - a[i + 2]), Math.abs(e[i + 3] - a[i + 3]));
      if (d > tolerance) {
        differing++;
        diff.set([255, 0, 0, 255], i);
      } else diff.set([grey, grey, grey, 255], i);
    }
  }
  return { sameSize: true, differing, compared, ratio: compared ? differing / compared : 0, diff: { width, height, data: diff } };
}
