/**
 * The Excel code paths over office-addin-mock (properties must be loaded and synced, as in
 * office.js): reading the kekao tables, the form and the 评分表; recomputing one changed table;
 * writing results into the 评分表; drawing native charts; inserting the kekao sheets; watching
 * changes. The workbook is the real `--example` file loaded into the mock, and the numbers read
 * through office.js must equal `kekao score --json` for the same file.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '@kekao/core/scoring';
import { CONTRACTS } from '@kekao/core/workbook';
import type { ReliabilitySubmission } from '@kekao/core/submission';
import type { TableGrid } from '@kekao/core/workbook';
import { readWorkbookCells, findKekaoTables, tableGrid } from '../src/taskpane/excel/readWorkbook.js';
import { writeScoreSheet, KEKAO_SCORE_COLUMNS } from '../src/taskpane/excel/writeScoreSheet.js';
import { chartBlocks, drawCharts, CHART_SHEET } from '../src/taskpane/excel/charts.js';
import { insertKekaoSheets } from '../src/taskpane/excel/insertSheets.js';
import { isOwnScoreWrite, watchWorkbook } from '../src/taskpane/excel/watch.js';
import { debounceByKey } from '../src/taskpane/model/debounce.js';
import { LiveAssessment } from '../src/taskpane/model/liveAssessment.js';
import { mockFromXlsx } from './helpers/workbookToMock.js';
import { mockWorkbook } from './helpers/mockExcel.js';
import { kekao } from './helpers/kekaoCli.js';
import { installOffice } from './helpers/mockOffice.js';

const contract = CONTRACTS['best-practice'];
let work: string;
let example: string;
let cli: Assessment;
let removeOffice: () => void = () => undefined;

beforeAll(async () => {
  // An Excel as current as Microsoft 365 today (the reduced paths are in requirements.mock.test.ts).
  removeOffice = installOffice({ ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4' });
  work = await mkdtemp(join(tmpdir(), 'kekao-addin-mock-'));
  example = join(work, 'example.xlsx');
  await kekao(['template', '--kind', 'best-practice', '--out', example, '--example'], work);
  cli = JSON.parse(await kekao(['score', example, '--json'], work)) as Assessment;
}, 120_000);

afterAll(async () => {
  removeOffice();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Assessments compared as data (flags order-insensitive). */
function normalised(a: Assessment | null): unknown {
  if (!a) return null;
  const flags = [...a.flags].sort((x, y) => `${x.indicator}${x.path}${x.kind}`.localeCompare(`${y.indicator}${y.path}${y.kind}`));
  return JSON.parse(JSON.stringify({ ...a, flags }));
}

describe('reading the workbook through office.js', () => {
  it('finds the kekao tables and reads tables, form and 评分表 in two syncs; the assessment equals kekao score', async () => {
    const wb = await mockFromXlsx(example);
    expect((await findKekaoTables(wb.context, contract)).sort()).toEqual(['KekaoBasic', 'KekaoIc', 'KekaoId', 'KekaoIr', 'KekaoW']);
    const before = wb.syncs();
    const cells = await readWorkbookCells(wb.context, contract);
    expect(wb.syncs() - before).toBe(2);
    const ic = cells.tables.KekaoIc!;
    expect(ic.sheet).toBe('Ic数据');
    expect(ic.header).toEqual(contract.tables.find((t) => t.name === 'KekaoIc')!.columns.map((c) => c.header));
    expect(ic.headerRow).toBe(3);
    expect(ic.rows[0].rowNumber).toBe(4);
    expect(cells.form?.cells.B7).toBe(cli.subject.enterprise);

    const live = LiveAssessment.fromCells(cells);
    const a = live.current.assessment!;
    expect(live.current.errors).toEqual([]);
    expect(a.total).toBeCloseTo(cli.total, 10);
    expect(a.missingScores).toEqual(cli.missingScores);
    expect(normalised(a)).toEqual(normalised(cli));
  });

  it('parses table addresses, quoted sheet names included', () => {
    const g = tableGrid('KekaoIc', "'Ic 数据'!B3:D5", [
      ['参数', '阶段', '测量值'],
      ['V', 't0', 1],
      ['V', 't0', 2],
    ]);
    expect(g).toMatchObject({ sheet: 'Ic 数据', headerRow: 3, columns: ['B', 'C', 'D'] });
    expect(g.rows.map((r) => r.rowNumber)).toEqual([4, 5]);
  });
});

