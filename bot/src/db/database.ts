/**
 * One database interface over PGlite (embedded) and a PostgreSQL server (`pg` Pool), so the
 * stores and migrations are written once. Both return int8 as number and `date` as 'YYYY-MM-DD'.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionContext {
  /** Who makes the change; the audit trigger records it (`kekao.actor`). */
  actor?: string;
  requestId?: string;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable, secret-free description for logs ("PGlite at /data", "PostgreSQL 127.0.0.1:5432/test"). */
  readonly description: string;
  /** The folder the embedded database keeps its files in (PGlite on disk only): health checks its free space. */
  readonly dataDir?: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, context?: TransactionContext): Promise<T>;
  close(): Promise<void>;
}

/** Sets the audit context for the current transaction only (`is_local = true`). */
export async function setTransactionContext(tx: Queryable, context: TransactionContext | undefined): Promise<void> {
  if (!context?.actor && !context?.requestId) return;
  await tx.query(`SELECT set_config('kekao.actor', $1, true), set_config('kekao.request_id', $2, true)`, [context.actor ?? '', context.requestId ?? '']);
}

/** PostgreSQL error code of a driver error (both drivers expose `code`). */
export function pgErrorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}
