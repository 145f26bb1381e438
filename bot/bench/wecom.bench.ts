/**
 * `npm run bench` (WeCom): 100 WeCom members × 10 messages through the encrypted callback
 * (`POST /api/wecom`: each message encrypted, signed, and its passive reply decrypted, by the
 * members in a load thread; active answers sent to the WeCom API stand-in in that thread), against
 * the same 100 members × 10 messages on the Teams channel (`POST /api/messages`, expectReplies) in
 * the same run and the same service. Each member sends its next message when the previous one was
 * answered over HTTP; all members at once. WeCom's time runs until every active answer was sent.
 * Checked: every message answered exactly once — each member's answers, passive and active in the
 * order they arrived, equal the conversation's answers to its messages (0 lost, 0 duplicated).
 * PGlite in memory, and PostgreSQL when DATABASE_URL is set.
 */
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import type { BenchResult } from '@kekao/test/bench';
import type { Database } from '../src/db/database.js';
import { onBothBackends } from './onBothBackends.js';
import { migrate } from '../src/db/migrate.js';
import { ensureDefaultCampaign } from '../src/store/campaigns.js';
import { createServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import { teamsRoute } from '../src/channels/teams/mount.js';
import { wecomRoute, WECOM_PATH } from '../src/channels/wecom/mount.js';
import { wecomMessagesOf } from '../src/channels/wecom/cardMapping.js';
import { wecomChatParty } from '../src/channels/wecom/identity.js';
import type { WecomMessage } from '../src/channels/wecom/templateCard.js';
import type { MockSent } from '../src/channels/wecom/tryit/mockApi.js';
import type { LoadRequest, LoadResult } from './wecomLoad.js';

const USERS = Number(process.env.KEKAO_BENCH_WECOM_USERS ?? 100);
const NOW = new Date('2025-09-20T02:00:00Z');
const TEXTS = [
  '我在石家庄，找谁推荐？',
  '上海联系人',
  '截止时间还有几天？',
  '要交哪些材料？',
  '推荐流程',
  '帮助',
  'contact Fujian',
  '什么是关键性能可靠域？',
  '重庆万州区联系人',
  '联系人',
];

function call<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; error?: string } & T) => (m.ok ? resolve(m) : reject(new Error(m.error))));
    worker.postMessage(message);
  });
}

const item = (m: WecomMessage | MockSent): string =>
  'msgtype' in m && m.msgtype === 'template_card'
    ? `card:${'template_card' in m ? m.template_card.card_type : m.card!.card_type}:${'template_card' in m ? m.template_card.main_title.title : m.card!.main_title.title}`
    : `text:${'text' in m && typeof m.text === 'object' ? m.text.content : (m as MockSent).text}`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** Lost and duplicated answers: the member's stream against the expected one (as multisets), and whether the order held. */
function compare(actual: string[], expected: string[]): { lost: number; duplicated: number; ordered: boolean } {
  const left = new Map<string, number>();
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1);
  let duplicated = 0;
  for (const a of actual) {
    const n = left.get(a) ?? 0;
    if (n > 0) left.set(a, n - 1);
    else duplicated++;
  }
  const lost = [...left.values()].reduce((s, n) => s + n, 0);
  return { lost, duplicated, ordered: lost === 0 && duplicated === 0 && actual.every((a, i) => a === expected[i]) };
}

