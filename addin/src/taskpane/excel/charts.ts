import type { Assessment } from '@kekao/core/scoring';
import type { IdParameter, ReliabilitySubmission } from '@kekao/core/submission';
import { fitPath, type PathModel } from '@kekao/core/metrics';
import { columnLetter } from '@kekao/core/workbook';
import { supportsSet } from './requirements.js';
import { metricList as arr, metricNumber as num, type MetricObject as Obj } from '../model/looseMetrics.js';

/** The sheet kekao draws its charts on; recreated on every draw so charts never pile up. */
export const CHART_SHEET = 'kekao图表';
const FITTED_POINTS = 25;

/** One chart: its data block (header + rows, written to the chart sheet) and how to draw it. */
export interface ChartBlock {
  title: string;
  /** Excel.ChartType name. */
  type: 'XYScatter' | 'ColumnClustered' | 'BarClustered';
  header: string[];
  rows: Array<Array<number | string | null>>;
  /** Series (0-based, in header order after the first column) drawn as lines without markers. */
  lineSeries: number[];
}

/**
 * Degradation paths of one Id parameter: measured points per unit (markers), the fitted path per
 * unit (lines, through core's fitPath so the curve is the one the metrics used), and the limit.
 */
function degradationBlock(param: IdParameter, metrics: Obj | undefined): ChartBlock {
  const model = (metrics?.model as PathModel | undefined) ?? 'linear';
  const units = param.units;
  const tMax = Math.max(param.ratedLife, ...units.flatMap((u) => u.times));
  const startAtZero = model === 'linear' || model === 'exponential';
  const grid = Array.from({ length: FITTED_POINTS }, (_, i) => (startAtZero ? (tMax * i) / (FITTED_POINTS - 1) : (tMax * (i + 1)) / FITTED_POINTS));
  const times = [...new Set([...units.flatMap((u) => u.times), ...grid])].sort((a, b) => a - b);
  const fits = units.map((u) => fitPath(u.times, u.values, model));
  const header = ['时间', ...units.map((u) => `${u.id} 实测`), ...units.map((u) => `${u.id} 拟合`), '限值'];
  const gridSet = new Set(grid);
  const rows = times.map((t) => [
    t,
    ...units.map((u) => {
      const i = u.times.indexOf(t);
      return i >= 0 ? u.values[i] : null;
    }),
    ...fits.map((f) => (f.applicable && gridSet.has(t) ? f.predict(t) : null)),
    gridSet.has(t) ? param.limit : null,
  ]);
  const lineSeries = [...units.map((_, i) => units.length + i), 2 * units.length];
  return { title: `退化路径：${param.name}（${model}，限值 ${param.limit}）`, type: 'XYScatter', header, rows, lineSeries };
}

/** The chart blocks of an assessment: Id paths per parameter, CV per parameter and stage, Ir margins. */
export function chartBlocks(a: Assessment, s: ReliabilitySubmission): ChartBlock[] {
  const blocks: ChartBlock[] = [];
  const id = a.indicators.find((i) => i.code === 'Id');
  const idMetrics = arr(id?.metrics.parameters);
  for (const p of s.id?.parameters ?? [])
    blocks.push(
      degradationBlock(
        p,
        idMetrics.find((m) => m.name === p.name),
      ),
    );

  const ic = a.indicators.find((i) => i.code === 'Ic');
  const cvRows = arr(ic?.metrics.parameters).flatMap((p) => arr(p.stages).map((st) => [`${String(p.name)} ${String(st.stage)}`, num(st.cv)]));
  if (cvRows.length) blocks.push({ title: '各参数各阶段变异系数 CV', type: 'ColumnClustered', header: ['参数·阶段', 'CV'], rows: cvRows, lineSeries: [] });

  const ir = a.indicators.find((i) => i.code === 'Ir');
  const irRows = arr(ir?.metrics.scenarios).map((sc) => [String(sc.name), num(sc.worstMargin)]);
  if (irRows.length) blocks.push({ title: '极限场景最小相对裕量', type: 'BarClustered', header: ['场景', '最小相对裕量'], rows: irRows, lineSeries: [] });
  return blocks;
}

/**
 * Draws the blocks as native Excel charts on the kekao图表 sheet: writes each data block, adds a
 * chart over it (`sheet.charts.add`), sets the title and, where Excel has ExcelApi 1.7, draws the
 * fitted paths and the limit as lines (without it they stay scatter points). Returns the address
 * of each chart's source range.
 */
export async function drawCharts(context: Excel.RequestContext, blocks: readonly ChartBlock[]): Promise<string[]> {
  const old = context.workbook.worksheets.getItemOrNullObject(CHART_SHEET).load('isNullObject');
  await context.sync();
  if (!old.isNullObject) old.delete();
  const sheet = context.workbook.worksheets.add(CHART_SHEET);
  const sources: string[] = [];
  let row = 1;
  for (const b of blocks) {
    const width = b.header.length;
    const last = columnLetter(width);
    sheet.getRange(`A${row}`).values = [[b.title]];
    const address = `A${row + 1}:${last}${row + 1 + b.rows.length}`;
    const source = sheet.getRange(address);
    source.values = [b.header, ...b.rows.map((r) => r.map((v) => (v === null ? '' : v)))];
    const chart = sheet.charts.add(b.type, source, 'Columns');
    chart.title.text = b.title;
    chart.setPosition(`${columnLetter(width + 2)}${row}`, `${columnLetter(width + 9)}${row + 16}`);
    if (supportsSet('ExcelApi', '1.7')) for (const i of b.lineSeries) chart.series.getItemAt(i).chartType = 'XYScatterLinesNoMarkers';
    sources.push(address);
    row += Math.max(b.rows.length + 3, 19);
  }
  await context.sync();
  return sources;
}
