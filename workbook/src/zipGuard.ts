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

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioAppliesAbove: 1024 * 1024,
  maxEntries: 10_000,
  verifyInflatedSizes: true,
};

/** A file-level refusal, in Chinese with the English key. */
export class WorkbookFileError extends BilingualError {
  constructor(key: string, zh: string, en: string) {
    super(key, zh, en, { message: `${zh} (${key})` });
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Deflate's largest possible expansion (258-byte matches coded in ~2 bits: about 1032:1). */
const DEFLATE_MAX_RATIO = 1032;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const pat = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pat[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Explains an OLE compound file: an encrypted xlsx (EncryptedPackage stream) or a legacy .xls. */
function refuseCompoundFile(b: Uint8Array): never {
  if (containsUtf16(b, 'EncryptedPackage') || containsUtf16(b, 'EncryptionInfo')) {
    throw new WorkbookFileError(
      'file.encrypted',
      '文件已加密（设置了打开密码），请在 Excel 中取消密码后另存为 .xlsx 再提交',
      'the workbook is encrypted (password to open); remove the password in Excel and save as .xlsx',
    );
  }
  if (containsUtf16(b, 'Workbook') || containsUtf16(b, 'Book')) {
    throw new WorkbookFileError(
      'file.legacyXls',
      '这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再提交',
      'this is a legacy Excel 97-2003 (.xls) file; save it as .xlsx in Excel',
    );
  }
  throw new WorkbookFileError(
    'file.notXlsx',
    '这是 OLE 复合文档（如旧版 Office 文件），不是 .xlsx 工作簿',
    'this is an OLE compound document, not an .xlsx workbook',
  );
}

const truncated = () =>
  new WorkbookFileError(
    'file.truncated',
    '文件不完整或已损坏（zip 结构残缺），请重新保存或重新上传',
    'the file is truncated or corrupt (broken zip structure); save or upload it again',
  );

/** Reads the zip central directory; throws WorkbookFileError for anything that is not a sound zip. */
export function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory record: signature 0x06054b50, within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    throw new WorkbookFileError('file.zip64', '文件使用 ZIP64 格式，超出工作簿的大小限制', 'the file uses ZIP64, beyond the workbook size limits');
  }
  if (cdOffset + cdSize > eocd) throw truncated();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50) throw truncated();
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localHeaderOffset = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    if (localHeaderOffset + 30 > cdOffset || localHeaderOffset + compressedSize > cdOffset) throw truncated();
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function bomb(zh: string, en: string): WorkbookFileError {
  return new WorkbookFileError(
    'file.zipBomb',
    `文件解压后过大，疑似“压缩炸弹”，已拒绝：${zh}`,
    `the file expands too much (zip bomb suspected) and was refused: ${en}`,
  );
}

/** Inflates one entry in a stream, counting bytes; stops past `cap`. Returns the inflated size. */
async function inflatedSize(b: Uint8Array, e: ZipEntry, cap: number): Promise<number> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const h = e.localHeaderOffset;
  if (dv.getUint32(h, true) !== 0x04034b50) throw truncated();
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const data = b.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw truncated();
  if (e.method === 0) return e.compressedSize;
  if (e.method !== 8) throw new WorkbookFileError('file.zipMethod', `不支持的压缩方式 ${e.method}`, `unsupported compression method ${e.method}`);
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return total;
      }
    }
  } catch {
    throw truncated();
  }
  return total;
}

/**
 * Sniffs and inspects a would-be xlsx. Throws WorkbookFileError (bilingual) when it must be refused.
 */
export async function guardXlsx(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<ZipEntry[]> {
  const L = { ...DEFAULT_ZIP_LIMITS, ...limits };
  if (bytes.length === 0) throw new WorkbookFileError('file.empty', '文件是空的（0 字节）', 'the file is empty (0 bytes)');
  if (startsWith(bytes, CFB_SIGNATURE)) refuseCompoundFile(bytes);
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
      throw new WorkbookFileError('file.notXlsx', '这是一个空的 zip 文件，不是 .xlsx 工作簿', 'this is an empty zip, not an .xlsx workbook');
    throw new WorkbookFileError('file.notXlsx', '这不是 .xlsx 工作簿（文件头不是 zip）', 'this is not an .xlsx workbook (no zip signature)');
  }
  const entries = readCentralDirectory(bytes);
  if (entries.length > L.maxEntries) throw bomb(`包含 ${entries.length} 个条目（上限 ${L.maxEntries}）`, `${entries.length} entries (limit ${L.maxEntries})`);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new WorkbookFileError(
      'file.notWorkbook',
      '这是 zip 文件，但不是 Excel 工作簿（缺少 xl/workbook.xml）',
      'this is a zip file but not an Excel workbook (no xl/workbook.xml)',
    );
  }
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (e.uncompressedSize > L.ratioAppliesAbove && e.uncompressedSize > L.maxRatio * Math.max(1, e.compressedSize)) {
      throw bomb(
        `${e.name} 压缩比 ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1（上限 ${L.maxRatio}:1）`,
        `${e.name} ratio ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1 (limit ${L.maxRatio}:1)`,
      );
    }
  }
  if (total > L.maxUncompressedBytes)
    throw bomb(`解压后 ${mb(total)}（上限 ${mb(L.maxUncompressedBytes)}）`, `${mb(total)} uncompressed (limit ${mb(L.maxUncompressedBytes)})`);
  if (total > L.ratioAppliesAbove && total > L.maxRatio * Math.max(1, compressed)) {
    throw bomb(
      `整体压缩比 ${Math.round(total / Math.max(1, compressed))}:1（上限 ${L.maxRatio}:1）`,
      `overall ratio ${Math.round(total / Math.max(1, compressed))}:1 (limit ${L.maxRatio}:1)`,
    );
  }
  if (L.verifyInflatedSizes) {
    let actualTotal = 0;
    // Deflate cannot expand data more than DEFLATE_MAX_RATIO times, so small entries whose worst
    // case fits in a quarter of the budget need no inflating: that bounds them without the cost.
    let worstCaseSkipped = 0;
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const worst = e.method === 0 ? e.compressedSize : e.compressedSize * DEFLATE_MAX_RATIO;
      if (worstCaseSkipped + worst <= L.maxUncompressedBytes / 4) {
        worstCaseSkipped += worst;
        continue;
      }
      const cap = Math.min(e.uncompressedSize, L.maxUncompressedBytes - actualTotal);
      const n = await inflatedSize(bytes, e, cap);
      if (n > e.uncompressedSize) {
        throw bomb(`${e.name} 实际解压超过声明的 ${e.uncompressedSize} 字节`, `${e.name} inflates beyond its declared ${e.uncompressedSize} bytes`);
      }
      if (n < e.uncompressedSize) throw truncated();
      actualTotal += n;
    }
  }
  return entries;
}
