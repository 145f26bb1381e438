import type { Submission } from '@kekao/core/submission';
import type { Assessment } from '@kekao/core/scoring';
import type { CellNote } from '@kekao/core/workbook';
import type { RegisteredOrganisation } from '@kekao/core/programme';
/**
 * A note about one workbook cell (`sheet`, `cell` — A1 address, range, or empty for the whole
 * sheet — `key`, `zh`, `en`): the reader's own type, re-exported so report and summary callers
 * need only this module.
 */
export type { CellNote };
/** One scored workbook: what `kekao score` hands to the report and the summary workbook. */
export type ScoredEntry = {
  /** The workbook's file name (or path) as the user gave it. */
  file: string;
  submission: Submission;
  assessment: Assessment;
  /** Warnings from reading the workbook, each naming its sheet and cell. */
  readWarnings: CellNote[];
  /**
   * The enterprise as registered in the service (when the entry comes from it): its name and USCC
   * are the ones exported, and a different name or USCC in the evidence is flagged (需核实).
   */
  registered?: RegisteredOrganisation;
};
