/**
 * The 生态效益 table of a quality-breakthrough project: one resource, pollutant or carbon figure
 * before and after the project, in one unit (the reduction is computed when scoring).
 */
import type { z } from 'zod/v4';
import type { db31SubmissionSchema } from '../../../submission/index.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { TableCursor } from '../tableCursor.js';

export type EcologyInput = NonNullable<z.input<typeof db31SubmissionSchema>['ecology']>;

export function readEcologyTable(cur: TableCursor, notes: CellNoteCollector): EcologyInput | undefined {
  let out: EcologyInput | undefined;
  for (const row of cur.rows) {
    const indicator = cur.requiredText(row, 'indicator');
    const unit = cur.text(row, 'unit');
    const before = cur.requiredNumber(row, 'before', 'unit');
    const after = cur.requiredNumber(row, 'after', 'unit');
    if (out) {
      notes.warn(cur.sheet, cur.at(row, 'indicator'), {
        key: 'ecology.extraRows',
        zh: '生态效益只评一个指标，已使用第一行',
        en: 'only one ecological indicator is assessed; the first row is used',
      });
      break;
    }
    if (before === undefined || after === undefined) continue;
    out = { before, after };
    if (indicator !== undefined) out.indicator = unit !== undefined ? `${indicator}（${unit}）` : indicator;
  }
  return out;
}
