/**
 * `kekao template`: writes the 推荐表 workbook of a kind (docs/architecture.md §4) — the form
 * with length limits, counters, drop-downs and the GB 32100 check of the 统一社会信用代码; one Excel
 * table per data sheet; the 评分表 whose weighted scores and total are plain Excel formulas; a 说明
 * sheet. With `example`, a worked example fills every sheet.
 */
import ExcelJS from 'exceljs';
import { CONTRACTS, KIND_MARKER_PREFIX, type WorkbookKind } from '@kekao/core/workbook';
import { exampleContent } from './exampleData.js';
import { writeDataSheet } from './template/dataSheets.js';
import { writeForm } from './template/formSheet.js';
import { writeInstructions } from './template/instructionsSheet.js';
import { writePointScores } from './template/pointsScoreSheet.js';
import { writeReliabilityScores } from './template/reliabilityScoreSheet.js';

export { validations } from './template/dataValidation.js';

export interface TemplateOptions {
  example?: boolean;
}

/** Writes the template (or, with `example`, the worked example) of a workbook kind as .xlsx bytes. */
export async function writeTemplate(kind: WorkbookKind, opts: TemplateOptions = {}): Promise<Buffer> {
  const c = CONTRACTS[kind];
  const ex = opts.example ? exampleContent(kind) : undefined;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kekao';
  wb.title = c.title.zh;
  wb.subject = `${KIND_MARKER_PREFIX}${kind}`;
  wb.created = new Date(Date.UTC(2025, 5, 9));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of c.sheets) {
    if (sheet === c.formSheet) writeForm(wb, c, ex);
    else if (sheet === c.score.sheet) {
      if (kind === 'best-practice') writeReliabilityScores(wb, c, ex);
      else writePointScores(wb, c, ex);
    } else if (sheet === c.instructionsSheet) writeInstructions(wb, c);
    else {
      const spec = c.tables.find((t) => t.sheet === sheet);
      if (spec) writeDataSheet(wb, spec, ex);
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
