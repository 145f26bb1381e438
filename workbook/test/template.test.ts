/**
 * `kekao template`: the workbook reopens in exceljs with its sheets, tables, validations and
 * formulas; the worked examples read back cleanly; and — where LibreOffice is installed — every
 * template converts to PDF and LibreOffice's own recalculation of the 评分表 and of the
 * 统一社会信用代码 check formula gives the values computed here and by the Python reference.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS, WORKBOOK_KINDS } from '@kekao/core/workbook';
import { validations, writeTemplate } from '../src/writeTemplate.js';
import { readWorkbook } from '../src/readWorkbook.js';
import { exampleContent } from '../src/exampleData.js';
import { loadWb, runCli, tempDir, toBuffer } from './workbookTestKit.js';
import { unzip } from './craftedFiles.js';

const tmp = tempDir('kekao-template-');
afterAll(() => tmp.cleanup());
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
// `npm test` installs LibreOffice or stops (scripts/test-environment.mjs), so in CI the check must run;
// a single file run with npx vitest on a developer machine may lack it.
if (process.env.CI === 'true' && !hasSoffice)
  throw new Error('CI 需要 LibreOffice（soffice）/ CI needs LibreOffice: npm test installs it (scripts/test-environment.mjs)');
const reference = join(import.meta.dirname, '..', '..', 'core', 'test', 'reference', 'uscc.py');

function formulaOf(ws: ExcelJS.Worksheet, addr: string): string | undefined {
  const v = ws.getCell(addr).value as { formula?: string; sharedFormula?: string } | null;
  return v && typeof v === 'object' ? v.formula : undefined;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('template workbook', () => {
  for (const kind of WORKBOOK_KINDS) {
    it(`${kind}: sheets, tables, validations and formulas survive a reopen`, async () => {
      const c = CONTRACTS[kind];
      const wb = await loadWb(await writeTemplate(kind));
      expect(wb.worksheets.map((w) => w.name)).toEqual([...c.sheets]);
      expect(wb.subject).toBe(`kekao-workbook:${kind}`);
      for (const t of c.tables) {
        const ws = wb.getWorksheet(t.sheet)!;
        expect(ws.getTable(t.name), t.name).toBeDefined();
        expect(t.columns.map((col, i) => ws.getCell(t.headerRow, i + 1).value)).toEqual(t.columns.map((col) => col.header));
      }
      const form = wb.getWorksheet(c.formSheet)!;
      for (const f of c.form) {
        expect(form.getCell(f.labelCell).value).toBe(f.label);
        if (f.maxLength) {
          expect(formulaOf(form, f.counterCell!)).toBe(`LEN(${f.cell})&"/${f.maxLength}"`);
          expect(validations(form).find(f.cell)).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [f.maxLength] });
        }
        if (f.type === 'uscc') expect(validations(form).find(f.cell)).toMatchObject({ type: 'custom' });
        if (f.type === 'enum') expect(validations(form).find(f.cell)).toMatchObject({ type: 'list' });
      }
      const s = c.score;
      const ws = wb.getWorksheet(s.sheet)!;
      const first = s.rows[0]!;
      const last = s.rows[s.rows.length - 1]!;
      if (kind === 'best-practice') {
        for (const r of s.rows) {
          expect(formulaOf(ws, r.weightedCell)).toBe(`IF(${r.rawCell}="","",IF(${r.fraudCell}="是",0,${r.rawCell}*C${r.firstRow}))`);
          expect(ws.getCell(`C${r.firstRow}`).value).toBe(r.weight);
        }
        expect(formulaOf(ws, s.totalCell)).toBe(`SUM(G${first.firstRow}:G${last.lastRow})`);
      } else {
        expect(formulaOf(ws, s.totalCell)).toBe(`IF(${s.fraudCell}="是",0,SUM(${s.columns.raw}${first.firstRow}:${s.columns.raw}${last.lastRow}))`);
        for (const r of s.rows) expect(ws.getCell(`${s.columns.weight}${r.firstRow}`).value).toBe(r.weight);
      }
      // The points / weights on the sheet add up to the rubric's 100.
      const sum = s.rows.reduce((a, r) => a + r.weight, 0);
      expect(sum).toBeCloseTo(kind === 'best-practice' ? 1 : 100, 12);
    });

    it(`${kind}: the worked example reads back without a warning and matches its data`, async () => {
      const r = await readWorkbook(await writeTemplate(kind, { example: true }));
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      const ex = exampleContent(kind);
      expect(r.submission!.enterprise.name).toBe(ex.form.enterpriseName);
      const scores = r.submission!.scores as Record<string, { raw: number }>;
      expect(Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.raw]))).toEqual(ex.scores);
      if (kind === 'best-practice') {
        const sub = r.submission as any;
        expect(sub.ic.parameters.map((p: any) => p.stages.map((st: any) => st.values.length))).toEqual([
          [30, 30],
          [30, 30],
        ]);
        expect(sub.id.parameters[0].units).toHaveLength(8);
        expect(sub.ir.scenarios.length).toBeGreaterThanOrEqual(5);
        expect(sub.ir.scenarios[2].stresses.map((x: any) => x.category)).toEqual(['humidity', 'high-temperature']);
        expect(sub.w.before.failures).toBe(126);
      }
    });
  }

  it('the package follows the rules Excel repairs files for (element order, table shape, unique names)', async () => {
    for (const kind of WORKBOOK_KINDS) {
      for (const example of [false, true]) {
        const parts = unzip(await writeTemplate(kind, { example }));
        const text = (name: string) => parts.find((p) => p.name === name)!.data.toString('utf8');
        for (const p of parts.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name))) {
          const xml = p.data.toString('utf8');
          // CT_Worksheet sequence (ECMA-376 Part 1 §18.3.1.99): … dataValidations … pageMargins … legacyDrawing … tableParts, extLst.
          const order = ['<sheetData', '<mergeCells', '<dataValidations', '<pageMargins', '<legacyDrawing', '<tableParts', '<extLst']
            .map((tag) => xml.indexOf(tag))
            .filter((i) => i >= 0);
          expect(order, `${kind} ${p.name}`).toEqual([...order].sort((a, b) => a - b));
        }
        for (const p of parts.filter((x) => /^xl\/tables\/table\d+\.xml$/.test(x.name))) {
          const xml = p.data.toString('utf8');
          const ref = /\bref="([A-Z]+)\d+:([A-Z]+)\d+"/.exec(xml)!;
          const width = ref[2]!.charCodeAt(0) - ref[1]!.charCodeAt(0) + 1;
          const names = [...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
          expect(names).toHaveLength(width);
          expect(new Set(names).size).toBe(names.length);
          expect(xml).toContain('headerRowCount="1"');
        }
        expect(text('xl/workbook.xml')).toContain('<sheets>');
      }
    }
  });

  it('kekao template writes the file and refuses a bad kind', async () => {
    const ok = await runCli(['template', '--kind', 'fmea', '--out', 'x.xlsx', '--example'], tmp.dir);
    expect(ok.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'x.xlsx'))).toBe(true);
    const bad = await runCli(['template', '--kind', 'nope', '--out', 'y.xlsx'], tmp.dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cli.badKind');
  });

  it.runIf(hasSoffice)(
    'LibreOffice opens every template and recalculates the 评分表 and the credit-code check as computed independently',
    async () => {
      const files: string[] = [];
      for (const kind of WORKBOOK_KINDS) {
        for (const example of [false, true]) {
          const f = join(tmp.dir, `${kind}${example ? '-example' : ''}.xlsx`);
          writeFileSync(f, await writeTemplate(kind, { example }));
          files.push(f);
        }
      }
      // A filled best-practice file whose formulas carry no cached result, so LibreOffice must compute them.
      const wb = await loadWb(await writeTemplate('best-practice'));
      const score = wb.getWorksheet('评分表')!;
      const raws: Record<string, number> = { Ic: 83, Id: 77.5, Ir: 64, W: 91, C: 55, G: 70 };
      for (const r of CONTRACTS['best-practice'].score.rows) score.getCell(r.rawCell).value = raws[r.id]!;
      score.getCell('H13').value = '是'; // Ir: data fraud (note d) → 0
      score.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === 'object' && v.formula) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      );
      wb.getWorksheet('基本要求')!.getCell('C6').value = '否';
      const form = wb.getWorksheet('推荐表')!;
      const check = formulaOf(form, 'C14')!;
      const codes = [
        '91350100M000100Y43',
        '914403001922038216',
        '91440300192203821N',
        '91110000802100433B',
        '911100001000044477',
        '91310115MA1K3JW33X',
        '9135010OM000100Y43',
      ];
      codes.forEach((code, i) => {
        form.getCell(`B${60 + i}`).value = code;
        form.getCell(`C${60 + i}`).value = { formula: check.replaceAll('B14', `B${60 + i}`) } as ExcelJS.CellFormulaValue;
      });
      form.getCell('B19').value = '企业简介共十个字符哦';
      form.getCell('C19').value = { formula: 'LEN(B19)&"/500"' } as ExcelJS.CellFormulaValue;
      const filled = join(tmp.dir, 'filled.xlsx');
      writeFileSync(filled, await toBuffer(wb));

      const pdfDir = join(tmp.dir, 'pdf');
      execFileSync(
        'soffice',
        ['--headless', `-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', pdfDir, ...files],
        { stdio: 'ignore', timeout: 240_000 },
      );
      for (const f of files) {
        const pdf = join(
          pdfDir,
          f
            .split('/')
            .pop()!
            .replace(/\.xlsx$/, '.pdf'),
        );
        expect(existsSync(pdf), pdf).toBe(true);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      }
      const csvDir = join(tmp.dir, 'csv');
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          csvDir,
          filled,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const sheet = (name: string) => parseCsv(readFileSync(join(csvDir, readdirSync(csvDir).find((n) => n.endsWith(`-${name}.csv`))!), 'utf8'));
      const scoreRows = sheet('评分表');
      const at = (addr: string) => {
        const m = /^([A-Z])(\d+)$/.exec(addr)!;
        return scoreRows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] ?? '';
      };
      // Weighted = raw × weight (note c), fraud → 0 (note d); weights 20/25/25/15/5/10 %.
      const weights: Record<string, number> = { Ic: 0.2, Id: 0.25, Ir: 0.25, W: 0.15, C: 0.05, G: 0.1 };
      let total = 0;
      for (const r of CONTRACTS['best-practice'].score.rows) {
        const expected = r.id === 'Ir' ? 0 : raws[r.id]! * weights[r.id]!;
        total += expected;
        expect(Number(at(r.weightedCell)), r.id).toBeCloseTo(expected, 9);
      }
      expect(total).toBeCloseTo(16.6 + 19.375 + 0 + 13.65 + 2.75 + 7, 9);
      expect(Number(at(CONTRACTS['best-practice'].score.totalCell))).toBeCloseTo(total, 9);
      expect(at('A30')).toContain('基本要求（a）有未满足项');
      const formRows = sheet('推荐表');
      const verdicts = execFileSync('python3', [reference, ...codes])
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[1]);
      codes.forEach((code, i) => {
        expect(formRows[60 + i - 1]![1]).toBe(code);
        expect(formRows[60 + i - 1]![2], code).toBe(verdicts[i] === 'valid' ? '✓ 校验通过' : '✗ 校验码错误');
      });
      expect(formRows[18]![2]).toBe('10/500');
    },
    300_000,
  );
});
