import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { BenchResult } from '@kekao/test/bench';
import type { Database } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';

/**
 * Runs a bench's measurement on the embedded PGlite (in memory), then on PostgreSQL when
 * DATABASE_URL is set, in a schema of its own that is dropped afterwards; without DATABASE_URL the
 * PostgreSQL line says it was skipped and how to measure it.
 */
export async function onBothBackends(
  skippedName: string,
  measure: (backend: 'PGlite' | 'PostgreSQL', db: Database) => Promise<BenchResult[]>,
): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const lite = await openPglite(undefined);
  try {
    out.push(...(await measure('PGlite', lite)));
  } finally {
    await lite.close();
  }
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    out.push({ name: skippedName, value: 0, unit: '-', note: 'set DATABASE_URL to measure PostgreSQL' });
    return out;
  }
  const schema = `kekao_bench_${randomBytes(4).toString('hex')}`;
  const db = await openPostgres(url, schema, 10);
  try {
    out.push(...(await measure('PostgreSQL', db)));
  } finally {
    await db.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
  return out;
}
