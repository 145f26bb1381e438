/**
 * `npm run bench` (scale-out): throughput of two service processes on one PostgreSQL database
 * against one process, measured in the same run on the same database — status reads (autocannon,
 * 10 connections in all) and JSON submission uploads (6 at a time in all; each is validated,
 * assessed and written in a transaction). With 2 processes the same connections are split
 * between them; the two sides run in ABBA order. Everything (both services, PostgreSQL and the load generator) shares this
 * machine's cores, so on 2 cores the ratio stays below 2×: the point is that a second process
 * adds throughput (or at least does not collapse it) while every request stays correct.
 * Needs DATABASE_URL (the server; the bench creates and drops its own database).
 */
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import os from 'node:os';
import type { BenchResult } from '@kekao/test/bench';
import { openPostgres } from '../src/db/postgres.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign, upsertCampaign } from '../src/store/campaigns.js';
import { createUser } from '../src/store/users.js';
import { campaign2025 } from '@kekao/core';
import { readWorkbook, writeTemplate } from '@kekao/workbook';
import { createScratchDatabase } from '../test/helpers/scratchDatabase.js';
import { startServiceProcess, type ServiceProcess } from '../test/helpers/serviceProcess.js';

const DURATION_S = Number(process.env.KEKAO_BENCH_SECONDS ?? 5);
const UPLOADS = Number(process.env.KEKAO_BENCH_UPLOADS ?? 100);
const CONNECTIONS = 10;
const UPLOAD_CONCURRENCY = 6;

interface Throughput {
  rps: number;
  failed: number;
}

function cannon(url: string, headers: Record<string, string>, connections: number): Promise<{ ok: number; failed: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration: DURATION_S }, (err: Error | null, r: any) =>
      err ? reject(err) : resolve({ ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts }),
    );
  });
}

/** Status reads spread evenly over `urls` (the connections split between them); completed 2xx per wall second. */
async function statusReads(urls: string[], headers: Record<string, string>): Promise<Throughput> {
  const t0 = performance.now();
  const runs = await Promise.all(urls.map((u) => cannon(u, headers, CONNECTIONS / urls.length)));
  const seconds = (performance.now() - t0) / 1000;
  return { rps: runs.reduce((s, r) => s + r.ok, 0) / seconds, failed: runs.reduce((s, r) => s + r.failed, 0) };
}

/** `amount` uploads, `UPLOAD_CONCURRENCY` at a time, each client sending to the process of its number. */
async function uploads(bases: string[], headers: Record<string, string>, body: Buffer, amount: number): Promise<Throughput> {
  let started = 0;
  let failed = 0;
  const client = async (k: number) => {
    const url = `${bases[k % bases.length]}/api/v1/submissions?campaign=bench`;
    while (started < amount) {
      started++;
      const r = await fetch(url, { method: 'POST', headers, body: new Uint8Array(body) });
      await r.arrayBuffer();
      if (r.status !== 201) failed++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, (_, k) => client(k)));
  return { rps: (amount - failed) / ((performance.now() - t0) / 1000), failed };
}

export async function bench(): Promise<BenchResult[]> {
  const server = process.env.DATABASE_URL?.trim();
  if (!server) return [{ name: 'scale-out: skipped', value: 0, unit: '-', note: 'set DATABASE_URL to measure 2 processes vs 1 on PostgreSQL' }];
  const scratch = await createScratchDatabase(server, 'deploy_scaleout_bench');
  let services: ServiceProcess[] = [];
  try {
    const db = await openPostgres(scratch.url, undefined, 2);
    let token: string;
    let id: string;
    const json = Buffer.from(JSON.stringify((await readWorkbook(new Uint8Array(await writeTemplate('best-practice', { example: true })))).submission));
    try {
      await migrate(db);
      await ensureDefaultCampaign(db);
      const now = new Date();
      const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      await db.transaction((tx) => upsertCampaign(tx, { ...campaign2025, id: 'bench', year: now.getUTCFullYear(), announcedOn: day(-30), deadline: day(180) }));
      // The secretariat may upload for any enterprise, so every upload of the example is accepted.
      ({ token } = await db.transaction((tx) => createUser(tx, { name: '秘书处', role: 'secretariat', scope: { level: 'all' } })));
    } finally {
      await db.close();
    }
    services = await Promise.all(
      [0, 1].map(() =>
        startServiceProcess({
          nodeArgs: ['--import', 'tsx'],
          entry: 'bot/src/main.ts',
          env: { DATABASE_URL: scratch.url, KEKAO_DB_SCHEMA: '', KEKAO_DIGEST_INTERVAL_MINUTES: '0' },
        }),
      ),
    );
    const auth = { authorization: `Bearer ${token}` };
    const jsonHeaders = { ...auth, 'content-type': 'application/json' };
    const bases = services.map((s) => s.url);
    const first = await fetch(`${bases[0]}/api/v1/submissions?campaign=bench`, { method: 'POST', headers: jsonHeaders, body: new Uint8Array(json) });
    id = ((await first.json()) as { id: string }).id;

    // Warm-up of both processes (JIT, connection pools), not measured.
    await uploads(bases, jsonHeaders, json, 20);
    await Promise.all(bases.map((b) => fetch(`${b}/api/v1/submissions/${id}/status`, { headers: auth }).then((r) => r.arrayBuffer())));

    // ABBA order (1, 2, 2, 1 process) and the mean of each pair: a drift in the machine's load
    // (other work on the same cores) weighs on both sides alike.
    const abba = async (measure: (b: string[]) => Promise<Throughput>) => {
      const a1 = await measure(bases.slice(0, 1));
      const b1 = await measure(bases);
      const b2 = await measure(bases);
      const a2 = await measure(bases.slice(0, 1));
      const mean = (x: Throughput, y: Throughput): Throughput => ({ rps: (x.rps + y.rps) / 2, failed: x.failed + y.failed });
      return { one: mean(a1, a2), two: mean(b1, b2) };
    };
    const reads = await abba((b) =>
      statusReads(
        b.map((base) => `${base}/api/v1/submissions/${id}/status`),
        auth,
      ),
    );
    const ups = await abba((b) => uploads(b, jsonHeaders, json, UPLOADS));
    const failures = (x: { one: Throughput; two: Throughput }) => (x.one.failed + x.two.failed ? `; ${x.one.failed + x.two.failed} failed` : '');
    const load = `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
    const target = '≥ 1 where cores are free; < 2 on 2 shared cores; ≪ 1 would be a collapse';
    return [
      { name: 'scale-out: status reads, 1 process (baseline)', value: reads.one.rps, unit: 'req/s', note: `${CONNECTIONS} connections; ${load}` },
      {
        name: 'scale-out: status reads, 2 processes',
        value: reads.two.rps,
        unit: 'req/s',
        ratio: reads.two.rps / reads.one.rps,
        baseline: '÷ 1 process',
        target,
        note: `${CONNECTIONS / 2} connections each${failures(reads)}`,
      },
      { name: 'scale-out: JSON uploads, 1 process (baseline)', value: ups.one.rps, unit: 'req/s', note: `${UPLOADS} uploads, ${UPLOAD_CONCURRENCY} at a time` },
      {
        name: 'scale-out: JSON uploads, 2 processes',
        value: ups.two.rps,
        unit: 'req/s',
        ratio: ups.two.rps / ups.one.rps,
        baseline: '÷ 1 process',
        target,
        note: `clients alternate between the processes${failures(ups)}`,
      },
    ];
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await scratch.drop();
  }
}
