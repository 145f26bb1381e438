import { describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { healthCheck } from '../src/http/health.js';
import { silentLogger } from './helpers/fixtures.js';

/**
 * /healthz's check answers whatever the database does. A database that never answers cannot be
 * made on purpose with a real engine (PGlite runs on this thread; a stuck PostgreSQL server needs
 * a broken network), so that one case wraps a real PGlite whose `SELECT 1` never resolves.
 */
describe('the health check', () => {
  it('reports a database that does not answer within the time limit, instead of waiting for it', async () => {
    const real = await openPglite(undefined);
    try {
      const stuck: Database = {
        ...real,
        query: ((sql: string, params?: unknown[]) => (sql === 'SELECT 1' ? new Promise(() => undefined) : real.query(sql, params))) as Database['query'],
      };
      const report = await healthCheck({ db: stuck, log: silentLogger, timeoutMs: 200 }).check();
      expect(report).toMatchObject({ status: 'unavailable', error: { key: 'health.databaseTimeout' } });
      expect(report.error!.zh).toContain('无响应');
      expect(await healthCheck({ db: real, log: silentLogger, timeoutMs: 200 }).check()).toEqual({ status: 'ok', database: 'pglite' });
    } finally {
      await real.close();
    }
  });

  it('stays unhealthy after a write was refused for lack of space until a write succeeds', async () => {
    const db = await openPglite(undefined);
    try {
      const health = healthCheck({ db, log: silentLogger });
      health.storageFault();
      expect((await health.check()).error?.key).toBe('health.storageFull');
      health.storageRecovered();
      expect((await health.check()).status).toBe('ok');
    } finally {
      await db.close();
    }
  });
});
