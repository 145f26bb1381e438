/** The contract of each workbook kind: its sheets, form, tables and score sheet. */
import { BASIC_REQUIREMENT_KEYS } from '../../submission/reliabilitySubmission.js';
import { BEST_PRACTICE_FORM, BREAKTHROUGH_FORM, FMEA_FORM, FORM_FIRST_ROW } from './forms.js';
import { db31ScoreSheet, fmeaScoreSheet, reliabilityScoreSheet } from './scoreSheets.js';
import { SHEET } from './sheetNames.js';
import type { WorkbookContract } from './specTypes.js';
import { BASIC_TABLE, ECOLOGY_TABLE, FINANCE_TABLE, IC_TABLE, ID_TABLE, IR_TABLE, TEAM_TABLE, W_TABLE } from './tables.js';
import type { WorkbookKind } from './workbookKinds.js';

export const CONTRACTS: Record<WorkbookKind, WorkbookContract> = {
  'best-practice': {
    kind: 'best-practice',
    rubric: 'reliability-2024',
    title: { zh: '产品质量可靠性创新“最佳实践”推荐表', en: 'Reliability innovation "best practice" recommendation form' },
    sheets: [SHEET.form, SHEET.basic, SHEET.ic, SHEET.id, SHEET.ir, SHEET.w, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: BEST_PRACTICE_FORM,
    tables: [BASIC_TABLE, IC_TABLE, ID_TABLE, IR_TABLE, W_TABLE],
    score: reliabilityScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
  fmea: {
    kind: 'fmea',
    rubric: 'fmea-case-2025',
    title: { zh: 'FMEA应用典型案例推荐表', en: 'FMEA application typical case recommendation form' },
    sheets: [SHEET.form, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: FMEA_FORM,
    tables: [],
    score: fmeaScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
  breakthrough: {
    kind: 'breakthrough',
    rubric: 'db31-1368-2022',
    title: { zh: '上海市重点产品质量攻关项目登记表', en: 'Shanghai key product quality breakthrough project registration form' },
    sheets: [SHEET.form, SHEET.finance, SHEET.ecology, SHEET.team, SHEET.score, SHEET.instructions],
    formSheet: SHEET.form,
    formFirstRow: FORM_FIRST_ROW,
    form: BREAKTHROUGH_FORM,
    tables: [FINANCE_TABLE, ECOLOGY_TABLE, TEAM_TABLE],
    score: db31ScoreSheet(),
    instructionsSheet: SHEET.instructions,
  },
};

export function contractOf(kind: WorkbookKind): WorkbookContract {
  return CONTRACTS[kind];
}

/** The basic-requirement keys in table order (note (a)). */
export const BASIC_KEYS = BASIC_REQUIREMENT_KEYS;