describe('recomputing after a change to one table', () => {
  it('re-assesses only the changed indicator and ends where a full recompute ends', async () => {
    const wb = await mockFromXlsx(example);
    const cells = await readWorkbookCells(wb.context, contract);
    const live = LiveAssessment.fromCells(cells);
    const old = live.current.assessment!;
    // Widen the spread of the Ic values (×3 around 12 V / 91.5 %): the CV grows.
    const ic = cells.tables.KekaoIc!;
    const valueIdx = ic.header.indexOf('测量值');
    const changed: TableGrid = {
      ...ic,
      rows: ic.rows.map((r, i) => ({ ...r, values: r.values.map((v, j) => (j === valueIdx && typeof v === 'number' ? v + (i % 2 ? 0.3 : -0.3) : v)) })),
    };
    const partial = live.tableChanged('KekaoIc', changed);
    expect(partial.recomputed).toBe('Ic');
    const full = LiveAssessment.fromCells({ ...cells, tables: { ...cells.tables, KekaoIc: changed } }).current;
    expect(normalised(partial.assessment)).toEqual(normalised(full.assessment));
    expect(partial.submission).toEqual(full.submission);
    // The other indicators are the very objects of the cache (not recomputed).
    for (const code of ['Id', 'Ir', 'W']) {
      expect(partial.assessment!.indicators.find((i) => i.code === code)).toBe(old.indicators.find((i) => i.code === code));
    }
    const cv = (a: Assessment) => (a.indicators[0].metrics.parameters as Array<{ stages: Array<{ cv: number }> }>)[0].stages[0].cv;
    expect(cv(partial.assessment!)).toBeGreaterThan(cv(old) * 5);
  });

  it('a bad cell in the changed table becomes an error naming the sheet and cell', async () => {
    const wb = await mockFromXlsx(example);
    const cells = await readWorkbookCells(wb.context, contract);
    const live = LiveAssessment.fromCells(cells);
    const ic = cells.tables.KekaoIc!;
    const valueIdx = ic.header.indexOf('测量值');
    const bad: TableGrid = { ...ic, rows: ic.rows.map((r, i) => (i === 10 ? { ...r, values: r.values.map((v, j) => (j === valueIdx ? '约12' : v)) } : r)) };
    const state = live.tableChanged('KekaoIc', bad);
    expect(state.assessment).toBeNull();
    expect(state.errors.map((e) => `${e.sheet}!${e.cell}`)).toContain(`Ic数据!${ic.columns[valueIdx]}${ic.rows[10].rowNumber}`);
  });
});

