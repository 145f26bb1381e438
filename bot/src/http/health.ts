import { statfs } from 'node:fs/promises';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

/**
 * `GET /healthz`: the database answers `SELECT 1` within `timeoutMs`, and its storage can take
 * writes. A full disk does not stop reads, so `SELECT 1` alone would call a service healthy that
 * refuses every upload: the embedded database's folder must have `minFreeBytes` free (statfs),
 * and a write refused for lack of space (reported through `storageFault`) keeps the check
 * unhealthy until a later write succeeds. Never hangs: a stuck database is reported after
 * `timeoutMs`.
 */

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: Database['kind'];
  error?: { key: string; zh: string; en: string };
}

export interface HealthCheck {
  check(): Promise<HealthReport>;
  /** A write failed because the storage is full. */
  storageFault(): void;
  /** A write succeeded: the storage takes writes again. */
  storageRecovered(): void;
}

export interface HealthOptions {
  db: Database;
  log: Logger;
  timeoutMs?: number;
  minFreeBytes?: number;
}

const TIMED_OUT = Symbol('timed out');

export function healthCheck(o: HealthOptions): HealthCheck {
  const timeoutMs = o.timeoutMs ?? 3_000;
  const minFreeBytes = o.minFreeBytes ?? 8 * 1024 * 1024;
  let faultSince: Date | undefined;
  const unavailable = (key: string, zh: string, en: string): HealthReport => ({ status: 'unavailable', database: o.db.kind, error: { key, zh, en } });

  async function freeBytes(): Promise<number | undefined> {
    if (!o.db.dataDir) return undefined;
    const s = await statfs(o.db.dataDir);
    return Number(s.bavail) * Number(s.bsize);
  }

  return {
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
      try {
        const answer = await Promise.race([o.db.query('SELECT 1'), deadline]);
        if (answer === TIMED_OUT) {
          o.log.error('health check: the database did not answer in time', { timeoutMs });
          return unavailable('health.databaseTimeout', `数据库 ${timeoutMs / 1000} 秒内无响应`, `the database did not answer within ${timeoutMs / 1000} s`);
        }
        const free = await Promise.race([freeBytes(), deadline]);
        if (typeof free === 'number' && free < minFreeBytes) {
          o.log.error('health check: storage full', { dataDir: o.db.dataDir, freeBytes: free, minFreeBytes });
          return unavailable('health.storageFull', '数据库所在磁盘空间不足，无法保存新内容', "the database's disk is full: nothing new can be saved");
        }
        if (faultSince) {
          o.log.error('health check: the last write was refused for lack of storage', { since: faultSince.toISOString() });
          return unavailable('health.storageFull', '数据库存储空间不足，最近的写入被拒绝', "the database's storage is full: recent writes were refused");
        }
        return { status: 'ok', database: o.db.kind };
      } catch (e) {
        o.log.error('health check failed', { err: e });
        return unavailable('health.databaseUnreachable', '数据库无法访问', 'the database is unreachable');
      } finally {
        clearTimeout(timer);
      }
    },
    storageFault() {
      faultSince ??= new Date();
    },
    storageRecovered() {
      faultSince = undefined;
    },
  };
}
