/**
 * The build: functions.json generation fails loudly (generator errors, nothing generated), the
 * output is one shared-runtime page loading office.js from the CDN, and `--office-js=local`
 * explains what is missing instead of producing a page without office.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildAddin, generateFunctionsMetadata, OFFICE_JS_CDN, ICON_SIZES } from '../build.js';

let work: string;
let dist: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-addin-build-'));
  dist = (await buildAddin({ outDir: join(work, 'dist'), minify: false })).outDir;
}, 120_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('functions.json generation', () => {
  it('fails when custom-functions-metadata reports an error', async () => {
    const bad = join(work, 'bad.ts');
    await writeFile(bad, '/**\n * Bad id.\n * @customfunction 1BAD\n * @param x a number\n */\nexport function bad(x: number): number { return x; }\n');
    await expect(generateFunctionsMetadata(bad)).rejects.toThrow(/reported errors/);
  });

  it('fails when the file declares no custom function', async () => {
    const none = join(work, 'none.ts');
    await writeFile(none, 'export function plain(x: number): number { return x; }\n');
    await expect(generateFunctionsMetadata(none)).rejects.toThrow(/no metadata|lists no function/);
  });
});

describe('build output', () => {
  it('is one shared-runtime page: office.js from the CDN, then functions.js and taskpane.js', async () => {
    const html = await readFile(join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS_CDN, 'functions.js', 'taskpane.js']);
    const fj = JSON.parse(await readFile(join(dist, 'functions.json'), 'utf8')) as { functions: Array<{ id: string }> };
    expect(fj.functions.length).toBe(10);
    for (const size of ICON_SIZES) {
      const png = await readFile(join(dist, 'assets', `icon-${size}.png`));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    expect((await stat(join(dist, 'manifest.xml'))).size).toBeGreaterThan(1000);
    expect(await readFile(join(dist, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });

  it('--office-js=local names the missing package when @microsoft/office-js is not installed', async () => {
    const require = createRequire(import.meta.url);
    let installed = true;
    try {
      require.resolve('@microsoft/office-js/package.json');
    } catch {
      installed = false;
    }
    if (installed) {
      const out = await buildAddin({ outDir: join(work, 'local'), officeJs: 'local' });
      const html = await readFile(join(out.outDir, 'taskpane.html'), 'utf8');
      expect(html).toContain('src="office/office.js"');
      expect((await stat(join(out.outDir, 'office', 'office.js'))).size).toBeGreaterThan(0);
    } else {
      await expect(buildAddin({ outDir: join(work, 'local'), officeJs: 'local' })).rejects.toThrow(/@microsoft\/office-js/);
    }
  }, 120_000);
});
