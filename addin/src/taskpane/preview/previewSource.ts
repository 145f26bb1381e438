import { readWorkbook } from '@kekao/workbook';
import type { WorkbookReadingLike } from '../model/liveAssessment.js';

/**
 * Preview mode's reader: the workbook bytes go through `readWorkbook` (zip guard, exceljs,
 * tableToSubmission) — the very code the CLI and the service run on an uploaded file, so the
 * pane shows the same numbers they do.
 */
export async function previewReading(data: Uint8Array, fileName: string): Promise<WorkbookReadingLike> {
  const r = await readWorkbook(data, { fileName });
  return { submission: r.submission, warnings: r.warnings, errors: r.errors };
}
