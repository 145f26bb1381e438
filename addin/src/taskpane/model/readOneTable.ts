import type { ReliabilitySubmission } from '@kekao/core/submission';
import { CONTRACTS } from '@kekao/core/workbook';
import { tableToSubmission, type CellNote, type TableGrid } from '@kekao/core/workbook';

/** The submission part each reliability data table is read into. */
export const TABLE_PART = { KekaoIc: 'ic', KekaoId: 'id', KekaoIr: 'ir', KekaoW: 'w', KekaoBasic: 'basicRequirements' } as const;
export type TablePartName = keyof typeof TABLE_PART;

export interface OneTableReading {
  /** The part read from the table (undefined when the table is empty or unreadable). */
  part: unknown;
  warnings: CellNote[];
  errors: CellNote[];
}

/**
 * Reads ONE kekao table through the shared converter (tableToSubmission), without the rest of the
 * workbook: the form only has to name an enterprise and a product for the submission to be valid,
 * so a minimal one is supplied. Notes are kept only for the table's own sheet.
 */
export function readOneTable(name: TablePartName, grid: TableGrid | undefined, names = { enterprise: 'kekao', product: 'kekao' }): OneTableReading {
  const contract = CONTRACTS['best-practice'];
  const field = (key: string) => contract.form.find((f) => f.key === key)!;
  const ent = field('enterpriseName');
  const prod = field('productName');
  const reading = tableToSubmission({
    kind: 'best-practice',
    sheetNames: grid ? [grid.sheet] : [],
    form: {
      sheet: contract.formSheet,
      cells: { [ent.labelCell]: ent.label, [ent.cell]: names.enterprise || 'kekao', [prod.labelCell]: prod.label, [prod.cell]: names.product || 'kekao' },
    },
    tables: { [name]: grid },
  });
  const sheet = grid?.sheet;
  const own = (n: CellNote): boolean => n.sheet === sheet;
  const errors = reading.errors.filter(own);
  // Any other error would come from the synthetic form — a bug, so it is surfaced, not hidden.
  const foreign = reading.errors.filter((n) => !own(n));
  const part = reading.submission ? (reading.submission as ReliabilitySubmission)[TABLE_PART[name]] : undefined;
  return { part, warnings: reading.warnings.filter(own), errors: [...errors, ...foreign] };
}
