/**
 * The build: functions.json generation fails loudly (generator errors, nothing generated), the
 * output is one shared-runtime page loading office.js from the CDN without inline scripts, a
 * production dist has no source maps, the committed icons are shipped, and the command line is
 * strict. The `--office-js=local` build is in intranet.browser.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAddin, generateFunctionsMetadata, OFFICE_JS_CDN, ICON_SIZES } from '../build.js';
import { ASSETS_DIR, ICON_FILES } from '../tools/renderIcons.js';
import { runTsx } from './helpers/runTsx.js';

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

  it('production output carries no source maps; a --dev build links them', async () => {
    const files = await readdir(dist, { recursive: true });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.js'))) expect(await readFile(join(dist, f), 'utf8'), f).not.toContain('sourceMappingURL');
    const dev = await buildAddin({ outDir: join(work, 'dev'), minify: false, dev: true });
    expect(existsSync(join(dev.outDir, 'taskpane.js.map'))).toBe(true);
    expect(await readFile(join(dev.outDir, 'taskpane.js'), 'utf8')).toContain('//# sourceMappingURL=taskpane.js.map');
  }, 120_000);

  it('copies the committed icons, byte for byte', async () => {
    for (const f of ICON_FILES) {
      const shipped = join(dist, f.png.startsWith('icon-') ? 'assets' : '', f.png);
      expect((await readFile(shipped)).equals(await readFile(join(ASSETS_DIR, f.png))), f.png).toBe(true);
    }
  });

  it('the page has no inline script and no inline event handler (Content-Security-Policy)', async () => {
    const html = await readFile(join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(3);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('command line', () => {
  it('refuses an unknown flag with exit code 2, naming it and listing the valid flags', async () => {
    const r = await runTsx(['addin/build.ts', '--famly', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知参数 --famly / unknown flag --famly');
    expect(r.stderr).toContain('valid flags: --office-js=cdn|local --base-url=https://host/path --out=DIR --no-minify --dev');
  });

  it('refuses a bad --office-js value with exit code 2', async () => {
    const r = await runTsx(['addin/build.ts', '--office-js=remote', `--out=${join(work, 'never')}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--office-js must be cdn or local');
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});
