import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { acquireLockFile, LockHeldError } from './dataDirLock.js';
import { setTransactionContext, type Database, type Queryable, type QueryResult, type TransactionContext } from './database.js';
import { BilingualError } from '@kekao/core/i18n';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

function wrap(q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

export class DataDirLockedError extends BilingualError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly host?: string,
    readonly lockFile?: string,
  ) {
    const zh = `数据目录 ${dataDir} 正由进程 ${pid}${host ? `（主机 ${host}）` : ''} 使用：PGlite 只允许一个进程打开（请先停止服务，或改用 DATABASE_URL；确认没有 kekao 进程在运行后，可删除锁文件 ${lockFile ?? ''}）`;
    const en = `the data folder ${dataDir} is in use by process ${pid}${host ? ` on ${host}` : ''}: PGlite lets one process open it (stop the service or use DATABASE_URL; once no kekao process runs, the lock file ${lockFile ?? ''} may be deleted)`;
    super('db.dataDirLocked', zh, en, { where: dataDir, message: `${zh}(db.dataDirLocked)` });
  }
}

/**
 * PGlite is one process's database: two processes writing one data folder would corrupt it. The
 * lock file next to the folder (`<folder>.lock`) admits one process (dataDirLock.ts).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  try {
    return await acquireLockFile(file);
  } catch (e) {
    if (e instanceof LockHeldError) throw new DataDirLockedError(dataDir, e.owner.pid, e.owner.host, file);
    throw e;
  }
}

/** Embedded PostgreSQL (WASM) in `dataDir`; `undefined` keeps it in memory. One connection per process. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  let unlock: () => Promise<void> = async () => undefined;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { parsers });
  } catch (e) {
    await unlock();
    throw e;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    description: dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory',
    ...(dataDir ? { dataDir } : {}),
    query: base.query,
    exec: base.exec,
    transaction<T>(fn: (tx: Queryable) => Promise<T>, context?: TransactionContext): Promise<T> {
      return pg.transaction(async (tx) => {
        const q = wrap(tx);
        await setTransactionContext(q, context);
        return fn(q);
      });
    },
    async close() {
      await pg.close();
      await unlock();
    },
  };
}
