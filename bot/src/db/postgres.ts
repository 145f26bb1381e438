import pg from 'pg';
import { setTransactionContext, type Database, type Queryable, type QueryResult, type TransactionContext } from './database.js';

const INT8 = 20;
const DATE = 1082;
const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await client.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** Secret-free description of a connection string for logs. */
export function describeUrl(url: string, schema?: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * A PostgreSQL server through a `pg` Pool. With `schema`, the schema is created if missing and
 * every connection uses it (tests give each file its own schema).
 */
export async function openPostgres(url: string, schema?: string, poolSize = 10): Promise<Database> {
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Checked first: a runtime role may use the schema but not create one (CREATE SCHEMA IF NOT
      // EXISTS needs the CREATE right on the database even when the schema exists).
      const exists = (await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rows.length > 0;
      if (!exists) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      // Two processes creating the same schema at once: the loser sees a duplicate; the schema exists.
      if ((e as { code?: string }).code !== '23505' && (e as { code?: string }).code !== '42P06') throw e;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: typeParsers,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server connection must not crash the process.
  pool.on('error', () => undefined);
  const base = wrap(pool);
  return {
    kind: 'postgres',
    description: describeUrl(url, schema),
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, context?: TransactionContext): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const q = wrap(client);
        await setTransactionContext(q, context);
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
