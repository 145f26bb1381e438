/**
 * Plain cell grids → a submission (docs/architecture.md §3). Pure: the file side builds the
 * grids with exceljs, the Excel add-in with office.js (`range.values`), and both call this.
 *
 * A table grid is one Excel table (or a header row found by its headers) and the rows under it,
 * each row an array of values aligned with `columns` (the column letters).
 *
 * Every repair is a warning naming sheet!cell; what cannot be read is an error naming sheet!cell.
 * When there is any error, no submission is returned: scoring half-read data would mislead.
 * The parts live in reading/: the form, one reader per data table, the score sheet, then the
 * schema check that maps its problems back to cells.
 */
import { CONTRACTS, type WorkbookContract } from './contract.js';
import { CellNoteCollector } from './cellNotes.js';
import { CellOrigins } from './reading/cellOrigins.js';
import { readFormSheet } from './reading/formSheet.js';
import { readScoreSheet } from './reading/scoreSheet.js';
import { readBestPracticeTables, type BestPracticeTables } from './reading/sections/bestPracticeTables.js';
import { readBreakthroughTables, type BreakthroughTables } from './reading/sections/breakthroughTables.js';
import { draftSubmission } from './reading/submissionDraft.js';
import { validateSubmission } from './reading/validateSubmission.js';
import type { WorkbookCells, WorkbookReading } from './reading/workbookCells.js';

export type { CellNote } from './cellNotes.js';
export type { GridRow, SheetCells, TableGrid, WorkbookCells, WorkbookReading } from './reading/workbookCells.js';
export { matchColumns, normalizeHeader, type ColumnMatch } from './reading/headers.js';
export { normalizeStage } from './reading/sections/icTable.js';
export { guessKind } from './reading/workbookKind.js';

export function tableToSubmission(cells: WorkbookCells): WorkbookReading {
  const contract = CONTRACTS[cells.kind];
  const notes = new CellNoteCollector();
  const origins = new CellOrigins();
  // Read in sheet order, so that the notes come out in the order a person goes through the workbook.
  const form = readFormSheet(contract, cells.form, notes, origins);
  const tables = readDataTables(contract, cells, notes, origins);
  const scoreSheet = readScoreSheet(contract, cells.score, notes, origins);
  notes.finish();
  if (notes.errors.length) return { kind: cells.kind, form: form.display, warnings: notes.warnings, errors: notes.errors };
  const draft = draftSubmission(cells.kind, form.targets, tables, scoreSheet);
  return validateSubmission(cells.kind, draft, form.display, notes, origins);
}

function readDataTables(
  contract: WorkbookContract,
  cells: WorkbookCells,
  notes: CellNoteCollector,
  origins: CellOrigins,
): BestPracticeTables | BreakthroughTables {
  switch (cells.kind) {
    case 'best-practice':
      return readBestPracticeTables(contract, cells, notes, origins);
    case 'breakthrough':
      return readBreakthroughTables(contract, cells, notes);
    case 'fmea':
      return {};
  }
}
