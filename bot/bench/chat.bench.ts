/**
 * `npm run bench` (chat): messages per second of the kekao bot through real HTTP
 * (`POST /api/messages`, `deliveryMode: expectReplies`, autocannon with 10 connections, each
 * cycling through the turns of 20 conversations; the load runs in a process of its own) against
 * a bare echo bot on the SAME bot adapter (botbuilder CloudAdapter) and the same request path,
 * measured in the same run — the ratio is what kekao's logic, state and database reads cost.
 * Requirement: on PGlite the throughput ratio does not fall below 0.62, guarded (`minRatio`): with
 * the Teams turn dispatched directly and the contact answer's lookups done once, the median
 * measured 0.72–0.77 in four runs (0.65 and 0.74 in two runs before, with teams-ai's router in
 * every turn, on the same busy machine). Also the service's CPU time per message, echo's over
 * kekao's: the throughput ratio of a service that is busy all the time, and steadier than the wall
 * clock on a shared machine (reported, not guarded). Latency p50/p99 of the kekao bot. On PGlite in memory, and on PostgreSQL when
 * DATABASE_URL is set.
 */
import Fastify from 'fastify';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/v4';
import type { TurnContext } from 'botbuilder';
import { median, type BenchResult } from '@kekao/test/bench';
import type { Database } from '../src/db/database.js';
import { onBothBackends } from './onBothBackends.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign } from '../src/store/campaigns.js';
import { createTeamsBot, runActivityRequest, type BotHttpResponse } from '../src/channels/teams/messagesHandler.js';

const DURATION_S = Number(process.env.KEKAO_BENCH_SECONDS ?? 5);
/** Pairs of runs (echo and kekao back to back); each run lasts half of KEKAO_BENCH_SECONDS. */
const PAIRS = Number(process.env.KEKAO_BENCH_CHAT_PAIRS ?? 7);
/** The requirement on PGlite: kekao's throughput at least this share of the echo bot's. */
const REQUIRED_RATIO_PGLITE = 0.62;

interface Run {
  rps: number;
  /** CPU time of the service process per answered message (microseconds). */
  cpuUsPerMessage: number;
  p50: number;
  p99: number;
  bad: number;
}

