import { ApiError } from './errors.js';

/**
 * Storage faults a request can meet, told apart from programming errors so the client learns
 * what happened (and that nothing was saved) instead of a bare 500.
 *
 * Disk full: PostgreSQL's SQLSTATE 53100 (disk_full) or 53000 class (insufficient resources) —
 * PostgreSQL Appendix A, "Class 53"; PGlite's in-process file system reports the operating
 * system's ENOSPC ("No space left on device") and PostgreSQL wraps it as "could not extend file"
 * or "could not write". Answered 507 Insufficient Storage (RFC 4918 §11.5).
 */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  if (!err || typeof err !== 'object') return false;
  if (err.code === '53100' || err.code === 'ENOSPC') return true;
  const msg = typeof err.message === 'string' ? err.message : '';
  if (/no space left on device|could not extend file|ENOSPC/i.test(msg)) return true;
  return err.cause !== undefined && err.cause !== e && isDiskFull(err.cause);
}

export function storageFull(): ApiError {
  return new ApiError(
    507,
    'storage.full',
    '服务器存储空间已满，本次内容未保存；请稍后重试或联系维护者释放空间',
    "the server's storage is full and nothing was saved; retry later or ask the maintainers to free space",
  );
}

/** The database cannot be reached at all (connection refused, PGlite closed or crashed). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | undefined;
  if (!err || typeof err !== 'object') return false;
  if (err.code === 'ECONNREFUSED' || err.code === '57P01' || err.code === '57P03' || err.code === '08006' || err.code === '08001') return true;
  return typeof err.message === 'string' && /PGlite is closed|database is closed|Connection terminated/i.test(err.message);
}

export function databaseUnavailable(): ApiError {
  return new ApiError(
    503,
    'storage.unavailable',
    '数据库暂时无法访问，本次内容未保存；请稍后重试',
    'the database cannot be reached right now and nothing was saved; retry later',
    undefined,
    undefined,
    { 'retry-after': '30' },
  );
}
