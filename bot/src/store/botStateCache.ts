import type { Database } from '../db/database.js';

/**
 * In-process copy of `bot_state` rows, only for PGlite. PGlite is opened by exactly one process
 * (the data folder is locked, see db/pglite.ts), so every write to `bot_state` passes through
 * this process and the copy cannot go stale; it saves the one SQL read per chat turn, which on
 * PGlite runs in the bot's own thread. With PostgreSQL several service processes share the
 * table, so nothing is cached there.
 *
 * Entries hold the stored JSON text (parsed again on every read, so callers never share
 * objects) or `null` for "known absent". A read that raced a write is not cached.
 */
export interface CachedRow {
  json: string;
  etag: string;
}

const MAX_ENTRIES = 5000;

export class BotStateCache {
  private readonly rows = new Map<string, CachedRow | null>();
  private writes = 0;

  get(key: string): CachedRow | null | undefined {
    const row = this.rows.get(key);
    if (row !== undefined) {
      // Least recently used goes first when the cache is full.
      this.rows.delete(key);
      this.rows.set(key, row);
    }
    return row;
  }

  /** A marker to pass to `fill`: reads started before a later write must not be cached. */
  readMark(): number {
    return this.writes;
  }

  fill(mark: number, key: string, row: CachedRow | null): void {
    if (mark === this.writes) this.put(key, row);
  }

  /** After a committed write (or delete: `null`). */
  written(key: string, row: CachedRow | null): void {
    this.writes++;
    this.put(key, row);
  }

  /** After a failed or uncertain write: forget the key, the next read asks the database. */
  forget(key: string): void {
    this.writes++;
    this.rows.delete(key);
  }

  private put(key: string, row: CachedRow | null): void {
    this.rows.delete(key);
    this.rows.set(key, row);
    if (this.rows.size > MAX_ENTRIES) this.rows.delete(this.rows.keys().next().value!);
  }
}

const caches = new WeakMap<Database, BotStateCache>();

/** The cache for `db` when it is safe to have one (PGlite), shared by every storage on that db. */
export function botStateCacheFor(db: Database): BotStateCache | undefined {
  if (db.kind !== 'pglite') return undefined;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new BotStateCache()));
  return cache;
}
