/**
 * Telling the workbook kind from what a file shows when its document property (the kind marker)
 * was lost, e.g. after "Save as" in another program.
 */
import type { WorkbookKind } from '../contract.js';
import { normalizeHeader } from './headers.js';

/** Finds the most likely workbook kind from its sheet names and form labels (when the document property is absent). */
export function guessKind(sheetNames: readonly string[], formLabels: readonly string[]): WorkbookKind | undefined {
  // Each kind's form has one label no other form has; it is the strongest sign.
  const labels = new Set(formLabels.map((l) => normalizeHeader(l)));
  if (labels.has(normalizeHeader('案例名称'))) return 'fmea';
  if (labels.has(normalizeHeader('项目名称'))) return 'breakthrough';
  if (labels.has(normalizeHeader('推荐产品'))) return 'best-practice';
  const names = new Set(sheetNames);
  if (names.has('Ic数据') || names.has('Id数据') || names.has('Ir数据')) return 'best-practice';
  if (names.has('经济效益')) return 'breakthrough';
  return undefined;
}
