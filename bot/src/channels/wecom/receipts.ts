import type { Queryable } from '../../db/database.js';

/**
 * Once-only processing of WeCom deliveries across retries, restarts and processes: the table's
 * primary key decides which delivery of a key is processed (see migration 020).
 */

/** True for the first claim of `key` ever (within the retention); false for any repeat. */
export async function claimReceipt(db: Queryable, key: string): Promise<boolean> {
  const r = await db.query('INSERT INTO wecom_receipts (dedupe_key) VALUES ($1) ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key', [key]);
  return r.rows.length === 1;
}

/** Deletes receipts older than `before`; WeCom's retries come within seconds. */
export async function pruneReceipts(db: Queryable, before: Date): Promise<number> {
  const r = await db.query('DELETE FROM wecom_receipts WHERE received_at < $1', [before.toISOString()]);
  return r.rowCount;
}