function activity(n: number, text: string) {
  return JSON.stringify({
    type: 'message',
    id: `b${n}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: `29:bench-${n % 200}`, name: 'bench' },
    recipient: { id: '28:kekao', name: 'kekao' },
    conversation: { id: `a:bench-${n % 200}`, conversationType: 'personal' },
    text,
  });
}

const loadProcess = fileURLToPath(new URL('./chatLoad.child.mjs', import.meta.url));
const loadResult = z.object({ ok: z.number(), elapsedMs: z.number(), p50: z.number(), p99: z.number(), bad: z.number() });

/**
 * Load from a process of its own (autocannon, 10 connections, each cycling through 20
 * conversations' activities), so that generating requests shares neither the service's thread nor
 * its CPU account: the CPU time this process used during the run, per answered message, is what
 * the service spent on it (its thread, PGlite inside it, the garbage collector's helpers).
 */
async function load(url: string, text: string, seconds: number): Promise<Run> {
  const options = {
    url,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: Array.from({ length: 20 }, (_, i) => ({ method: 'POST', body: activity(i, text) })),
  };
  const cpu = process.cpuUsage();
  const child = spawn(process.execPath, [loadProcess, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`chat bench load process exited with ${code} (${url})`);
  const r = loadResult.parse(JSON.parse(out));
  return { rps: r.ok / (r.elapsedMs / 1000), cpuUsPerMessage: (used.user + used.system) / Math.max(1, r.ok), p50: r.p50, p99: r.p99, bad: r.bad };
}

async function measure(label: 'PGlite' | 'PostgreSQL', db: Database): Promise<BenchResult[]> {
  await migrate(db);
  await ensureDefaultCampaign(db);
  const bot = createTeamsBot({ db, config: {}, now: () => new Date('2025-09-20T02:00:00Z') });
  const echo = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
  };
  // The same edge for both: Fastify parses the JSON body, the bot answers as plain data.
  const server = Fastify();
  const reply = (r: BotHttpResponse, res: { code(n: number): { send(b?: unknown): unknown } }) => res.code(r.status).send(r.body);
  server.post('/api/echo', async (req, res) => reply(await runActivityRequest(bot.adapter, echo, { headers: req.headers, body: req.body }), res));
  server.post('/api/messages', async (req, res) => reply(await bot.respond({ headers: req.headers, body: req.body }), res));
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const question = '上海联系人';
    const seconds = Math.max(1, DURATION_S / 2);
    // Warm up both (JIT, first-turn state writes). Then pairs of runs back to back, the order
    // alternating (echo first, then kekao first): other processes on a shared machine slow down
    // spells of a few seconds, which move both runs of a pair alike, so each pair gives a ratio and
    // the result is the median of the pairs — a spell that hits one run of a pair moves one pair.
    await load(`${base}/api/echo`, question, seconds);
    await load(`${base}/api/messages`, question, seconds);
    const echoRuns: Run[] = [];
    const kekaoRuns: Run[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      let echoRun: Run;
      let kekaoRun: Run;
      if (pair % 2 === 0) {
        echoRun = await load(`${base}/api/echo`, question, seconds);
        kekaoRun = await load(`${base}/api/messages`, question, seconds);
      } else {
        kekaoRun = await load(`${base}/api/messages`, question, seconds);
        echoRun = await load(`${base}/api/echo`, question, seconds);
      }
      echoRuns.push(echoRun);
      kekaoRuns.push(kekaoRun);
      ratios.push(kekaoRun.rps / echoRun.rps);
      cpuRatios.push(echoRun.cpuUsPerMessage / kekaoRun.cpuUsPerMessage);
    }
    const kekaoRps = median(kekaoRuns.map((r) => r.rps));
    const echoRps = median(echoRuns.map((r) => r.rps));
    const bad = [...echoRuns, ...kekaoRuns].reduce((s, r) => s + r.bad, 0);
    const spread = `pairs ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    return [
      {
        name: `chat (${label}): kekao bot messages/s (expectReplies, contact question)`,
        value: kekaoRps,
        unit: 'msg/s',
        ratio: median(ratios),
        baseline: `echo bot on the same adapter: ${echoRps.toFixed(0)} msg/s (medians of ${PAIRS} pairs)`,
        target: label === 'PGlite' ? `ratio ≥ ${REQUIRED_RATIO_PGLITE} (requirement)` : 'reported',
        minRatio: label === 'PGlite' ? REQUIRED_RATIO_PGLITE : undefined,
        note: [spread, bad ? `${bad} non-2xx/errors` : ''].filter(Boolean).join('; '),
      },
      {
        name: `chat (${label}): CPU per message, echo/kekao`,
        value: median(kekaoRuns.map((r) => r.cpuUsPerMessage)),
        unit: 'µs',
        ratio: median(cpuRatios),
        baseline: `echo ${median(echoRuns.map((r) => r.cpuUsPerMessage)).toFixed(0)} µs`,
        note: `pairs ${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)}`,
      },
      {
        name: `chat (${label}): kekao bot latency p50`,
        value: median(kekaoRuns.map((r) => r.p50)),
        unit: 'ms',
        baseline: `echo p50 ${median(echoRuns.map((r) => r.p50))} ms`,
      },
      {
        name: `chat (${label}): kekao bot latency p99`,
        value: median(kekaoRuns.map((r) => r.p99)),
        unit: 'ms',
        baseline: `echo p99 ${median(echoRuns.map((r) => r.p99))} ms`,
      },
    ];
  } finally {
    bot.stop();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/**
 * Both storage back ends: PGlite (the embedded default) runs SQL inside the service's own thread;
 * being one process's database, its turn state is read from an in-process copy after the first
 * turn (store/botStateCache.ts) and only writes reach SQL. With PostgreSQL (DATABASE_URL, the
 * scale-out configuration) every turn reads the table, and that work runs in the server's process.
 */
export function bench(): Promise<BenchResult[]> {
  return onBothBackends('chat (PostgreSQL): skipped', measure);
}
