import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';

/**
 * Bot turn state as key/value JSON with an etag, shaped like botbuilder's `Storage` so the bot can
 * use it directly (`new DatabaseBotStorage(db)`). A write whose `eTag` is set (and not '*') must
 * match the stored etag, otherwise it fails — optimistic concurrency between service processes.
 */
export interface StoreItem {
  [key: string]: unknown;
  eTag?: string;
}
export interface StoreItems {
  [key: string]: StoreItem;
}

export class EtagConflictError extends Error {
  readonly code = 'botState.etagConflict';
  constructor(readonly key: string) {
    super(`bot state "${key}" was changed by another writer (etag mismatch)`);
  }
}

export class DatabaseBotStorage {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const r = await this.db.query<{ key: string; value: StoreItem; etag: string }>(
      'SELECT key, value, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const out: StoreItems = {};
    for (const row of r.rows) out[row.key] = { ...row.value, eTag: row.etag };
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) await writeOne(tx, key, item);
    }, { actor: 'system:bot' });
  }

  /** Inserts the key only when no row has it (ON CONFLICT DO NOTHING); true when this call inserted it. */
  async insertIfAbsent(key: string, value: Record<string, unknown>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const r = await tx.query('INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key', [
        key, JSON.stringify(value), randomUUID(),
      ]);
      return r.rows.length === 1;
    }, { actor: 'system:bot' });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.transaction((tx) => tx.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]).then(() => undefined), { actor: 'system:bot' });
  }
}

async function writeOne(tx: Queryable, key: string, item: StoreItem): Promise<void> {
  const { eTag, ...value } = item;
  const next = randomUUID();
  if (eTag && eTag !== '*') {
    const r = await tx.query('UPDATE bot_state SET value = $2, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4 RETURNING key', [
      key, JSON.stringify(value), next, eTag,
    ]);
    if (r.rows.length === 0) throw new EtagConflictError(key);
    return;
  }
  await tx.query(
    `INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, updated_at = now()`,
    [key, JSON.stringify(value), next],
  );
}
