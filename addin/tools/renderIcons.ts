/**
 * `npm run addin:icons` — renders the committed SVG sources in addin/assets/ to the PNG files the
 * manifests point at, with resvg (a kept SVG renderer; no fonts involved: the mark is paths).
 *   icon.svg    → icon-16/32/64/80/128.png (XML manifest, ribbon, admin center listing)
 *   color.svg   → color.png   192 × 192 (unified manifest)
 *   outline.svg → outline.png  32 × 32, white on transparent (unified manifest)
 * The PNGs are committed; the build copies them. Run this after editing an SVG.
 */
import { Resvg } from '@resvg/resvg-js';
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

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
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