describe('writing into the 评分表', () => {
  it('writes bands and key metrics in J:K, highlights the suggested band row, never touches F–I', async () => {
    const wb = await mockFromXlsx(example);
    const a = LiveAssessment.fromCells(await readWorkbookCells(wb.context, contract)).current.assessment!;
    const before = new Map(wb.sheets.get('评分表')!.cells);
    await writeScoreSheet(wb.context, a, contract);
    const valueWrites = wb.writes.filter((w) => w.values);
    expect(valueWrites.every((w) => w.sheet === '评分表')).toBe(true);
    expect(valueWrites.every((w) => /^[JK]\d+:[JK]\d+$/.test(w.address))).toBe(true);
    expect(valueWrites[0]).toEqual({ sheet: '评分表', address: 'J4:K4', values: [['建议分档（建议值，非官方）', 'kekao 计算的关键指标']] });
    for (const row of contract.score.rows) {
      const ind = cli.indicators.find((i) => i.code === row.id)!;
      const w = valueWrites.find((x) => x.address === `J${row.firstRow}:K${row.firstRow}`)!;
      expect(w.values![0][0]).toBe(ind.suggestedBand ? `${ind.suggestedBand.min}–${ind.suggestedBand.max}` : '由评审判断');
    }
    // Ic: 91–100 is the first of its four rows → D5:E5 highlighted.
    const icBand = cli.indicators.find((i) => i.code === 'Ic')!.suggestedBand!;
    const icRow = contract.score.rows.find((r) => r.id === 'Ic')!;
    const offset = [91, 71, 41, 0].indexOf(icBand.min);
    expect(wb.writes).toContainEqual({ sheet: '评分表', address: `D${icRow.firstRow + offset}:E${icRow.firstRow + offset}`, fill: '#E2F0D9' });
    const icCell = wb.sheets.get('评分表')!.cells.get(`${KEKAO_SCORE_COLUMNS.metrics}${icRow.firstRow}`) as string;
    expect(icCell).toContain('输出电压');
    expect(icCell).toContain('CV(t0)=');
    const totalRow = Number(contract.score.totalCell.slice(1));
    expect(wb.sheets.get('评分表')!.cells.get(`J${totalRow}`)).toBeCloseTo(cli.total, 10);
    // The person's cells (raw F, weighted formula G, fraud H, reason I) are unchanged.
    for (const [addr, v] of before) if (/^[F-I]\d+$/.test(addr)) expect(wb.sheets.get('评分表')!.cells.get(addr)).toEqual(v);
  });
});

describe('native charts', () => {
  it('draws degradation paths with fitted lines and limit, CV per parameter, Ir margins', async () => {
    const wb = await mockFromXlsx(example);
    const state = LiveAssessment.fromCells(await readWorkbookCells(wb.context, contract)).current;
    const s = state.submission as ReliabilitySubmission;
    const blocks = chartBlocks(state.assessment!, s);
    const sources = await drawCharts(wb.context, blocks);
    expect(wb.sheets.has(CHART_SHEET)).toBe(true);
    const idParams = s.id!.parameters;
    expect(wb.charts.map((c) => c.type)).toEqual([...idParams.map(() => 'XYScatter'), 'ColumnClustered', 'BarClustered']);
    expect(wb.charts.map((c) => c.source)).toEqual(sources);

    const deg = wb.charts[0];
    const units = idParams[0].units;
    expect(deg.title).toContain(idParams[0].name);
    // Fitted series and the limit are lines without markers; measured series keep markers.
    expect(
      Object.keys(deg.lineSeries)
        .map(Number)
        .sort((x, y) => x - y),
    ).toEqual([...units.map((_, i) => units.length + i), 2 * units.length]);
    expect(Object.values(deg.lineSeries).every((t) => t === 'XYScatterLinesNoMarkers')).toBe(true);
    const block = wb.writes.find((w) => w.sheet === CHART_SHEET && w.address === deg.source)!.values!;
    expect(block[0]).toEqual(['时间', ...units.map((u) => `${u.id} 实测`), ...units.map((u) => `${u.id} 拟合`), '限值']);
    // Every measured point is in the block at its time.
    const u0 = units[0];
    for (let i = 0; i < u0.times.length; i++) expect(block.find((r) => r[0] === u0.times[i])![1]).toBe(u0.values[i]);
    const limits = block
      .slice(1)
      .map((r) => r[r.length - 1])
      .filter((v) => v !== '');
    expect(new Set(limits)).toEqual(new Set([idParams[0].limit]));

    const cvChart = wb.charts[idParams.length];
    const cvBlock = wb.writes.find((w) => w.sheet === CHART_SHEET && w.address === cvChart.source)!.values!;
    const icParams = s.ic!.parameters;
    expect(cvBlock.length - 1).toBe(icParams.reduce((n, p) => n + p.stages.length, 0));

    // Drawing again replaces the chart sheet instead of piling charts up.
    await drawCharts(wb.context, blocks);
    expect(wb.deletedSheets).toEqual([CHART_SHEET]);
  });
});

