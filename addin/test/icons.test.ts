/**
 * The committed icons: every PNG the manifests use exists at its size, is what its SVG source
 * renders to today, and keeps the mark crisp. The 可 mark is drawn on a 16-unit grid: top bar
 * 12×2, 口 5×5 less its 3×3 inside, vertical 2×9 plus a 2×2 foot = 24 + 16 + 22 = 62 unit squares
 * (hand count), so a 16 px icon has exactly 62 pure white pixels, a 32 px one 62×4, and the
 * 192 px colour icon (8 px per unit) 62×64.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS_DIR, ICON_FILES, renderPng } from '../tools/renderIcons.js';
import { decodePng, pixelsOf, PNG_SIGNATURE } from './helpers/png.js';

const png = (name: string) => readFileSync(join(ASSETS_DIR, name));
const whites = (name: string) => pixelsOf(decodePng(png(name))).filter(([r, g, b, a]) => r === 255 && g === 255 && b === 255 && a === 255).length;

describe('icon files', () => {
  it('exist at the sizes the manifests need: 16/32/64/80/128 px, colour 192 px, outline 32 px', () => {
    expect(ICON_FILES.map((f) => `${f.png}:${f.size}`)).toEqual([
      'icon-16.png:16',
      'icon-32.png:32',
      'icon-64.png:64',
      'icon-80.png:80',
      'icon-128.png:128',
      'color.png:192',
      'outline.png:32',
    ]);
    for (const f of ICON_FILES) {
      const bytes = png(f.png);
      expect([...bytes.subarray(0, 8)], f.png).toEqual(PNG_SIGNATURE);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], f.png).toEqual([f.size, f.size]);
    }
  });

  it('are what their SVG sources render to (the PNGs were not edited by hand or left stale)', () => {
    for (const f of ICON_FILES) {
      const fresh = decodePng(renderPng(readFileSync(join(ASSETS_DIR, f.svg), 'utf8'), f.size));
      expect(Buffer.from(decodePng(png(f.png)).rgba).equals(Buffer.from(fresh.rgba)), f.png).toBe(true);
    }
  });

  it('draw the same mark: one glyph path in all three sources', () => {
    const glyph = (svg: string) => /<path id="glyph"[^>]* d="([^"]+)"/.exec(readFileSync(join(ASSETS_DIR, svg), 'utf8'))?.[1];
    expect(glyph('icon.svg')).toBeDefined();
    expect(glyph('color.svg')).toBe(glyph('icon.svg'));
    expect(glyph('outline.svg')).toBe(glyph('icon.svg'));
  });
});

describe('legibility', () => {
  it('the mark falls on whole pixels at 16 and 32 px and in the colour icon', () => {
    expect(whites('icon-16.png')).toBe(62);
    expect(whites('icon-32.png')).toBe(62 * 4);
    expect(whites('color.png')).toBe(62 * 64);
  });

  it('the tile is calm blue #1F5FA8 with transparent rounded corners; the colour icon is a full square', () => {
    const px = pixelsOf(decodePng(png('icon-32.png')));
    expect(px[0]![3]).toBe(0);
    expect(px[16 * 32 + 1]).toEqual([0x1f, 0x5f, 0xa8, 255]);
    const color = pixelsOf(decodePng(png('color.png')));
    expect(color.every(([, , , a]) => a === 255)).toBe(true);
    expect(color[0]).toEqual([0x1f, 0x5f, 0xa8, 255]);
  });

  it('the outline icon is white on transparent only (Microsoft: white, transparent background)', () => {
    const px = pixelsOf(decodePng(png('outline.png')));
    const visible = px.filter(([, , , a]) => a > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(px.every(([, , , a]) => a === 0 || a === 255)).toBe(true);
    expect(px.filter(([, , , a]) => a === 0).length).toBeGreaterThan(32 * 32 * 0.4);
    expect(visible.filter(([, , , a]) => a === 255).length).toBeGreaterThan(62 * 4);
  });
});
