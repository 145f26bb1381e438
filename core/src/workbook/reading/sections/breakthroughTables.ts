/**
 * The data tables of a quality-breakthrough (DB31/T 1368) workbook: financial and ecological
 * figures, each read into its part of the submission, and the team table, which is only checked.
 */
import type { z } from 'zod/v4';
import type { db31SubmissionSchema } from '../../../submission/index.js';
import type { WorkbookContract } from '../../contract.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import { openTable } from '../tableCursor.js';
import type { WorkbookCells } from '../workbookCells.js';
import { readEcologyTable } from './ecologyTable.js';
import { readFinanceTable } from './financeTable.js';
import { checkTeamTable } from './teamTable.js';

export type BreakthroughTables = Pick<z.input<typeof db31SubmissionSchema>, 'financials' | 'ecology'>;

export function readBreakthroughTables(contract: WorkbookContract, cells: WorkbookCells, notes: CellNoteCollector): BreakthroughTables {
  const open = (name: string) => openTable(contract.tables.find((t) => t.name === name)!, cells, notes);
  const out: BreakthroughTables = {};
  const finance = open('KekaoFinance');
  const financials = finance && readFinanceTable(finance, notes);
  if (financials) out.financials = financials;
  const ecologyTable = open('KekaoEcology');
  const ecology = ecologyTable && readEcologyTable(ecologyTable, notes);
  if (ecology) out.ecology = ecology;
  const team = open('KekaoTeam');
  if (team) checkTeamTable(team, notes);
  return out;
}
