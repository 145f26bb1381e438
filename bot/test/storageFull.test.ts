/**
 * A full disk under the embedded database (PGlite on a small tmpfs): a write is answered 507 in
 * Chinese and English and stores nothing, reads go on, /healthz says the storage is full (and
 * answers — it cannot hang), the log says why; once space returns, writes succeed and /healthz
 * is healthy again. Needs `mount -t tmpfs` (root); skipped with a message otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { createLogger } from '../src/log.js';
import { createServer, type RunningServer } from '../src/server.js';
import { BEFORE_DEADLINE, call, org, reliabilitySubmission, user } from './helpers/fixtures.js';

const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };

/** A 96 MiB tmpfs, or why there is none. */
function mountSmallDisk(): { dir: string } | { reason: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kekao-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: String((e as { stderr?: Buffer }).stderr ?? e).trim() };
  }
}

/** Writes zeros into `file` until the disk refuses (ENOSPC). */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const disk = mountSmallDisk();
if ('reason' in disk) console.warn(`storageFull.test.ts skipped: cannot mount a tmpfs (${disk.reason}); run as root to test a full disk`);

describe.runIf('dir' in disk)('a full disk under PGlite', () => {
  const dir = 'dir' in disk ? disk.dir : '';
  const filler = path.join(dir, 'filler');
  let db: Database;
  let server: RunningServer;
  let ent: { token: string };
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    db = await openPglite(path.join(dir, 'pglite'));
    const logger = createLogger('warn', {}, (line) => logs.push(JSON.parse(line)));
    server = await createServer(
      { port: 0, host: '127.0.0.1', logLevel: 'warn', addinDir: '/nonexistent-addin' },
      { db, logger, now: () => BEFORE_DEADLINE, healthTimeoutMs: 5_000 },
    );
    const a = await org(db, { kind: 'enterprise', ...ENT });
    ent = await user(db, '企业甲', 'enterprise', 'org', a.id);
  });

  afterAll(async () => {
    await server?.close();
    await db?.close().catch(() => undefined);
    try {
      execFileSync('umount', ['-l', dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers writes 507, keeps reads and health answering, and recovers when space returns', async () => {
    expect((await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission(ENT))).status).toBe(201);
    const before = await call(server.url, 'GET', '/api/v1/submissions', ent);
    expect(before.json.items).toHaveLength(1);

    await fillDisk(filler);
    // Rows go into pages with room first; keep writing until the database must grow its files.
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    let stored = 0;
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission(ENT, `开关电源 KP-${i}`));
      if (r.status === 201) stored++;
      else refused = r;
    }
    expect(refused?.status, JSON.stringify(refused?.json)).toBe(507);
    expect(refused!.json.error.zh).toContain('存储空间已满');
    expect(refused!.json.error.en).toContain('storage is full');
    expect(refused!.body.toString('utf8')).not.toMatch(/could not|ENOSPC|\n\s+at /);
    expect(logs.some((l) => l.level === 'error' && String(l.msg).includes('storage full'))).toBe(true);

    // Reads still work; the refused write stored nothing.
    const during = await call(server.url, 'GET', '/api/v1/submissions?limit=500', ent);
    expect(during.status).toBe(200);
    expect(during.json.items).toHaveLength(1 + stored);
    const health = await call(server.url, 'GET', '/healthz', undefined);
    expect(health.status).toBe(503);
    expect(health.json.error).toMatchObject({ key: 'health.storageFull' });
    expect(health.json.error.zh).toMatch(/空间不足/);

    await rm(filler);
    const again = await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission(ENT, '开关电源 KP-恢复'));
    expect(again.status, JSON.stringify(again.json)).toBe(201);
    expect((await call(server.url, 'GET', '/healthz', undefined)).status).toBe(200);
    const after = await call(server.url, 'GET', '/api/v1/submissions?limit=500', ent);
    expect(after.json.items).toHaveLength(2 + stored);
  });
});
