import { ApiError, validationFailed } from '../http/errors.js';
import type { Logger } from '../log.js';
import { sharedWorkbookReaderPool } from './workbookReaderPool.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface CellIssue {
  sheet: string;
  cell: string;
  key: string;
  zh: string;
  en: string;
}

interface WorkbookReadResult {
  kind: string;
  submission?: unknown;
  warnings: CellIssue[];
  errors: CellIssue[];
}

type ReadWorkbook = (data: Uint8Array, opts?: { fileName?: string }) => Promise<WorkbookReadResult> | WorkbookReadResult;

/** The workbook reader of workbook/src (loaded on first use: the service starts without it). */
async function loadReader(): Promise<ReadWorkbook> {
  const mod = (await import('@kekao/workbook')) as { readWorkbook?: ReadWorkbook };
  if (typeof mod.readWorkbook !== 'function') throw new Error('workbook/src/index.ts does not export readWorkbook');
  return mod.readWorkbook;
}

const readInThread = async (bytes: Uint8Array, fileName: string | undefined) => (await loadReader())(bytes, fileName ? { fileName } : {});

const place = (i: CellIssue) => (i.sheet ? `${i.sheet}!${i.cell}` : '(文件 / file)');

/**
 * Reads an uploaded 推荐表 workbook into a submission. Errors name sheet and cell
 * (`Ic数据!E14: "约12" 不是数值 (cell.notNumeric)`); a file that is not a workbook is a 422 too.
 */
export async function readWorkbookUpload(
  data: Buffer,
  fileName: string | null,
  reader: { workers: number; log?: Logger } = { workers: 0 },
): Promise<{ submission: unknown; warnings: CellIssue[] }> {
  if (data.length === 0) throw new ApiError(400, 'request.emptyBody', '上传的工作簿为空', 'the uploaded workbook is empty');
  const pool = sharedWorkbookReaderPool(reader.workers, readInThread, reader.log);
  let result: WorkbookReadResult;
  try {
    result = (await pool.read(new Uint8Array(data.buffer, data.byteOffset, data.length), fileName ?? undefined)) as WorkbookReadResult;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError(422, 'workbook.unreadable', `无法读取工作簿：${detail}`, `the workbook cannot be read: ${detail}`);
  }
  if (result.errors.length > 0 || result.submission === undefined) {
    const issues = result.errors.map((e) => ({ path: place(e), key: e.key, zh: `${place(e)}: ${e.zh}`, en: `${place(e)}: ${e.en}` }));
    if (issues.length === 0)
      issues.push({
        path: '(工作簿 / workbook)',
        key: 'workbook.noSubmission',
        zh: '工作簿中没有可读取的申报',
        en: 'the workbook holds no readable submission',
      });
    throw validationFailed(issues, 'workbook.invalid');
  }
  return { submission: result.submission, warnings: result.warnings };
}
