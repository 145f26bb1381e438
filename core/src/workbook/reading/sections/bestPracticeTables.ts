/**
 * The data tables of a best-practice (reliability-2024) workbook, each read into its part of the
 * submission. Every table is optional: a missing one is a warning and its indicator stays unscored.
 */
import type { ReliabilitySubmissionInput } from '../../../submission/index.js';
import type { WorkbookContract } from '../../contract.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { CellOrigins } from '../cellOrigins.js';
import { openTable } from '../tableCursor.js';
import type { WorkbookCells } from '../workbookCells.js';
import { readBasicRequirementsTable } from './basicRequirementsTable.js';
import { readIcTable } from './icTable.js';
import { readIdTable } from './idTable.js';
import { readIrTable } from './irTable.js';
import { readWTable } from './wTable.js';

export type BestPracticeTables = Pick<ReliabilitySubmissionInput, 'basicRequirements' | 'ic' | 'id' | 'ir' | 'w'>;

export function readBestPracticeTables(contract: WorkbookContract, cells: WorkbookCells, notes: CellNoteCollector, origins: CellOrigins): BestPracticeTables {
  const open = (name: string) => openTable(contract.tables.find((t) => t.name === name)!, cells, notes);
  // Tables are read in this order so that notes come out in the order of the workbook's sheets.
  const out: BestPracticeTables = {};
  const basic = open('KekaoBasic');
  const basicRequirements = basic && readBasicRequirementsTable(basic, notes);
  if (basicRequirements) out.basicRequirements = basicRequirements;
  const icTable = open('KekaoIc');
  const ic = icTable && readIcTable(icTable, origins);
  if (ic) out.ic = ic;
  const idTable = open('KekaoId');
  const id = idTable && readIdTable(idTable, origins);
  if (id) out.id = id;
  const irTable = open('KekaoIr');
  const ir = irTable && readIrTable(irTable, origins);
  if (ir) out.ir = ir;
  const wTable = open('KekaoW');
  const w = wTable && readWTable(wTable, origins, notes);
  if (w) out.w = w;
  return out;
}
