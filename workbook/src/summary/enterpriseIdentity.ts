import type ExcelJS from 'exceljs';
import { registryMismatches } from '@kekao/core/programme';
import type { ScoredEntry } from '../scoredEntry.js';

/**
 * Who an entry belongs to, as the summary prints it: the registered organisation when the entry
 * comes from the service (one source of truth), else what the evidence says (`kekao score` on
 * files). `check` lists where the evidence disagrees with the registry, for officers (需核实).
 */
export function enterpriseIdentity(entry: ScoredEntry): { name: string; uscc: string; check: string[] } {
  const stated = entry.submission.enterprise;
  if (!entry.registered) return { name: stated?.name ?? entry.assessment.subject.enterprise, uscc: stated?.uscc ?? '', check: [] };
  return {
    name: entry.registered.name,
    uscc: entry.registered.uscc ?? '',
    check: registryMismatches(stated, entry.registered).map((m) => m.zh),
  };
}

/** Puts the 需核实 lines on a cell as an Excel note (shown on hover, printed with the comments). */
export function flagCell(cell: ExcelJS.Cell, check: readonly string[]): void {
  if (check.length) cell.note = check.join('\n');
}
