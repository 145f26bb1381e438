import { assess } from '@kekao/core/scoring';
import { suggestTier } from '@kekao/core/scoring';
import type { Assessment, IndicatorAssessment } from '@kekao/core/scoring';
import type { Submission } from '@kekao/core/submission';
import type { IndicatorCode, ReliabilitySubmission } from '@kekao/core/submission';
import { tableToSubmission, type CellNote, type SheetCells, type TableGrid, type WorkbookCells } from '@kekao/core/workbook';
import { readOneTable, TABLE_PART, type TablePartName } from './readOneTable.js';

/** Which indicator each data table feeds; the basic-requirements table gates Ic/Id/Ir, so it means all. */
export const TABLE_INDICATOR: Readonly<Record<string, IndicatorCode | 'all'>> = {
  KekaoIc: 'Ic',
  KekaoId: 'Id',
  KekaoIr: 'Ir',
  KekaoW: 'W',
  KekaoBasic: 'all',
};

export interface LiveState {
  submission: Submission | null;
  assessment: Assessment | null;
  warnings: CellNote[];
  errors: CellNote[];
  /** What the last update recomputed: 'all' or one indicator code. */
  recomputed: IndicatorCode | 'all';
}

/** A whole-workbook reading: tableToSubmission's (Excel) or readWorkbook's (preview, the service's path). */
export interface WorkbookReadingLike {
  submission?: Submission;
  warnings: CellNote[];
  errors: CellNote[];
}

const INDICATOR_ORDER = ['Ic', 'Id', 'Ir', 'W', 'C', 'G'];
const flagOrder = (code: string): number => {
  const i = INDICATOR_ORDER.indexOf(code);
  return i < 0 ? INDICATOR_ORDER.length : i;
};

/**
 * The task pane's model: a workbook reading (cells → tableToSubmission, the same converter the
 * file side and the service use) → core `assess`. A change to one data table re-reads THAT table
 * only and re-assesses only its indicator, on a submission that keeps everything else (basic
 * requirements, raw scores, fraud marks) from the last full reading; the other indicators come
 * from the cache and the total, missing scores, flags and tier are recombined as core does.
 */
export class LiveAssessment {
  private state!: LiveState;
  private cells: WorkbookCells | null;
  /** Reading notes by sheet, so a partial update replaces only the notes of what it re-read. */
  private notesBySheet = new Map<string, { warnings: CellNote[]; errors: CellNote[] }>();

  constructor(reading: WorkbookReadingLike, cells: WorkbookCells | null = null) {
    this.cells = cells;
    this.adopt(reading);
  }

  static fromCells(cells: WorkbookCells): LiveAssessment {
    return new LiveAssessment(tableToSubmission(cells), cells);
  }

  get current(): LiveState {
    return this.state;
  }

  private adopt(reading: WorkbookReadingLike): LiveState {
    this.notesBySheet.clear();
    this.addNotes(reading.warnings, reading.errors);
    const submission = reading.errors.length ? null : (reading.submission ?? null);
    this.state = { submission, assessment: submission ? assess(submission) : null, ...this.allNotes(), recomputed: 'all' };
    return this.state;
  }

  private addNotes(warnings: readonly CellNote[], errors: readonly CellNote[]): void {
    for (const [list, kind] of [
      [warnings, 'warnings'],
      [errors, 'errors'],
    ] as const) {
      for (const n of list) {
        const entry = this.notesBySheet.get(n.sheet) ?? { warnings: [], errors: [] };
        entry[kind].push(n);
        this.notesBySheet.set(n.sheet, entry);
      }
    }
  }

  private allNotes(): { warnings: CellNote[]; errors: CellNote[] } {
    const warnings: CellNote[] = [];
    const errors: CellNote[] = [];
    for (const e of this.notesBySheet.values()) {
      warnings.push(...e.warnings);
      errors.push(...e.errors);
    }
    return { warnings, errors };
  }

  /** Everything re-read (Excel: the workbook's cells). */
  full(cells: WorkbookCells): LiveState {
    this.cells = cells;
    return this.adopt(tableToSubmission(cells));
  }

  /** The 评分表 or the form changed: raw scores feed every indicator, so everything is re-assessed. */
  layoutChanged(layout: { form?: SheetCells; score?: SheetCells }): LiveState {
    if (!this.cells) return this.state;
    return this.full({ ...this.cells, ...layout });
  }

  /** One table changed: re-read it and re-assess its indicator only. */
  tableChanged(name: string, grid: TableGrid | undefined): LiveState {
    if (this.cells) this.cells = { ...this.cells, tables: { ...this.cells.tables, [name]: grid } };
    const code = TABLE_INDICATOR[name];
    const prev = this.state;
    const prevSubmission = prev.submission;
    if (!code || code === 'all' || !prev.assessment || !prevSubmission || prevSubmission.rubric !== 'reliability-2024') {
      return this.cells ? this.full(this.cells) : this.state;
    }
    const reading = readOneTable(name as TablePartName, grid, { enterprise: prevSubmission.enterprise.name, product: prevSubmission.product.name });
    const sheet = grid?.sheet ?? '';
    this.notesBySheet.delete(sheet);
    this.addNotes(reading.warnings, reading.errors);
    const notes = this.allNotes();
    if (reading.errors.length) {
      this.state = { submission: null, assessment: null, ...notes, recomputed: code };
      return this.state;
    }

    const part = TABLE_PART[name as TablePartName];
    const submission: Record<string, unknown> = { ...prevSubmission };
    if (reading.part === undefined) delete submission[part];
    else submission[part] = reading.part;
    // Re-assess the changed indicator alone: the other data parts are left out, everything that
    // applies to every indicator (basic requirements, scores, fraud, product family) is kept.
    const only = { ...submission } as Record<string, unknown>;
    for (const p of ['ic', 'id', 'ir', 'w']) if (p !== part) delete only[p];
    const partial = assess(only as ReliabilitySubmission);
    const fresh = partial.indicators.find((i) => i.code === code) as IndicatorAssessment;
    const indicators = prev.assessment.indicators.map((i) => (i.code === code ? fresh : i));
    const missingScores = indicators.filter((i) => i.weightedScore === null).map((i) => i.code);
    const flags = [...prev.assessment.flags.filter((f) => f.indicator !== code), ...partial.flags.filter((f) => f.indicator === code)].sort(
      (a, b) => flagOrder(a.indicator) - flagOrder(b.indicator),
    );
    const base = {
      ...prev.assessment,
      indicators,
      total: indicators.reduce((s, i) => s + (i.weightedScore ?? 0), 0),
      missingScores,
      complete: missingScores.length === 0,
      flags,
    };
    const assessment: Assessment = { ...base, tier: suggestTier(base) };
    this.state = { submission: submission as Submission, assessment, ...notes, recomputed: code };
    return this.state;
  }
}