async function measure(label: string, db: Database): Promise<BenchResult[]> {
  await migrate(db);
  await ensureDefaultCampaign(db);
  const worker = new Worker(new URL('./wecomLoad.worker.mjs', import.meta.url));
  const secrets = {
    token: randomBytes(16).toString('hex'),
    aesKey: randomBytes(40)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .padEnd(43, 'k')
      .slice(0, 43),
    corpId: `ww${randomBytes(8).toString('hex')}`,
    agentId: 1000002,
  };
  const secret = randomBytes(20).toString('hex');
  const { url: mockUrl } = await call<{ url: string }>(worker, { op: 'mock', corpId: secrets.corpId, secret, agentId: secrets.agentId });
  const route = wecomRoute({ config: { ...secrets, secret, apiBase: mockUrl } });
  const teams = teamsRoute();
  const server = await createServer(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin' },
    { db, logger: createLogger('silent'), now: () => NOW, channels: [route, teams] },
  );
  try {
    // What each message should be answered with (a member that never wrote before; task ids aside).
    const conversation = route.ensure(server.services).conversation;
    const expected: string[] = [];
    for (const text of TEXTS) {
      const replies = await conversation.handle({ ...wecomChatParty(secrets.corpId, 'expected-answers'), text });
      expected.push(...replies.flatMap((r) => wecomMessagesOf(r, { newTaskId: () => 'x' })).map(item));
    }
    let round = 0;
    const load = async (kind: 'wecom' | 'teams', users: number) => {
      const names = Array.from({ length: users }, (_, i) => `r${++round}u${i}`);
      const request: LoadRequest = {
        kind,
        users: names,
        texts: TEXTS,
        nowMs: NOW.getTime(),
        url: kind === 'wecom' ? `${server.url}${WECOM_PATH}` : `${server.url}/api/messages`,
        ...(kind === 'wecom' ? { secrets } : {}),
      };
      const started = performance.now();
      const { result } = await call<{ result: LoadResult }>(worker, { op: 'run', request });
      await route.idle();
      const elapsedMs = performance.now() - started;
      const check = { lost: 0, duplicated: 0, unordered: 0, passive: 0 };
      if (kind === 'wecom') {
        const { sent } = await call<{ sent: MockSent[] }>(worker, { op: 'sent' });
        for (const u of names) {
          const passives = result.answers[u]!.map((a) => ({ at: a.at, item: `text:${a.texts[0]}` }));
          check.passive += passives.length;
          const actives = sent.filter((m) => m.touser === u.toLowerCase() && !m.dropped).map((m) => ({ at: m.at, item: item(m) }));
          const stream = [...passives, ...actives].sort((a, b) => a.at - b.at).map((x) => x.item);
          const c = compare(stream, expected);
          check.lost += c.lost;
          check.duplicated += c.duplicated;
          if (!c.ordered) check.unordered++;
        }
      } else {
        for (const u of names) check.lost += TEXTS.length - result.answers[u]!.length;
      }
      return {
        rps: (users * TEXTS.length) / (elapsedMs / 1000),
        p50: percentile(result.latenciesMs, 50),
        p99: percentile(result.latenciesMs, 99),
        bad: result.bad,
        ...check,
      };
    };
    // Warm up both (JIT, first writes), then alternate and keep each one's better run.
    await load('teams', 10);
    await load('wecom', 10);
    const runs = { teams: [] as Awaited<ReturnType<typeof load>>[], wecom: [] as Awaited<ReturnType<typeof load>>[] };
    for (let i = 0; i < 2; i++) {
      runs.teams.push(await load('teams', USERS));
      runs.wecom.push(await load('wecom', USERS));
    }
    const best = (xs: Awaited<ReturnType<typeof load>>[]) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const w = best(runs.wecom);
    const t = best(runs.teams);
    const all = runs.wecom;
    const lost = all.reduce((s, r) => s + r.lost, 0);
    const duplicated = all.reduce((s, r) => s + r.duplicated, 0);
    const unordered = all.reduce((s, r) => s + r.unordered, 0);
    const bad = [...runs.wecom, ...runs.teams].reduce((s, r) => s + r.bad, 0);
    const n = USERS * TEXTS.length;
    return [
      {
        name: `wecom (${label}): ${USERS} members × ${TEXTS.length} messages, messages/s`,
        value: w.rps,
        unit: 'msg/s',
        ratio: w.rps / t.rps,
        baseline: `Teams channel, same load and service: ${t.rps.toFixed(0)} msg/s`,
        note: `${n} per run, 2 runs: lost ${lost}, duplicated ${duplicated}, out of order ${unordered} members; passive ${((w.passive / n) * 100).toFixed(0)}%${bad ? `; ${bad} non-200` : ''}`,
      },
      { name: `wecom (${label}): callback latency p50`, value: w.p50, unit: 'ms', baseline: `Teams p50 ${t.p50.toFixed(0)} ms` },
      { name: `wecom (${label}): callback latency p99`, value: w.p99, unit: 'ms', baseline: `Teams p99 ${t.p99.toFixed(0)} ms` },
      {
        name: `wecom (${label}): answers lost / duplicated`,
        value: lost + duplicated,
        unit: 'answers',
        target: '0',
        note: `lost ${lost}, duplicated ${duplicated} of ${2 * n} messages`,
      },
    ];
  } finally {
    teams.bot?.stop();
    await server.close();
    await call(worker, { op: 'stop' });
    await worker.terminate();
  }
}

export function bench(): Promise<BenchResult[]> {
  return onBothBackends('wecom (PostgreSQL): skipped', measure);
}
