import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server.js';
import { teamsRoute } from '../src/channels/teams/mount.js';
import { plainTextOf } from '../src/channels/teams/activityMapping.js';
import { openChatWorld, AAD, type ChatWorld } from './helpers/chatWorld.js';
import { silentLogger } from './helpers/fixtures.js';

/**
 * Load through real HTTP: 100 conversations at once, each sending 10 messages in turn
 * (`deliveryMode: expectReplies`), mixing the conversations (contacts, deadline, materials, rubric
 * question, help, status with and without a registered identity). Every request must answer 200
 * with the reply its question calls for — no reply lost, no 5xx. Timing is for the bench, not here.
 */

let world: ChatWorld;
let server: RunningServer;

beforeAll(async () => {
  // PGlite only: 1,000 turns on a second backend would double this file's time; the chat bench measures PostgreSQL.
  world = await openChatWorld();
  // The local-trial mode: the conversations claim identities without Bot Framework tokens.
  server = await createServer(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
    { db: world.db, logger: silentLogger, now: () => new Date('2025-09-20T02:00:00Z'), channels: [teamsRoute()] },
  );
}, 120_000);
afterAll(async () => {
  await server.close();
  await world.db.close();
});

/** Message i of a conversation and a word its answer must contain. */
const SCRIPT: Array<[string, string]> = [
  ['你好', '帮扶申请'],
  ['我在石家庄，找谁推荐？', '0311-83895717'],
  ['上海联系人', '021-64220000*2318'],
  ['contact Fujian', '0591-87513915'],
  ['截止时间还有几天？', '还有 10 天'],
  ['要交哪些材料？', '纸质版推荐表一式两份（加盖公章）'],
  ['推荐流程', '初审后逐级报送至省级'],
  ['什么是关键性能可靠域？', '极限应用场景'],
  ['Id怎么评分', '91～100'],
  ['我的申报', ''], // answer depends on the identity, checked below
];

describe('100 concurrent conversations × 10 messages through /api/messages', () => {
  it('answers every message with 200 and the right reply', async () => {
    const identities = [...Object.keys(AAD)] as Array<keyof typeof AAD>;
    const statuses = new Map<number, number>();
    const missing: string[] = [];
    async function conversation(c: number): Promise<void> {
      const who = identities[c % identities.length]!;
      for (let i = 0; i < SCRIPT.length; i++) {
        const [text, expected] = SCRIPT[i]!;
        const res = await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id: `c${c}-m${i}`,
            channelId: 'msteams',
            serviceUrl: 'http://127.0.0.1:9/unused',
            deliveryMode: 'expectReplies',
            from: { id: `29:load-${c}`, aadObjectId: AAD[who], name: who },
            recipient: { id: '28:kekao', name: 'kekao' },
            conversation: { id: `a:load-${c}`, conversationType: 'personal' },
            text,
          }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = res.status === 200 ? ((await res.json()) as { activities?: Array<{ text?: string; summary?: string }> }) : undefined;
        const reply = (body?.activities ?? []).map((a) => plainTextOf(a)).join('\n');
        const want =
          expected ||
          (who === 'stranger'
            ? '尚未在 kekao 登记'
            : who === 'enterpriseJibei' || who === 'officerSjz' || who === 'reviewer'
              ? '冀北电源科技有限公司'
              : who === 'officerPudong'
                ? '沪东精密仪器有限公司'
                : who === 'secretariat'
                  ? '当前状态'
                  : '还没有申报');
        if (!reply.includes(want)) missing.push(`conversation ${c} message ${i} (${who}, "${text}"): expected “${want}”, got “${reply.slice(0, 80)}”`);
      }
    }
    await Promise.all(Array.from({ length: 100 }, (_, c) => conversation(c)));
    expect(Object.fromEntries(statuses)).toEqual({ 200: 1000 });
    expect(missing).toEqual([]);
  }, 600_000);
});
