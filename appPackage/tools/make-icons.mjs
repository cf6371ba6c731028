// Generates appPackage/color.png (192×192, full colour) and appPackage/outline.png (32×32, white on
// transparent) for the Teams app package. No image library: shapes are rasterised with 4×4 supersampling and
// written as PNG chunks (IHDR, IDAT, IEND) compressed with zlib.
//
//   node appPackage/tools/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const PURPLE = [0x5b, 0x5f, 0xc7];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

// ---- the symbol: a 'P' beside three rising steps, in a unit box (x right, y down) ----
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x < x1 && y >= y0 && y < y1;
const inDisk = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 < r * r;

function inSymbol(x, y) {
  const stem = inRect(x, y, 0.08, 0.0, 0.3, 1.0);
  const bowlOuter = inRect(x, y, 0.08, 0.0, 0.52, 0.6) || (x >= 0.52 && inDisk(x, y, 0.52, 0.3, 0.3));
  const bowlInner = inRect(x, y, 0.3, 0.19, 0.52, 0.41) || (x >= 0.52 && inDisk(x, y, 0.52, 0.3, 0.11));
  const steps = [0.86, 0.77, 0.68].some((top, i) => inRect(x, y, 0.38 + i * 0.2, top, 0.52 + i * 0.2, 1.0));
  return stem || (bowlOuter && !bowlInner) || steps;
}

/** Fraction of a pixel's samples inside the symbol, the symbol box being `box` (x, y, size) in pixels. */
function coverage(px, py, box) {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const x = (px + (sx + 0.5) / SAMPLES - box.x) / box.size;
      const y = (py + (sy + 0.5) / SAMPLES - box.y) / box.size;
      if (inSymbol(x, y)) hits += 1;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** RGBA pixels (width × height × 4 bytes) → PNG file bytes, colour type 6, 8 bits per channel. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the two icons ----
function render(size, box, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const [r, g, b, a] = paint(coverage(px, py, box));
      rgba.set([r, g, b, a], (py * size + px) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

const mix = (from, to, t) => Math.round(from + (to - from) * t);

// Colour: solid purple square (Teams rounds the corners itself), white symbol in the central 96×96 area.
const color = render(192, { x: 48, y: 48, size: 96 }, (t) => [
  mix(PURPLE[0], WHITE[0], t),
  mix(PURPLE[1], WHITE[1], t),
  mix(PURPLE[2], WHITE[2], t),
  255,
]);

// Outline: white symbol on a transparent background, 2 px padding.
const outline = render(32, { x: 3, y: 2, size: 28 }, (t) => [255, 255, 255, Math.round(255 * t)]);

writeFileSync(join(PACKAGE_DIR, 'color.png'), color);
writeFileSync(join(PACKAGE_DIR, 'outline.png'), outline);
