import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/pglite.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign, upsertCampaign } from '../src/store/campaigns.js';
import { campaign2026, org, reliabilitySubmission, user } from './helpers/fixtures.js';

/**
 * A real service process (`node --import tsx bot/src/main.ts`, PGlite in a temp data folder) is
 * killed with SIGKILL while uploads are in flight — one of them a large body cut off halfway.
 * After a restart every acknowledged upload is there, complete, and nothing is half-written.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };

function startService(dataDir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, KEKAO_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`service did not start: ${out}\n${err}`)), 120_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      for (const line of out.split('\n')) {
        if (!line.includes('kekao service listening')) continue;
        const entry = JSON.parse(line) as { url: string; database: string };
        expect(entry.database).toBe('pglite');
        clearTimeout(timer);
        resolve({ child, url: entry.url, exited });
        return;
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}: ${out}\n${err}`));
    });
  });
}

function bigSubmission(i: number) {
  const values = Array.from({ length: 60_000 }, (_, k) => 12 + ((k * 7919 + i) % 1000) / 10_000);
  return reliabilitySubmission(ENT, `大文件-${i}`, {
    ic: {
      parameters: [
        {
          name: '输出电压',
          unit: 'V',
          stages: [
            { stage: 't0', values },
            { stage: 't1', usageHours: 1000, values: values.slice(0, 30_000) },
          ],
        },
      ],
    },
  });
}

describe('a service process killed with SIGKILL mid-upload (PGlite)', () => {
  let dir: string;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-crash-'));
    const db = await openPglite(path.join(dir, 'pglite'));
    await migrate(db);
    await ensureDefaultCampaign(db);
    await db.transaction((tx) => upsertCampaign(tx, campaign2026), { actor: 'test' });
    const a = await org(db, { kind: 'enterprise', ...ENT });
    token = (await user(db, '企业甲', 'enterprise', 'org', a.id)).token;
    await db.close();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves no half-written submission after restart, and keeps every acknowledged one', async () => {
    const first = await startService(dir);
    const post = (body: string) =>
      fetch(`${first.url}/api/v1/submissions?campaign=2026`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      })
        .then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string } }))
        .catch(() => undefined);

    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(JSON.stringify(reliabilitySubmission(ENT, `先前-${i}`)));
      expect(r?.status).toBe(201);
      acknowledged.push(r!.json.id);
    }

    // A large body sent halfway and never finished …
    const big = Buffer.from(JSON.stringify(bigSubmission(0)));
    const partial = http.request(`${first.url}/api/v1/submissions?campaign=2026`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': big.length },
    });
    partial.on('error', () => undefined);
    partial.write(big.subarray(0, big.length >> 1));
    // … while complete large uploads are being parsed, assessed and written.
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      post(JSON.stringify(bigSubmission(i + 1))).then((r) => {
        if (r?.status === 201) acknowledged.push(r.json.id);
        return r;
      }),
    );
    await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 400))]);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    await Promise.all(inFlight);
    partial.destroy();

    const second = await startService(dir);
    try {
      const list = await fetch(`${second.url}/api/v1/submissions?limit=500`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.json() as Promise<{ items: Array<{ id: string; subjectName: string }> }>,
      );
      const listed = list.items.map((i) => i.id);
      for (const id of acknowledged) expect(listed).toContain(id);
      expect(list.items.some((i) => i.subjectName === '大文件-0')).toBe(false);
      for (const id of listed) {
        const d = await fetch(`${second.url}/api/v1/submissions/${id}`, { headers: { authorization: `Bearer ${token}` } }).then(
          (r) => r.json() as Promise<Record<string, any>>,
        );
        expect(d.assessment.indicators).toHaveLength(6);
        expect(d.history[0]).toMatchObject({ from: null, to: '草稿' });
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }

    // The database itself: every submission row is whole, with its history and audit record.
    const db = await openPglite(path.join(dir, 'pglite'));
    try {
      const bad = await db.query(`SELECT s.id FROM submissions s WHERE NOT (s.assessment ? 'indicators') OR s.evidence IS NULL
        OR NOT EXISTS (SELECT 1 FROM status_history h WHERE h.submission_id = s.id AND h.to_status = '草稿' AND h.from_status IS NULL)
        OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.table_name = 'submissions' AND a.operation = 'INSERT' AND a.row_key = s.id::text)`);
      expect(bad.rows).toEqual([]);
      const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
      expect(n.rows[0]!.n).toBeGreaterThanOrEqual(acknowledged.length);
      expect(n.rows[0]!.n).toBeLessThanOrEqual(3 + 6);
    } finally {
      await db.close();
    }
  }, 300_000);
});
