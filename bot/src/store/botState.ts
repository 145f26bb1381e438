import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { botStateCacheFor, type BotStateCache } from './botStateCache.js';

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
  private readonly cache: BotStateCache | undefined;

  constructor(private readonly db: Database) {
    this.cache = botStateCacheFor(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const out: StoreItems = {};
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.cache?.get(key);
      if (hit === undefined) missing.push(key);
      else if (hit) out[key] = { ...(JSON.parse(hit.json) as StoreItem), eTag: hit.etag };
    }
    if (missing.length === 0) return out;
    const mark = this.cache?.readMark() ?? 0;
    const r = await this.db.query<{ key: string; value: StoreItem; etag: string }>('SELECT key, value, etag FROM bot_state WHERE key = ANY($1::text[])', [
      missing,
    ]);
    for (const row of r.rows) out[row.key] = { ...row.value, eTag: row.etag };
    if (this.cache) {
      const found = new Map(r.rows.map((row) => [row.key, row]));
      for (const key of missing) {
        const row = found.get(key);
        this.cache.fill(mark, key, row ? { json: JSON.stringify(row.value), etag: row.etag } : null);
      }
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const written: Array<[string, { json: string; etag: string }]> = [];
    try {
      await this.db.transaction(
        async (tx) => {
          for (const [key, item] of entries) written.push([key, await writeOne(tx, key, item)]);
        },
        { actor: 'system:bot' },
      );
    } catch (err) {
      for (const [key] of entries) this.cache?.forget(key);
      throw err;
    }
    for (const [key, row] of written) this.cache?.written(key, row);
  }

  /** Inserts the key only when no row has it (ON CONFLICT DO NOTHING); true when this call inserted it. */
  async insertIfAbsent(key: string, value: Record<string, unknown>): Promise<boolean> {
    const row = { json: JSON.stringify(value), etag: randomUUID() };
    let inserted: boolean;
    try {
      inserted = await this.db.transaction(
        async (tx) => {
          const r = await tx.query('INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key', [
            key,
            row.json,
            row.etag,
          ]);
          return r.rows.length === 1;
        },
        { actor: 'system:bot' },
      );
    } catch (err) {
      this.cache?.forget(key);
      throw err;
    }
    if (inserted) this.cache?.written(key, row);
    return inserted;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.db.transaction((tx) => tx.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]).then(() => undefined), { actor: 'system:bot' });
    } catch (err) {
      for (const key of keys) this.cache?.forget(key);
      throw err;
    }
    for (const key of keys) this.cache?.written(key, null);
  }
}

/** Writes one item; returns what is now stored (the JSON text and the new etag). */
async function writeOne(tx: Queryable, key: string, item: StoreItem): Promise<{ json: string; etag: string }> {
  const { eTag, ...value } = item;
  const stored = { json: JSON.stringify(value), etag: randomUUID() };
  if (eTag && eTag !== '*') {
    const r = await tx.query('UPDATE bot_state SET value = $2, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4 RETURNING key', [
      key,
      stored.json,
      stored.etag,
      eTag,
    ]);
    if (r.rows.length === 0) throw new EtagConflictError(key);
    return stored;
  }
  await tx.query(
    `INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, updated_at = now()`,
    [key, stored.json, stored.etag],
  );
  return stored;
}
