/**
 * `npm run bench` (bot): status reads (autocannon, 10 connections) and workbook uploads (5 at a
 * time) per second through real HTTP on PGlite and — when DATABASE_URL is set — on PostgreSQL, with
 * p50/p99 latency. Baselines measured in the same run: /healthz (one `SELECT 1`, no auth) for the
 * status read, and the same submission uploaded as JSON for the workbook upload (so the ratio is
 * the cost of reading the xlsx).
 */
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import type { BenchResult } from '@kekao/test/bench';
import { onBothBackends } from './onBothBackends.js';
import type { Database } from '../src/db/database.js';
import { createServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import { upsertCampaign } from '../src/store/campaigns.js';
import { createUser } from '../src/store/users.js';
import { campaign2025 } from '@kekao/core';
import { readWorkbook, writeTemplate } from '@kekao/workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DURATION_S = Number(process.env.KEKAO_BENCH_SECONDS ?? 5);
const UPLOADS = Number(process.env.KEKAO_BENCH_UPLOADS ?? 100);

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function run(opts: Record<string, unknown>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    autocannon({ connections: 10, duration: DURATION_S, ...opts }, (err: Error | null, r: any) => {
      if (err) return reject(err);
      const seconds = (performance.now() - started) / 1000;
      // Completed 2xx responses over the wall time of the run (autocannon's per-second average
      // drops seconds in which nothing completed).
      resolve({ rps: r['2xx'] / seconds, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts });
    });
  });
}

/**
 * A fixed number of uploads, `concurrency` at a time, timed by the wall clock here. autocannon's
 * `amount` mode ends on its one-second ticker, which rounds a short run up to whole seconds (50
 * uploads in 0.6 s would read as 50 req/s); here every upload is counted and none is cut off.
 */
async function uploads(url: string, headers: Record<string, string>, body: Blob, amount: number, concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  let started = 0;
  let failed = 0;
  const client = async () => {
    while (started < amount) {
      started++;
      const t0 = performance.now();
      const r = await fetch(url, { method: 'POST', headers, body });
      await r.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!r.ok) failed++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  // Nearest-rank percentiles of the observed latencies.
  const rank = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!);
  return { rps: (amount - failed) / seconds, p50: rank(0.5), p99: rank(0.99), non2xx: failed };
}

async function measure(label: string, db: Database): Promise<BenchResult[]> {
  const serve = (workbookWorkers?: number) =>
    createServer(
      { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent', ...(workbookWorkers === undefined ? {} : { workbookWorkers }) },
      {
        db,
        logger: createLogger('silent'),
        now: () => new Date('2026-05-01T00:00:00Z'),
      },
    );
  const server = await serve();
  // The same service reading workbooks on its request thread: the baseline for the reader threads.
  const inThreadServer = await serve(0);
  try {
    const campaign = { ...campaign2025, id: '2026', year: 2026, announcedOn: '2026-03-01', deadline: '2026-09-30' };
    await db.transaction((tx) => upsertCampaign(tx, campaign));
    // The secretariat may upload for any enterprise, so every upload of the example workbook is accepted.
    const { token } = await db.transaction((tx) => createUser(tx, { name: '秘书处', role: 'secretariat', scope: { level: 'all' } }));
    const auth = { authorization: `Bearer ${token}` };
    const book = await writeTemplate('best-practice', { example: true });
    const read = await readWorkbook(new Uint8Array(book));
    const json = Buffer.from(JSON.stringify(read.submission));
    const first = await fetch(`${server.url}/api/v1/submissions?campaign=2026`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: json,
    });
    const id = ((await first.json()) as { id: string }).id;

    const health = await run({ url: `${server.url}/healthz` });
    const status = await run({ url: `${server.url}/api/v1/submissions/${id}/status`, headers: auth });
    const uploadUrl = `${server.url}/api/v1/submissions?campaign=2026`;
    // Warm-up of both kinds (JIT, and the workbook reader threads starting), not measured.
    await uploads(uploadUrl, { ...auth, 'content-type': 'application/json' }, new Blob([json]), 10, 5);
    await uploads(uploadUrl, { ...auth, 'content-type': XLSX }, new Blob([new Uint8Array(book)]), 10, 5);
    const jsonUp = await uploads(uploadUrl, { ...auth, 'content-type': 'application/json' }, new Blob([json]), UPLOADS, 5);
    const xlsxUp = await uploads(uploadUrl, { ...auth, 'content-type': XLSX }, new Blob([new Uint8Array(book)]), UPLOADS, 5);
    const inThreadUrl = `${inThreadServer.url}/api/v1/submissions?campaign=2026`;
    await uploads(inThreadUrl, { ...auth, 'content-type': XLSX }, new Blob([new Uint8Array(book)]), 10, 5);
    const xlsxInThread = await uploads(inThreadUrl, { ...auth, 'content-type': XLSX }, new Blob([new Uint8Array(book)]), UPLOADS, 5);
    // What the reader threads are for: status reads stay fast while workbooks are being uploaded.
    const duringUploads = async (base: string): Promise<Run> => {
      const burst = uploads(`${base}/api/v1/submissions?campaign=2026`, { ...auth, 'content-type': XLSX }, new Blob([new Uint8Array(book)]), UPLOADS, 5);
      const reads = await run({ url: `${base}/api/v1/submissions/${id}/status`, headers: auth, connections: 2, duration: 1 });
      await burst;
      return reads;
    };
    const statusBusy = await duringUploads(server.url);
    const statusBusyInThread = await duringUploads(inThreadServer.url);
    const note = (r: Run) => `p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx ? `, ${r.non2xx} failed` : ''}`;
    return [
      { name: `${label}: GET /healthz (baseline)`, value: health.rps, unit: 'req/s', note: note(health) },
      {
        name: `${label}: GET /api/v1/submissions/{id}/status`,
        value: status.rps,
        unit: 'req/s',
        ratio: status.rps / health.rps,
        baseline: '÷ /healthz req/s',
        note: note(status),
      },
      { name: `${label}: POST JSON submission (baseline)`, value: jsonUp.rps, unit: 'req/s', note: note(jsonUp) },
      {
        name: `${label}: POST xlsx workbook (${(book.length / 1024).toFixed(0)} KB)`,
        value: xlsxUp.rps,
        unit: 'req/s',
        ratio: xlsxUp.rps / jsonUp.rps,
        baseline: '÷ JSON upload req/s',
        note: note(xlsxUp),
      },
      {
        name: `${label}: xlsx upload, reader threads vs request thread`,
        value: xlsxUp.rps,
        unit: 'req/s',
        ratio: xlsxUp.rps / xlsxInThread.rps,
        baseline: `KEKAO_WORKBOOK_WORKERS=0: ${xlsxInThread.rps.toFixed(1)} req/s`,
        note: `request thread: ${note(xlsxInThread)}`,
      },
      {
        name: `${label}: status reads during an xlsx upload burst`,
        value: statusBusy.rps,
        unit: 'req/s',
        ratio: statusBusy.rps / statusBusyInThread.rps,
        baseline: `KEKAO_WORKBOOK_WORKERS=0: ${statusBusyInThread.rps.toFixed(0)} req/s, ${note(statusBusyInThread)}`,
        note: note(statusBusy),
      },
    ];
  } finally {
    await server.close();
    await inThreadServer.close();
  }
}

export function bench(): Promise<BenchResult[]> {
  return onBothBackends('PostgreSQL: skipped', measure);
}
