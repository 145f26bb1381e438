/**
 * The reading path has no Node-only API (the add-in's preview mode bundles it): readWorkbook is
 * bundled for the browser with esbuild and run in real Chromium on the worked example and on an
 * encrypted file; the results equal what Node reads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { browserExecutable } from '@kekao/test/helpers';
import { join } from 'node:path';
import { writeTemplate } from '../src/writeTemplate.js';
import { readWorkbook } from '../src/readWorkbook.js';
import { makeCompoundFile } from './craftedFiles.js';
import { tempDir } from './workbookTestKit.js';

const tmp = tempDir('kekao-browser-');
afterAll(() => tmp.cleanup());

describe('readWorkbook in Chromium', () => {
  it('reads the example workbook and refuses an encrypted file, like Node', async () => {
    const out = join(tmp.dir, 'read.js');
    await build({
      stdin: {
        contents: `import { readWorkbook } from ${JSON.stringify(join(import.meta.dirname, '..', 'src', 'readWorkbook.ts'))}; window.kekaoRead = readWorkbook;`,
        resolveDir: tmp.dir,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      conditions: ['@kekao/source'], // the other packages' TypeScript sources
      format: 'iife',
      outfile: out,
      logLevel: 'silent',
    });
    const example = await writeTemplate('best-practice', { example: true });
    const encrypted = makeCompoundFile(['EncryptionInfo', 'EncryptedPackage']);
    const browser = await chromium.launch({
      executablePath: browserExecutable(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.setContent('<!DOCTYPE html><html><body></body></html>');
      await page.addScriptTag({ path: out });
      const run = (bytes: Buffer) =>
        page.evaluate(async (b64) => {
          const bin = atob(b64);
          const u8 = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
          const r = await (window as unknown as { kekaoRead: (d: Uint8Array) => Promise<unknown> }).kekaoRead(u8);
          return JSON.parse(JSON.stringify(r));
        }, bytes.toString('base64'));
      const inBrowser = (await run(example)) as Awaited<ReturnType<typeof readWorkbook>>;
      const inNode = JSON.parse(JSON.stringify(await readWorkbook(example)));
      expect(inBrowser.errors).toEqual([]);
      expect(inBrowser).toEqual(inNode);
      const refused = (await run(encrypted)) as Awaited<ReturnType<typeof readWorkbook>>;
      expect(refused.errors.map((e) => e.key)).toEqual(['file.encrypted']);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
