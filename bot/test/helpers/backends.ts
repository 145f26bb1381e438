import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';

/**
 * The databases every service test runs against: PGlite always; the PostgreSQL server too when
 * DATABASE_URL is set. Each opened PostgreSQL database is a fresh schema, dropped on dispose, so
 * parallel test files never see each other's rows.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** `durable`: PGlite on disk (a temp dir) instead of in memory, so `restart` keeps the rows. */
  open(options?: { durable?: boolean }): Promise<TestDatabase>;
}

export interface TestDatabase {
  /** Replaced by `restart`. */
  db: Database;
  /** Config fields that reach the same database from a child process or a second server. */
  config: { databaseUrl?: string; databaseSchema?: string };
  /**
   * The service's restart as this backend knows it: PGlite closed and reopened from its data dir
   * (only when opened `durable`); PostgreSQL's pool closed and a new one opened on the same schema.
   */
  restart(): Promise<Database>;
  dispose(): Promise<void>;
}

const url = process.env.DATABASE_URL?.trim() || undefined;

export const backends: Backend[] = [
  {
    name: 'pglite',
    async open(options) {
      const dir = options?.durable ? mkdtempSync(path.join(os.tmpdir(), 'kekao-pglite-')) : undefined;
      const dataDir = dir && path.join(dir, 'pg');
      const t: TestDatabase = {
        db: await openPglite(dataDir),
        config: {},
        async restart() {
          if (!dataDir) throw new Error('restart needs open({ durable: true }): an in-memory PGlite loses its rows on close');
          await t.db.close();
          t.db = await openPglite(dataDir);
          return t.db;
        },
        async dispose() {
          await t.db.close();
          if (dir) rmSync(dir, { recursive: true, force: true });
        },
      };
      return t;
    },
  },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          async open(): Promise<TestDatabase> {
            const schema = `kekao_test_${randomBytes(6).toString('hex')}`;
            const t: TestDatabase = {
              db: await openPostgres(url, schema, 20),
              config: { databaseUrl: url, databaseSchema: schema },
              async restart() {
                await t.db.close();
                t.db = await openPostgres(url, schema, 20);
                return t.db;
              },
              async dispose() {
                try {
                  await t.db.close();
                } finally {
                  await dropSchema(schema);
                }
              },
            };
            return t;
          },
        },
      ]
    : []),
];

export async function dropSchema(schema: string): Promise<void> {
  if (!url) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}
