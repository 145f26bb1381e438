/**
 * `npm run bench` (chat): messages per second of the kekao bot through real HTTP
 * (`POST /api/messages`, `deliveryMode: expectReplies`, autocannon with 10 connections, each
 * request a turn of one of 20 conversations per connection; the load runs in a worker thread)
 * against a bare echo bot on the SAME bot adapter (botbuilder CloudAdapter) and the same
 * request path, measured in the same run — the ratio is what kekao's logic, turn state and
 * database reads cost (target ≥ 0.5). Latency p50/p99 of the kekao bot. On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import Fastify from 'fastify';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import type { TurnContext } from 'botbuilder';
import type { BenchResult } from '@kekao/test/bench';
import type { Database } from '../src/db/database.js';
import { onBothBackends } from './onBothBackends.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign } from '../src/store/campaigns.js';
import { createTeamsBot, runActivityRequest, type BotHttpResponse } from '../src/channels/teams/messagesHandler.js';

const DURATION_S = Number(process.env.KEKAO_BENCH_SECONDS ?? 5);

interface Run {
  rps: number;
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

/**
 * Load from a worker thread (autocannon `workers: 1`), so generating requests does not share the
 * server's thread: each connection cycles through 20 conversations' activities (static bodies,
 * which is what autocannon can hand to a worker).
 */
function load(url: string, text: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    autocannon(
      {
        url,
        method: 'POST',
        connections: 10,
        duration: DURATION_S,
        workers: 1,
        headers: { 'content-type': 'application/json' },
        requests: Array.from({ length: 20 }, (_, i) => ({ method: 'POST', body: activity(i, text) })),
      },
      (err: Error | null, r: any) => {
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        resolve({ rps: r['2xx'] / seconds, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts });
      },
    );
  });
}

async function measure(label: string, db: Database): Promise<BenchResult[]> {
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
    // Warm up both (JIT, first-turn state writes), then measure echo and kekao alternately twice
    // and keep each one's better run, so a noisy neighbour hurts neither side alone.
    await load(`${base}/api/echo`, question);
    await load(`${base}/api/messages`, question);
    const echoRuns = [await load(`${base}/api/echo`, question)];
    const kekaoRuns = [await load(`${base}/api/messages`, question)];
    echoRuns.push(await load(`${base}/api/echo`, question));
    kekaoRuns.push(await load(`${base}/api/messages`, question));
    const bestEcho = echoRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
    const bestKekao = kekaoRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
    const bad = [...echoRuns, ...kekaoRuns].reduce((s, r) => s + r.bad, 0);
    return [
      {
        name: `chat (${label}): kekao bot messages/s (expectReplies, contact question)`,
        value: bestKekao.rps,
        unit: 'msg/s',
        ratio: bestKekao.rps / bestEcho.rps,
        baseline: `echo bot on the same adapter: ${bestEcho.rps.toFixed(0)} msg/s`,
        target: 'ratio ≥ 0.5',
        note: bad ? `${bad} non-2xx/errors` : undefined,
      },
      { name: `chat (${label}): kekao bot latency p50`, value: bestKekao.p50, unit: 'ms', baseline: `echo p50 ${bestEcho.p50} ms` },
      { name: `chat (${label}): kekao bot latency p99`, value: bestKekao.p99, unit: 'ms', baseline: `echo p99 ${bestEcho.p99} ms` },
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