describe('inserting the kekao sheets', () => {
  it("adds the missing sheets and tables, keeps the user's sheets, and the result reads back", async () => {
    const wb = mockWorkbook({ 我的数据: { A1: '自己的表', B2: 42 } }, {});
    const report = await insertKekaoSheets(wb.context, contract);
    expect(report.sheetsAdded).toEqual(['推荐表', '基本要求', 'Ic数据', 'Id数据', 'Ir数据', 'W数据', '评分表']);
    expect(report.tablesAdded.map((t) => t.name)).toEqual(contract.tables.map((t) => t.name));
    expect(report.tablesAdded.find((t) => t.name === 'KekaoIc')!.address).toBe('Ic数据!A3:G4');
    expect(wb.writes.some((w) => w.sheet === '我的数据')).toBe(false);
    expect([...wb.sheets.get('我的数据')!.cells]).toEqual([
      ['A1', '自己的表'],
      ['B2', 42],
    ]);
    expect(wb.writes).toContainEqual({ sheet: 'Ic数据', address: 'A3:G3', values: [['参数', '单位', '阶段', '使用时间(h)', '样品编号', '测量值', '分辨率']] });
    const score = wb.sheets.get('评分表')!.cells;
    expect(score.get('G5')).toBe('=IF(F5="","",F5*C5)');
    expect(score.get('C5')).toBe(0.2);
    const totalRow = Number(contract.score.totalCell.slice(1));
    expect(score.get(`G${totalRow}`)).toBe(`=SUM(G5:G${totalRow - 1})`);
    expect((await findKekaoTables(wb.context, contract)).length).toBe(5);

    // Run again: everything exists, nothing is added.
    const again = await insertKekaoSheets(wb.context, contract);
    expect(again.sheetsAdded).toEqual([]);
    expect(again.tablesKept.length).toBe(5);
  });
});

describe('watching changes', () => {
  it("tells kekao's own 评分表 writes (J:K) from the user's", () => {
    expect(isOwnScoreWrite('评分表!J5:K5')).toBe(true);
    expect(isOwnScoreWrite('J29')).toBe(true);
    expect(isOwnScoreWrite('F5')).toBe(false);
    expect(isOwnScoreWrite('I5:J5')).toBe(false);
    expect(isOwnScoreWrite(undefined)).toBe(false);
  });

  it('registers a handler per kekao table and per layout sheet; a paste burst recomputes once', async () => {
    const wb = await mockFromXlsx(example);
    const fired: string[] = [];
    vi.useFakeTimers();
    try {
      const debounced = debounceByKey<string>((k) => fired.push(k), 300);
      const watched = await watchWorkbook(wb.context, contract, (k) => debounced.schedule(k));
      expect(watched!.sort()).toEqual(['KekaoBasic', 'KekaoIc', 'KekaoId', 'KekaoIr', 'KekaoW', 'layout']);
      for (let i = 0; i < 5; i++) wb.tableHandlers.get('KekaoIc')![0]();
      wb.tableHandlers.get('KekaoId')![0]();
      vi.advanceTimersByTime(299);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(fired.sort()).toEqual(['KekaoIc', 'KekaoId']);
      // kekao's own write into J:K of the 评分表 does not trigger a recompute; a raw score does.
      (wb.sheetHandlers.get('评分表')![0] as (e: { address: string }) => void)({ address: 'J5:K5' });
      vi.advanceTimersByTime(300);
      expect(fired).not.toContain('layout');
      (wb.sheetHandlers.get('评分表')![0] as (e: { address: string }) => void)({ address: 'F9' });
      vi.advanceTimersByTime(300);
      expect(fired).toContain('layout');
    } finally {
      vi.useRealTimers();
    }
  });
});
