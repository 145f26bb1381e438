import type { Assessment } from '@kekao/core/scoring';
import type { WorkbookContract } from '@kekao/core/workbook';
import { metricSummary } from '../model/metricSummary.js';

/**
 * kekao's own columns of the 评分表, right of the official layout (A–I): the suggested band and the
 * key metrics. The person's raw score (F), the weighted formula (G), 造假 (H) and 理由 (I) are
 * never overwritten — the tool suggests, a person scores.
 */
export const KEKAO_SCORE_COLUMNS = { band: 'J', metrics: 'K' } as const;
const SUGGESTED_FILL = '#E2F0D9';

export interface CellWrite {
  address: string;
  values: unknown[][];
  fill?: string;
}

/** Everything written into the 评分表, as (address, values) pairs: pure, so tests can read it. */
export function scoreSheetWrites(a: Assessment, contract: WorkbookContract): CellWrite[] {
  const { band, metrics } = KEKAO_SCORE_COLUMNS;
  const head = contract.score.headerRow;
  const writes: CellWrite[] = [{ address: `${band}${head}:${metrics}${head}`, values: [['建议分档（建议值，非官方）', 'kekao 计算的关键指标']] }];
  for (const row of contract.score.rows) {
    const ind = a.indicators.find((i) => i.code === row.id);
    if (!ind) continue;
    const b = ind.suggestedBand;
    const text = b ? `${b.min}–${b.max}` : '由评审判断';
    writes.push({ address: `${band}${row.firstRow}:${metrics}${row.firstRow}`, values: [[text, metricSummary(ind)]] });
    // Highlight the band row the suggestion falls in (the four rows are 91–100, 71–90, 41–70, 0–40).
    if (b) {
      const order = [91, 71, 41, 0];
      const offset = order.indexOf(b.min);
      if (offset >= 0 && row.firstRow + offset <= row.lastRow) {
        const r = row.firstRow + offset;
        writes.push({ address: `D${r}:E${r}`, values: [[null, null]], fill: SUGGESTED_FILL });
      }
    }
  }
  const totalRow = Number(contract.score.totalCell.replace(/^[A-Z]+/, ''));
  writes.push({
    address: `${band}${totalRow}:${metrics}${totalRow}`,
    values: [[a.total, a.missingScores.length ? `尚缺原始得分：${a.missingScores.join('、')}` : '原始得分已齐全']],
  });
  return writes;
}

/** Applies the writes in one batch (one sync). Fill-only writes keep the cells' contents. */
export async function writeScoreSheet(context: Excel.RequestContext, a: Assessment, contract: WorkbookContract): Promise<CellWrite[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(contract.score.sheet).load('isNullObject');
  await context.sync();
  if (sheet.isNullObject) throw new Error(`工作簿中没有“${contract.score.sheet}”工作表 / the workbook has no ${contract.score.sheet} sheet`);
  const writes = scoreSheetWrites(a, contract);
  for (const w of writes) {
    const range = sheet.getRange(w.address);
    if (w.fill) range.format.fill.color = w.fill;
    else range.values = w.values;
  }
  await context.sync();
  return writes;
}
