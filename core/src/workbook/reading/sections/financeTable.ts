/**
 * The 经济效益 table of a quality-breakthrough project (DB31/T 1368 Table A.1): the financial
 * figures (万元) of the 12 months before and after the project, one row per period.
 */
import type { z } from 'zod/v4';
import type { db31FinancialsSchema, db31SubmissionSchema } from '../../../submission/index.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { TableCursor } from '../tableCursor.js';

export type FinanceInput = NonNullable<z.input<typeof db31SubmissionSchema>['financials']>;
type FiguresInput = z.input<typeof db31FinancialsSchema>;

const PERIODS = ['before', 'after'] as const;
const FIGURES = ['sales', 'profit', 'costReduction', 'forexSaving', 'other'] as const satisfies readonly (keyof FiguresInput)[];

export function readFinanceTable(cur: TableCursor, notes: CellNoteCollector): FinanceInput | undefined {
  const periods: Partial<Record<(typeof PERIODS)[number], FiguresInput>> = {};
  for (const row of cur.rows) {
    const period = cur.requiredChoice(row, 'period', PERIODS);
    const figures: FiguresInput = {};
    for (const key of FIGURES) {
      const v = cur.number(row, key);
      if (v !== undefined) figures[key] = v;
    }
    if (period === undefined) continue;
    if (periods[period]) {
      notes.error(cur.sheet, cur.at(row, 'period'), { key: 'finance.duplicatePeriod', zh: '同一时期出现了两次', en: `the period "${period}" appears twice` });
      continue;
    }
    periods[period] = figures;
  }
  // One period alone is still read: the missing one counts as no figures.
  if (!periods.before && !periods.after) return undefined;
  return { before: periods.before ?? {}, after: periods.after ?? {} };
}
