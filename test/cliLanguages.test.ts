/**
 * `kekao assess … --lang en` and `kekao score … --lang en` print English only, and the Chinese
 * output has no English words — apart from what the user typed (names in the file or workbook)
 * and technical terms. Runs the real CLI (cli/main.ts) with buffer IO on real files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { writeTemplate } from '@kekao/workbook';

const CJK_RUN = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;
const TERMS = new Set(['Cpk', 'Ppk', 'FMEA', 'PFMEA', 'DFMEA', 'kWh', 'LSL', 'USL']);

const dir = mkdtempSync(join(tmpdir(), 'kekao-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, interactive: false };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

function alloyUnits() {
  const byId = new Map<string, { id: string; times: number[]; values: number[] }>();
  const csv = readFileSync(fileURLToPath(new URL('./data/alloya.csv', import.meta.url)), 'utf8');
  for (const line of csv.trim().split(/\r?\n/).slice(1)) {
    const [inches, id, megacycles] = line.split(',');
    if (!byId.has(id!)) byId.set(id!, { id: id!, times: [], values: [] });
    byId.get(id!)!.times.push(Number(megacycles));
    byId.get(id!)!.values.push(Number(inches));
  }
  return [...byId.values()];
}

/** A submission whose every name is ASCII, reaching many rules (measured exceedances, a better form, a rising failure rate, flags). */
const submission = {
  rubric: 'reliability-2024',
  enterprise: { name: 'Acme' },
  product: { name: 'Bracket' },
  basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: false, instruments: true, testPlan: true, resultData: true },
  ic: {
    parameters: [
      {
        name: 'V1',
        stages: [
          { stage: 't0', values: Array.from({ length: 60 }, (_, i) => 12 + (i % 10 === 0 ? 0.01 : 0.05)) },
          { stage: 't1', usageHours: 50, values: [12, 12.1, 12.2] },
        ],
      },
    ],
  },
  id: { parameters: [{ name: 'crack', unit: 'in', limit: 1.6, direction: 'max', ratedLife: 0.12, model: 'power', units: alloyUnits() }] },
  ir: { scenarios: [{ name: 'S1', stresses: [{ category: 'vibration', level: 5, rated: 3 }], limit: 11, direction: 'min', values: [12, 12.5, 11.9] }] },
  w: { before: { failures: 3, exposure: 1000 }, after: { failures: 9, exposure: 1000 } },
  scores: { Ic: { raw: 95 } },
};
const USER_WORDS = new Set(['Acme', 'Bracket', 'crack']);

/** Every text the user put in a workbook: cell strings and sheet names. */
async function workbookStrings(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const found: string[] = [];
  wb.eachSheet((ws) => {
    found.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (typeof v === 'string') found.push(v);
        else if (v && typeof v === 'object' && 'richText' in v) found.push((v as { richText: { text: string }[] }).richText.map((r) => r.text).join(''));
        else if (v !== null && v !== undefined && typeof v !== 'object') found.push(String(v));
      }),
    );
  });
  return found;
}

beforeAll(async () => {
  writeFileSync(join(dir, 'acme.json'), JSON.stringify(submission));
  writeFileSync(
    join(dir, 'bad.json'),
    JSON.stringify({ ...submission, w: { before: { failures: '3', exposure: 1000 }, after: { failures: 2 ** 60, exposure: 1000 } } }),
  );
  for (const kind of ['best-practice', 'fmea', 'breakthrough'] as const) writeFileSync(join(dir, `${kind}.xlsx`), await writeTemplate(kind, { example: true }));
});

describe('kekao assess --lang', () => {
  it('--lang en: no Chinese character anywhere', async () => {
    const r = await run(['assess', 'acme.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('12/21 units were measured beyond the limit');
    expect(r.out.match(CJK_RUN)).toBeNull();
  });

  it("Chinese: no English word but the user's names and technical terms", async () => {
    const r = await run(['assess', 'acme.json']);
    expect(r.out).toContain('12/21 个样品在额定寿命 0.12 前实测已超出限值');
    const words = (r.out.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !USER_WORDS.has(w) && !TERMS.has(w));
    expect(words).toEqual([]);
  });

  it('--lang en validation errors are English only', async () => {
    const r = await run(['assess', 'bad.json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('expected a number, received the text "3"');
    expect(r.err).toContain('too large: an integer above 2^53 − 1');
    expect(r.err.match(CJK_RUN)).toBeNull();
  });
});

describe('kekao score --lang', () => {
  it('--lang en: every Chinese fragment is text from the workbook itself', async () => {
    const files = ['best-practice.xlsx', 'fmea.xlsx', 'breakthrough.xlsx'];
    const r = await run(['score', ...files, '--lang', 'en']);
    expect(r.code).toBe(0);
    const own = (await Promise.all(files.map(workbookStrings))).flat();
    // The workbook reader stores an ecology indicator as "name（unit）" in the submission: the
    // full-width brackets there belong to that submitted text, so they are not counted.
    const foreign = (r.out.match(CJK_RUN) ?? []).flatMap((run) => run.split(/[（）]/)).filter((run) => run && !own.some((s) => s.includes(run)));
    expect(foreign).toEqual([]);
  });

  it('Chinese: every English word is from the workbook or a technical term', async () => {
    const files = ['best-practice.xlsx', 'fmea.xlsx', 'breakthrough.xlsx'];
    const r = await run(['score', ...files]);
    const own = (await Promise.all(files.map(workbookStrings))).flat().join('\n');
    const words = (r.out.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !TERMS.has(w) && !own.includes(w) && !files.some((f) => f.includes(w)));
    expect(words).toEqual([]);
  });
});
