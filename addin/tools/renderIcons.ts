/**
 * `npm run addin:icons` — renders the committed SVG sources in addin/assets/ to the PNG files the
 * manifests point at, with resvg (a kept SVG renderer; no fonts involved: the mark is paths).
 *   icon.svg    → icon-16/32/64/80/128.png (the manifests name 16/32/64/80; 128 is for listings)
 *   color.svg   → color.png   192 × 192 (unified manifest)
 *   outline.svg → outline.png  32 × 32, white on transparent (unified manifest)
 * The PNGs are committed; the build copies them. Run this after editing an SVG.
 *
 * resvg draws the pixels; the PNG is written here (8-bit RGBA, filter None on every row, one
 * IDAT) so the files depend on the drawing only, not on an encoder's filter choices, and simple
 * readers (the Teams package test) can read them. PNG layout per ISO/IEC 15948: signature, IHDR,
 * IDAT (zlib stream of filtered scanlines), IEND, each chunk with its CRC-32.
 */
import { Resvg } from '@resvg/resvg-js';
import { crc32, deflateSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** Every PNG the manifests use, with its source and size. */
export const ICON_FILES: ReadonlyArray<{ png: string; svg: string; size: number }> = [
  ...ICON_SIZES.map((size) => ({ png: `icon-${size}.png`, svg: 'icon.svg', size })),
  { png: 'color.png', svg: 'color.svg', size: 192 },
  { png: 'outline.png', svg: 'outline.svg', size: 32 },
];

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA (straight alpha) → PNG, filter None. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function renderPng(svg: string, size: number): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  // resvg's pixels are premultiplied by alpha; PNG stores straight alpha.
  const rgba = new Uint8Array(image.pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    if (a > 0 && a < 255) for (let c = 0; c < 3; c++) rgba[i + c] = Math.min(255, Math.round((rgba[i + c]! * 255) / a));
  }
  return encodePng(image.width, image.height, rgba);
}

export async function renderIcons(dir = ASSETS_DIR): Promise<string[]> {
  const written: string[] = [];
  for (const f of ICON_FILES) {
    await writeFile(join(dir, f.png), renderPng(await readFile(join(ASSETS_DIR, f.svg), 'utf8'), f.size));
    written.push(f.png);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  renderIcons().then((files) => process.stdout.write(`rendered ${files.join(', ')} in ${ASSETS_DIR}\n`));
}
