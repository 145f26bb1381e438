import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { setTransactionContext, type Database, type Queryable, type QueryResult, type TransactionContext } from './database.js';

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

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`数据目录 ${dataDir} 正由进程 ${pid} 使用：PGlite 只允许一个进程打开（请先停止服务，或改用 DATABASE_URL）(db.dataDirLocked)`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes writing one data folder would corrupt it. A
 * lock file holds the owner's pid; a lock left by a dead process (SIGKILL) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await open(file, 'wx');
      await h.writeFile(String(process.pid));
      await h.close();
      return () => rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dataDir, pid);
      await rm(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dataDir}`);
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
