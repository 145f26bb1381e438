import type { WorkbookContract } from '@kekao/core/workbook';
import { KEKAO_SCORE_COLUMNS } from './writeScoreSheet.js';
import { supportsSet } from './requirements.js';

/** A change confined to kekao's own 评分表 columns (J:K) is our write, not the user's: no recompute. */
export function isOwnScoreWrite(address: string | undefined): boolean {
  if (!address) return false;
  const cols = new Set<string>(Object.values(KEKAO_SCORE_COLUMNS));
  return address
    .replace(/^.*!/, '')
    .split(/[,:]/)
    .every((part) => cols.has(part.replace(/\$/g, '').replace(/\d+$/, '')));
}

/** What changed: a kekao table by name, or the layout sheets (推荐表 / 评分表). */
export type ChangeKey = string | 'layout';

/**
 * Registers change handlers (ExcelApi 1.7 onChanged): one per kekao table present, and one per
 * layout sheet. Handlers only report the key — the caller debounces and re-reads. Returns the
 * keys watched, or null where Excel lacks ExcelApi 1.7 (the pane then recomputes on request).
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  contract: WorkbookContract,
  onChange: (key: ChangeKey) => void,
): Promise<ChangeKey[] | null> {
  if (!supportsSet('ExcelApi', '1.7')) return null;
  const probes = contract.tables.map((spec) => ({ spec, table: context.workbook.tables.getItemOrNullObject(spec.name).load('isNullObject') }));
  const sheets = [contract.formSheet, contract.score.sheet].map((n) => ({
    name: n,
    sheet: context.workbook.worksheets.getItemOrNullObject(n).load('isNullObject'),
  }));
  await context.sync();
  const watched: ChangeKey[] = [];
  for (const { spec, table } of probes) {
    if (table.isNullObject) continue;
    table.onChanged.add(async () => onChange(spec.name));
    watched.push(spec.name);
  }
  for (const { name, sheet: s } of sheets) {
    if (s.isNullObject) continue;
    const isScore = name === contract.score.sheet;
    s.onChanged.add(async (e) => {
      if (isScore && isOwnScoreWrite(e?.address)) return;
      onChange('layout');
    });
    if (!watched.includes('layout')) watched.push('layout');
  }
  await context.sync();
  return watched;
}
