/**
 * Checks an uploaded file before exceljs inflates it, so that a bad upload gets a clear message
 * and cannot exhaust memory: not an xlsx, encrypted or legacy .xls (OLE compound file), truncated
 * or corrupt zip, and zip bombs. The zip central directory gives each entry's declared sizes
 * (APPNOTE 6.3.x §4.3.12, §4.3.16); the declared sizes are checked first, then each entry is
 * inflated in a stream that stops as soon as it exceeds what was declared or the limit — a lying
 * header cannot make us allocate past the limit.
 * Browser-safe: Uint8Array, DataView and DecompressionStream only.
 */
import { BilingualError } from '@kekao/core/i18n';
export interface ZipLimits {
  /** Total uncompressed size of all entries. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed of one entry larger than `ratioAppliesAbove` (and of the whole file). */
  maxRatio: number;
  ratioAppliesAbove: number;
  maxEntries: number;
  /** Inflate every entry once to confirm the declared sizes (costs one extra inflate). */
  verifyInflatedSizes: boolean;
}
export declare const DEFAULT_ZIP_LIMITS: ZipLimits;
/** A file-level refusal, in Chinese with the English key. */
export declare class WorkbookFileError extends BilingualError {
  constructor(key: string, zh: string, en: string);
}
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}
/** Reads the zip central directory; throws WorkbookFileError for anything that is not a sound zip. */
export declare function readCentralDirectory(b: Uint8Array): ZipEntry[];
/**
 * Sniffs and inspects a would-be xlsx. Throws WorkbookFileError (bilingual) when it must be refused.
 */
export declare function guardXlsx(bytes: Uint8Array, limits?: Partial<ZipLimits>): Promise<ZipEntry[]>;
