import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG colour types (IHDR byte 9). */
export const ColourType = {
  greyscale: 0,
  truecolour: 2,
  indexed: 3,
  greyscaleAlpha: 4,
  truecolourAlpha: 6,
} as const;

export type PngHeader = {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
};

export type Png = PngHeader & { chunkTypes: string[]; idat: Buffer };

/** Reads a PNG's chunks (checking the signature and chunk layout), without decoding pixels. */
export function readPng(bytes: Buffer): Png {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: PngHeader | undefined;
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    chunkTypes.push(type);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data.readUInt8(8),
        colourType: data.readUInt8(9),
        interlace: data.readUInt8(12),
      };
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header || chunkTypes[0] !== 'IHDR') throw new Error('PNG has no leading IHDR chunk');
  if (chunkTypes.at(-1) !== 'IEND') throw new Error('PNG does not end with IEND');
  return { ...header, chunkTypes, idat: Buffer.concat(idat) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGBA PNG into width × height × 4 bytes (all five row filters). */
export function decodeRgba(png: Png): Uint8Array {
  if (png.colourType !== ColourType.truecolourAlpha || png.bitDepth !== 8 || png.interlace !== 0) {
    throw new Error('only non-interlaced 8-bit RGBA is decoded here');
  }
  const raw = inflateSync(png.idat);
  const stride = png.width * 4;
  const out = new Uint8Array(stride * png.height);
  for (let y = 0; y < png.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? Math.floor((left + up) / 2)
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predictor)) throw new Error(`unknown PNG filter type ${String(filter)} in row ${y}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}
