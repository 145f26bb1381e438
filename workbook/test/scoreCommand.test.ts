/**
 * `kekao score` over several workbooks: the Chinese summary, --json (object for one file, array for
 * several), --report and --summary written through the other modules, the progress display, and a
 * non-zero exit without a stack trace when any file fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeTemplate } from '../src/writeTemplate.js';
import { main } from '@kekao/cli';
import { loadWb, runCli, tempDir, toBuffer } from './workbookTestKit.js';

const tmp = tempDir('kekao-score-');
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'bp.xlsx'), await writeTemplate('best-practice', { example: true }));
  writeFileSync(join(tmp.dir, 'fmea.xlsx'), await writeTemplate('fmea', { example: true }));
  writeFileSync(join(tmp.dir, 'db31.xlsx'), await writeTemplate('breakthrough', { example: true }));
  const wb = await loadWb(await writeTemplate('best-practice', { example: true }));
  wb.getWorksheet('Ic数据')!.getCell('F14').value = '约12';
  wb.getWorksheet('Ic数据')!.getCell('F5').value = '12.003 V';
  writeFileSync(join(tmp.dir, 'bad.xlsx'), await toBuffer(wb));
  const warned = await loadWb(await writeTemplate('best-practice', { example: true }));
  warned.getWorksheet('W数据')!.getCell('F4').value = '180,000';
  writeFileSync(join(tmp.dir, 'warned.xlsx'), await toBuffer(warned));
  writeFileSync(join(tmp.dir, 'notes.txt'), 'not a workbook');
});

describe('kekao score', () => {
  it('prints the Chinese summary with metrics, bands, scores, total and the read warnings with their cells', async () => {
    const r = await runCli(['score', 'warned.xlsx'], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('关键性能一致性');
    expect(r.out).toMatch(/输出电压\/t0: n=30, 均值 [\d.]+, CV [\d.]+%/);
    expect(r.out).toContain('91～100');
    expect(r.out).toContain('总分: ');
    expect(r.out).toContain('W数据!F4: “180,000”含千位分隔符，读为 180000 (cell.thousandsSeparator)');
    const en = await runCli(['score', 'warned.xlsx', '--lang', 'en'], tmp.dir);
    expect(en.out).toContain('Total: ');
    expect(en.out).toContain('W数据!F4: "180,000" has thousands separators');
  });

  it('several files: --json is an array of assessments and errors; the exit is 1; errors name sheet and cell', async () => {
    const r = await runCli(['score', 'bp.xlsx', 'bad.xlsx', 'notes.txt', 'missing.xlsx', 'fmea.xlsx', 'db31.xlsx', '--json'], tmp.dir);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.out) as Array<{ file: string; assessment?: { rubric: string }; errors?: Array<{ key: string; sheet: string; cell: string }> }>;
    expect(list.map((x) => x.file)).toEqual(['bp.xlsx', 'bad.xlsx', 'notes.txt', 'missing.xlsx', 'fmea.xlsx', 'db31.xlsx']);
    expect(list.map((x) => x.assessment?.rubric ?? null)).toEqual(['reliability-2024', null, null, null, 'fmea-case-2025', 'db31-1368-2022']);
    expect(list[1]!.errors).toContainEqual(expect.objectContaining({ key: 'cell.notNumeric', sheet: 'Ic数据', cell: 'F14' }));
    expect(list[2]!.errors!.map((e) => e.key)).toEqual(['file.notXlsx']);
    expect(list[3]!.errors!.map((e) => e.key)).toEqual(['file.unreadable']);
    expect(r.err).toContain('Ic数据!F14: “约12”不是数值 (cell.notNumeric)');
    expect(r.err).toMatch(/读取 6\/6/);
    expect(r.err).not.toMatch(/\n\s+at |internalError/);
  });

  it('writes the HTML report and the summary workbook, with a progress bar on a terminal', async () => {
    let err = '';
    const code = await main(['score', 'bp.xlsx', 'fmea.xlsx', 'db31.xlsx', '--report', 'r.html', '--summary', 's.xlsx'], {
      out: () => undefined,
      err: (t) => void (err += t),
      cwd: tmp.dir,
      interactive: true,
    });
    expect(code).toBe(0);
    expect(err).toMatch(/\r汇总表 \[#+\.*\] \d+\/\d+/);
    const html = readFileSync(join(tmp.dir, 'r.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('上海可靠电源科技有限公司（示例）');
    expect(existsSync(join(tmp.dir, 's.xlsx'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 's.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses no files and unknown kinds with usage errors', async () => {
    expect((await runCli(['score'], tmp.dir)).code).toBe(2);
    const r = await runCli(['score', 'bp.xlsx', '--kind', 'x'], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cli.badKind');
  });
});
