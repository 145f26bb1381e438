/**
 * The bad-input corpus: files generated here, each with the
 * warning or error it must give and the sheet!cell it must name; none may crash, and the CLI
 * exits non-zero exactly when a file cannot be scored, without a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../src/readWorkbook.js';
import { prepareBases, type Case } from './badInputCorpus/corpusKit.js';
import { refusedCases } from './badInputCorpus/refusedCases.js';
import { toleratedCases } from './badInputCorpus/toleratedCases.js';
import { runCli, tempDir } from './workbookTestKit.js';

const tmp = tempDir('kekao-corpus-');
afterAll(() => tmp.cleanup());

beforeAll(prepareBases);

const cases: Case[] = [...toleratedCases, ...refusedCases];

describe('bad-input corpus', () => {
  it('has at least 40 generated files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const bytes = await c.make();
      const r = await readWorkbook(bytes, c.options);
      const e = c.expect;
      if (e.key === 'none') {
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
      } else {
        const list = e.severity === 'error' ? r.errors : r.warnings;
        const hit = list.find((n) => n.key === e.key && n.sheet === e.sheet && n.cell === e.cell);
        expect(
          hit,
          `${e.key} at ${e.sheet}!${e.cell}; got ${JSON.stringify([...r.errors, ...r.warnings].map((n) => `${n.key}@${n.sheet}!${n.cell}`))}`,
        ).toBeDefined();
        expect(hit!.zh.length).toBeGreaterThan(0);
        expect(hit!.en.length).toBeGreaterThan(0);
      }
      if (e.severity === 'error') expect(r.submission).toBeUndefined();
      else {
        expect(r.errors).toEqual([]);
        expect(r.submission).toBeDefined();
      }
      c.check?.(r);

      if (!c.options) {
        // Through the CLI: exit status follows the reading; never a stack trace or an internal error.
        const file = join(tmp.dir, `${cases.indexOf(c)}.xlsx`);
        writeFileSync(file, bytes);
        const run = await runCli(['score', file, '--json'], tmp.dir);
        expect(run.code).toBe(e.severity === 'error' ? 1 : 0);
        expect(run.err).not.toMatch(/cli\.internalError|\n\s+at /);
        if (e.severity === 'error') expect(run.err).toContain(`(${e.key})`);
        else expect(JSON.parse(run.out).rubric).toBe('reliability-2024');
      }
    });
  }
});
