import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildTeamsPackage, validateManifest, type TeamsPackage } from '@kekao/manifest/tools';

/**
 * The Teams app package: the unified manifest with the bot validates offline against the v1.24
 * schema in node_modules; the zip (read back with JSZip, an independent reader) holds the
 * manifest and the two icons at the sizes Teams requires (color 192×192, outline 32×32).
 */

let dir: string;
let pkg: TeamsPackage;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kekao-teams-pkg-'));
  pkg = await buildTeamsPackage({ outDir: dir, botId: '3f2b8c1d-9a4e-4f6b-8c2d-1e5a7b9c0d2e' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(b: Buffer): { w: number; h: number } {
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

describe('Teams app package', () => {
  it('the manifest with the bot validates against the schema, and a broken bot section does not', async () => {
    expect(await validateManifest(pkg.manifest)).toEqual([]);
    expect(pkg.manifest.bots[0].botId).toBe('3f2b8c1d-9a4e-4f6b-8c2d-1e5a7b9c0d2e');
    expect(pkg.manifest.bots[0].scopes).toContain('personal');
    expect(pkg.manifest.extensions[0].requirements.scopes).toEqual(['workbook']);
    const broken = { ...pkg.manifest, bots: [{ ...pkg.manifest.bots[0], botId: 'kekao', scopes: ['everywhere'] }] };
    const errors = await validateManifest(broken);
    expect(errors.some((e) => e.includes('/bots/0/botId'))).toBe(true);
    expect(errors.some((e) => e.includes('/bots/0/scopes'))).toBe(true);
  });

  it('bot command titles fit the schema limits and name the conversations', () => {
    const commands = pkg.manifest.bots[0].commandLists[0].commands as Array<{ title: string; description: string }>;
    expect(commands.map((c) => c.title)).toEqual(expect.arrayContaining(['联系人', '截止时间', '帮扶申请', '我的申报', '评审摘要']));
  });

  it('the zip holds manifest.json, the localization and both icons at the required sizes', async () => {
    const z = await JSZip.loadAsync(readFileSync(pkg.zipPath));
    expect(Object.keys(z.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await z.file('manifest.json')!.async('string'));
    expect(manifest).toEqual(pkg.manifest);
    expect(pngSize(await z.file('color.png')!.async('nodebuffer'))).toEqual({ w: 192, h: 192 });
    const outline = await z.file('outline.png')!.async('nodebuffer');
    expect(pngSize(outline)).toEqual({ w: 32, h: 32 });
    // The outline icon is white on transparent: every pixel is either fully transparent or white.
    const idat = outline.indexOf(Buffer.from('IDAT'));
    const len = outline.readUInt32BE(idat - 4);
    const raw = inflateSync(outline.subarray(idat + 4, idat + 4 + len));
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        const [r, g, b, a] = [raw[i], raw[i + 1], raw[i + 2], raw[i + 3]];
        expect(a === 0 || (r === 255 && g === 255 && b === 255 && a === 255)).toBe(true);
      }
    }
  });

  it('refuses a bot id that is not a GUID', async () => {
    await expect(buildTeamsPackage({ outDir: dir, botId: 'my-bot' })).rejects.toThrow('package.botId');
  });
});
