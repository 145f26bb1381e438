/**
 * The W table (售后故障率): one row for the period before the improvement and one for after, each
 * with its liability failures and exposure. W compares the two, so one period alone is not scored.
 */
import type { z } from 'zod/v4';
import { exposureUnitSchema, type failurePeriodSchema, type ReliabilitySubmissionInput } from '../../../submission/index.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { CellOrigins } from '../cellOrigins.js';
import type { TableCursor } from '../tableCursor.js';

export type WInput = NonNullable<ReliabilitySubmissionInput['w']>;
type FailurePeriodInput = z.input<typeof failurePeriodSchema>;

const PERIODS = ['before', 'after'] as const;

export function readWTable(cur: TableCursor, origins: CellOrigins, notes: CellNoteCollector): WInput | undefined {
  // A period row that could not be read is kept as undefined: it still counts as given.
  const periods = new Map<(typeof PERIODS)[number], FailurePeriodInput | undefined>();
  for (const row of cur.rows) {
    const period = cur.requiredChoice(row, 'period', PERIODS);
    const label = cur.text(row, 'label');
    const start = cur.date(row, 'start');
    const end = cur.date(row, 'end');
    const failures = cur.requiredNumber(row, 'failures');
    const exposure = cur.requiredNumber(row, 'exposure');
    const exposureUnit = cur.requiredChoice(row, 'exposureUnit', exposureUnitSchema.options);
    if (period === undefined) continue;
    if (periods.has(period)) {
      notes.error(cur.sheet, cur.at(row, 'period'), {
        key: 'w.duplicatePeriod',
        zh: `“${period === 'before' ? '改进前' : '改进后'}”出现了两次`,
        en: `the period "${period}" appears twice`,
      });
      continue;
    }
    if (failures === undefined || exposure === undefined || exposureUnit === undefined) {
      periods.set(period, undefined);
      continue;
    }
    const p: FailurePeriodInput = { failures, exposure, exposureUnit };
    const dates = start !== undefined || end !== undefined ? `${start ?? ''}～${end ?? ''}` : undefined;
    if (label !== undefined) p.label = label;
    else if (dates) p.label = dates;
    periods.set(period, p);
    origins.recordCell(`w.${period}`, { sheet: cur.sheet, cell: cur.at(row, 'period') });
  }
  if (periods.size === 0) return undefined;
  if (!periods.has('before') || !periods.has('after')) {
    const hasBefore = periods.has('before');
    notes.warn(cur.sheet, '', {
      key: 'w.missingPeriod',
      zh: `售后故障数据缺少“${hasBefore ? '改进后' : '改进前'}”一行，W 无法比较`,
      en: `W data lacks the "${hasBefore ? 'after' : 'before'}" row; W cannot be compared`,
    });
    return undefined;
  }
  const before = periods.get('before');
  const after = periods.get('after');
  return before && after ? { before, after } : undefined;
}
