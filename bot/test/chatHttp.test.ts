import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server.js';
import { teamsRoute, type TeamsRoute } from '../src/channels/teams/mount.js';
import { claimDigestRound, DIGEST_ROUND_KEY, runDigestRound } from '../src/conversation/digestScheduler.js';
import { openChatWorld, AAD, type ChatWorld } from './helpers/chatWorld.js';
import { backends, type TestDatabase } from './helpers/backends.js';
import { startConnectorStub, type ConnectorStub } from './helpers/connectorStub.js';
import { silentLogger } from './helpers/fixtures.js';
import { plainTextOf } from '../src/channels/teams/activityMapping.js';

/**
 * The bot end to end through real HTTP: activities POSTed to the service's /api/messages (the
 * route the service mounts), answered in the HTTP response (`deliveryMode: expectReplies`) or sent
 * to a local connector stub standing in for the Bot Connector; a proactive reviewer digest reaching
 * the stub through throttling (429 + Retry-After); and the 401 of botbuilder's authentication when
 * a MicrosoftAppId is configured.
 */

describe.each(backends)('chat over HTTP on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let server: RunningServer;
  let route: TeamsRoute;
  let stub: ConnectorStub;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    stub = await startConnectorStub();
    route = teamsRoute({ backoff: { baseMs: 10, maxMs: 2000 } });
    // The local-trial mode: these turns claim identities (officer, reviewer) without a Bot Framework
    // token, which only KEKAO_BOT_DEV=1 on a loopback address accepts.
    server = await createServer(
      { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
      { db: world.db, logger: silentLogger, now: () => new Date('2025-09-20T02:00:00Z'), channels: [route] },
    );
  });
  afterAll(async () => {
    await server?.close();
    await stub?.close();
    await tdb?.dispose();
  });

  function activity(who: keyof typeof AAD, text: string, extra: Record<string, unknown> = {}) {
    return {
      type: 'message',
      id: `act-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: stub.url,
      timestamp: new Date().toISOString(),
      from: { id: `29:${who}`, aadObjectId: AAD[who], name: who },
      recipient: { id: '28:kekao', name: 'kekao' },
      conversation: { id: `a:http-${who}`, conversationType: 'personal' },
      text,
      ...extra,
    };
  }

  async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined; // botbuilder answers 401 with plain text
    }
    return { status: res.status, json, text };
  }

  describe('/api/messages over HTTP', () => {
    it('expectReplies: the replies come back in the HTTP response', async () => {
      const r = await post(server.url, activity('stranger', '我在石家庄，找谁推荐？', { deliveryMode: 'expectReplies' }));
      expect(r.status).toBe(200);
      const texts = (r.json.activities as Array<{ text?: string; summary?: string }>).map(plainTextOf).join('\n');
      expect(texts).toContain('周敬');
      expect(texts).toContain('0311-83895717');
      const card = (r.json.activities as Array<{ attachments?: Array<{ contentType: string; content: { version: string } }> }>)[0]!.attachments?.[0];
      expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card?.content.version).toBe('1.5');
    });

    it('normal delivery: the reply is POSTed to the connector (stub) as a reply to the activity', async () => {
      const before = stub.received.length;
      const a = activity('stranger', '上海联系人');
      const r = await post(server.url, a);
      expect(r.status).toBe(200);
      await stub.waitFor(before + 1);
      const got = stub.received.slice(before);
      expect(got[0]!.conversationId).toBe('a:http-stranger');
      expect(got[0]!.replyToId).toBe(a.id);
      expect(plainTextOf(got[0]!.activity as never)).toContain('邱正');
    });

    it('the text questionnaire keeps its state between HTTP turns (state read with the turn state)', async () => {
      const turn = async (text: string) => {
        const r = await post(server.url, activity('officerSjz', text, { deliveryMode: 'expectReplies' }));
        expect(r.status).toBe(200);
        return (r.json.activities as Array<{ text?: string; summary?: string }>).map(plainTextOf).join('\n');
      };
      expect(await turn('帮扶申请')).toContain('单位名称（全称）');
      expect(await turn('冀西阀门有限公司')).toContain('统一社会信用代码');
      expect(await turn('123')).toContain('应为18位');
      const stored = await world.db.query<{ value: { answers: Record<string, unknown> } }>(
        `SELECT value FROM bot_state WHERE key LIKE 'kekao/intake/a:http-officerSjz/%'`,
      );
      expect(stored.rows[0]?.value.answers).toEqual({ orgName: '冀西阀门有限公司' });
      expect(await turn('取消')).toContain('已取消');
    });

    it('refuses a body that is not an activity', async () => {
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      expect(res.status).toBe(400);
      const r = await post(server.url, { text: 'no type' });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.json)).toContain('activity.invalid');
    });

    it('a proactive reviewer digest reaches the connector stub, retried after 429', async () => {
      // The reviewer talks to the bot once: the conversation reference is stored.
      const hello = await post(server.url, activity('reviewer', '你好', { deliveryMode: 'expectReplies' }));
      expect(hello.status).toBe(200);
      const refs = await world.db.query<{ user_id: string }>(`SELECT user_id FROM conversation_references WHERE key = 'msteams/a:http-reviewer'`);
      expect(refs.rows[0]?.user_id).toBe(world.users.reviewer);

      const before = stub.received.length;
      stub.throttleNext(2, 0);
      const result = await runDigestRound(route.bot!.ports);
      expect(result.sent).toEqual([world.users.reviewer]);
      await stub.waitFor(before + 1);
      expect(stub.throttled).toBe(2);
      const digest = stub.received.slice(before).find((x) => x.conversationId === 'a:http-reviewer')!;
      // Proactive: no incoming activity of the reviewer's triggered it (botbuilder addresses it to its continuation activity).
      expect(digest.replyToId).not.toBe(hello.json.activities?.[0]?.replyToId);
      expect(plainTextOf(digest.activity as never)).toContain('评审摘要：分配给您 1 条');
      // With several processes, only one claims each scheduled round.
      const ports = route.bot!.ports;
      // Repeated from a clean slate, so the first-round race (no row yet) is exercised each time.
      for (let round = 0; round < 15; round++) {
        await ports.state.remove(DIGEST_ROUND_KEY);
        const claims = await Promise.all([1, 2, 3, 4].map(() => claimDigestRound(ports, 60_000)));
        expect(claims.filter(Boolean).length).toBe(1);
        expect(await claimDigestRound(ports, 60_000)).toBe(false);
      }
      // The interleaving that once let two processes send: B reads "no row yet", A creates the row
      // and claims the round, then B goes on. B must lose.
      await ports.state.remove(DIGEST_ROUND_KEY);
      let firstLoadDone!: () => void;
      const bHasRead = new Promise<void>((r) => (firstLoadDone = r));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slowState = {
        ...ports.state,
        load: async (key: string) => {
          const v = await ports.state.load(key);
          firstLoadDone();
          await gate;
          return v;
        },
      };
      const processB = claimDigestRound({ ...ports, state: slowState }, 60_000);
      await bHasRead;
      const processA = await claimDigestRound(ports, 60_000);
      release();
      expect([processA, await processB]).toEqual([true, false]);
      expect(JSON.stringify(digest.activity.attachments)).toContain('冀北电源科技有限公司');
    });
  });

  describe('/api/messages with a Microsoft App ID configured', () => {
    it('refuses requests without a valid Bot Framework token with 401', async () => {
      const secured = await createServer(
        {
          port: 0,
          host: '127.0.0.1',
          logLevel: 'silent',
          addinDir: '/nonexistent-addin',
          microsoftAppId: '11111111-2222-3333-4444-555555555555',
          microsoftAppPassword: 'not-a-real-secret',
          microsoftAppTenantId: '66666666-7777-8888-9999-000000000000',
        },
        { db: world.db, logger: silentLogger, channels: [teamsRoute()] },
      );
      try {
        const noToken = await post(secured.url, activity('stranger', '上海联系人', { deliveryMode: 'expectReplies' }));
        expect(noToken.status).toBe(401);
        const forged = await post(secured.url, activity('stranger', '上海联系人', { deliveryMode: 'expectReplies' }), {
          authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxMTExMTExMS0yMjIyLTMzMzMtNDQ0NC01NTU1NTU1NTU1NTUifQ.c2lnbmF0dXJl',
        });
        expect(forged.status).toBe(401);
      } finally {
        await secured.close();
      }
    });
  });
});
