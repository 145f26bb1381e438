import { type WorkbookKind } from '@kekao/core/workbook';
import type { CellNote } from '@kekao/core/workbook';
import type { Submission } from '@kekao/core/submission';
import { type ZipLimits } from './zipGuard.js';
export interface ReadWorkbookOptions {
  fileName?: string;
  /** Force the kind instead of reading it from the file. */
  kind?: WorkbookKind;
  zipLimits?: Partial<ZipLimits>;
  /** Most rows accepted on one sheet. */
  maxRows?: number;
}
export interface ReadWorkbookResult {
  kind?: WorkbookKind;
  submission?: Submission;
  /** Form fields as display text (contact, phone, e-mail … for the 推荐汇总表). */
  form: Record<string, string>;
  warnings: CellNote[];
  errors: CellNote[];
}
export declare const DEFAULT_MAX_ROWS = 200000;
/** Reads workbook bytes into a submission, with warnings and errors naming sheet!cell. Never throws for bad files. */
export declare function readWorkbook(data: ArrayBuffer | Uint8Array, opts?: ReadWorkbookOptions): Promise<ReadWorkbookResult>;
