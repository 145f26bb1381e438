import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { teamsRoute, type TeamsRoute } from '../src/channels/teams/mount.js';
import { plainTextOf } from '../src/channels/teams/activityMapping.js';
import { botTrustMode } from '../src/channels/teams/playground.js';
import { openChatWorld, uscc, AAD, type ChatWorld } from './helpers/chatWorld.js';
import { backends, type TestDatabase } from './helpers/backends.js';
import { startConnectorStub, type ConnectorStub } from './helpers/connectorStub.js';
import { startBotFrameworkStub, type BotFrameworkStub } from './helpers/botFrameworkStub.js';
import { silentLogger } from './helpers/fixtures.js';

/**
 * Nobody can act as someone else in chat. Through real HTTP against /api/messages:
 * - without Bot Framework credentials (and without the local-trial mode) an activity that claims a
 *   linked officer's, reviewer's or enterprise's AAD object id gets no personal data, saves no
 *   score, files no case, is never answered at the serviceUrl it names and leaves no conversation
 *   reference behind;
 * - the local-trial mode starts only on a loopback address, says so in the log, and replies to
 *   loopback service URLs only;
 * - with credentials, tokens signed by a local key set (served as OpenID metadata over HTTP) are
 *   validated by botbuilder; a serviceUrl other than the token's claim, or outside the allow-list,
 *   is refused and nothing is sent there, while a genuine turn identifies its user and proactive
 *   notices reach that user's verified conversation;
 * - errors never carry the text of an exception.
 */

const NOW = () => new Date('2025-09-20T02:00:00Z');

function captureLogger() {
  const lines: Array<{ level: string; msg: string; [k: string]: unknown }> = [];
  return { lines, log: createLogger('debug', {}, (line) => lines.push(JSON.parse(line))) };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

const repliesOf = (r: { json?: { activities?: Array<{ text?: string; summary?: string }> } }) =>
  (r.json?.activities ?? []).map((a) => plainTextOf(a)).join('\n');

/** Gives a stray POST time to arrive before asserting that none did. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe.each(backends)('who the bot believes, on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let attacker: ConnectorStub;

  function activity(who: keyof typeof AAD, serviceUrl: string, content: string | Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: `29:${who}`, aadObjectId: AAD[who], name: who },
      recipient: { id: '28:kekao', name: 'kekao' },
      conversation: { id: `a:imp-${who}`, conversationType: 'personal' },
      ...(typeof content === 'string' ? { text: content } : { text: '', value: content }),
      ...extra,
    };
  }

  const assistanceCard = {
    action: 'assistance.submit',
    orgName: '冀北电源科技有限公司',
    uscc: uscc('91130102MA0CKK001'),
    address: '河北省石家庄市长安区建设北大街1号',
    contact: '王五/质量经理',
    phone: '0311-83895700',
    industry: '电气机械和器材制造业',
    size: 'medium',
    productCategory: 'industrial',
    problemTypes: 'technical-bottleneck',
    problemDetails: '开关电源批次间输出电压波动',
    needs: 'standards,testing-training',
    measuresTaken: '',
    willing: 'yes',
    commitment: 'yes',
    evidence: '',
  };

  const count = async (sql: string) => (await world.db.query<{ n: number }>(sql)).rows[0]!.n;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    attacker = await startConnectorStub();
  });
  afterAll(async () => {
    await attacker?.close();
    await tdb?.dispose();
  });

  describe('no Bot Framework credentials, no local-trial mode', () => {
    let server: RunningServer;
    let route: TeamsRoute;
    beforeAll(async () => {
      route = teamsRoute();
      server = await createServer(
        { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin' },
        { db: world.db, logger: silentLogger, now: NOW, channels: [route] },
      );
    });
    afterAll(async () => server?.close());

    it("claiming a linked officer's, reviewer's or enterprise's id gets no personal data, saves no score and files no case", async () => {
      const ask = async (who: keyof typeof AAD, content: string | Record<string, unknown>) => {
        const r = await post(server.url, activity(who, attacker.url, content, { deliveryMode: 'expectReplies' }));
        expect(r.status).toBe(200);
        return repliesOf(r);
      };
      const NO_CHANNEL = '本部署未配置经验证的聊天渠道';
      // The officer of 石家庄 would see 冀北电源's entry; the enterprise its own.
      for (const who of ['officerSjz', 'enterpriseJibei', 'secretariat'] as const) {
        const text = await ask(who, '我的申报');
        expect(text).toContain(NO_CHANNEL);
        expect(text).not.toContain('冀北电源科技有限公司');
        expect(text).not.toContain('开关电源 KP-100');
      }
      expect(await ask('officerSjz', 'my submissions')).toContain('no verified chat channel');
      // The reviewer assigned to 冀北电源's entry: no digest, no evidence, and a score is not saved.
      const digest = await ask('reviewer', '评审摘要');
      expect(digest).toContain(NO_CHANNEL);
      expect(digest).not.toContain('冀北电源科技有限公司');
      expect(await ask('reviewer', '打分 1 Ic 85 理由：数据完整')).toContain(NO_CHANNEL);
      expect(await ask('reviewer', { action: 'scoreEntry.submit', submissionId: world.submissions.jibei, indicator: 'Ic', raw: 85 })).toContain(NO_CHANNEL);
      expect(await count('SELECT count(*)::int AS n FROM reviews')).toBe(0);
      // The enterprise: no intake is started, and a complete card files nothing.
      expect(await ask('enterpriseJibei', '帮扶申请')).toContain(NO_CHANNEL);
      expect(await ask('enterpriseJibei', assistanceCard)).toContain(NO_CHANNEL);
      expect(await count('SELECT count(*)::int AS n FROM assistance_cases')).toBe(0);
      // Questions that do not depend on who asks are still answered.
      expect(await ask('officerSjz', '我在石家庄，找谁推荐？')).toContain('0311-83895717');
      expect(await ask('stranger', '截止时间还有几天？')).toContain('还有 10 天');
    });

    it('never POSTs to the serviceUrl a request names, and keeps no conversation reference', async () => {
      expect(await botTrustMode(server.url)).toBe('open');
      const r = await post(server.url, activity('officerSjz', attacker.url, '上海联系人'));
      expect(r.status).toBe(403);
      expect(r.json.error.key).toBe('bot.noVerifiedChannel');
      const welcome = await post(server.url, {
        ...activity('officerSjz', attacker.url, ''),
        type: 'conversationUpdate',
        membersAdded: [{ id: '29:officerSjz' }],
      });
      expect(welcome.status).toBe(403);
      await settle();
      expect(attacker.received).toEqual([]);
      expect(await count('SELECT count(*)::int AS n FROM conversation_references')).toBe(0);
      // A notice to the officer (e.g. of a new assistance case) has nowhere to go.
      const sent = await route.bot!.notifier.notifyUsers([world.users.officerSjz!], [{ text: '新的帮扶申请' }]);
      expect(sent).toEqual({ delivered: [], failed: [world.users.officerSjz] });
      await settle();
      expect(attacker.received).toEqual([]);
    });
  });

  describe('the local-trial mode (KEKAO_BOT_DEV=1)', () => {
    it('starts only on a loopback address, and warns when it does', async () => {
      expect(() => loadConfig({ KEKAO_BOT_DEV: '1' })).toThrow(/KEKAO_BOT_DEV.*127\.0\.0\.1/);
      expect(() => loadConfig({ KEKAO_BOT_DEV: '1', HOST: '192.168.1.20' })).toThrow(/本地试用模式只能在本机地址上运行/);
      expect(() => loadConfig({ KEKAO_BOT_DEV: 'maybe', HOST: '127.0.0.1' })).toThrow(/KEKAO_BOT_DEV/);
      expect(() =>
        loadConfig({ KEKAO_BOT_DEV: '1', HOST: '127.0.0.1', MicrosoftAppId: randomUUID(), MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant' }),
      ).toThrow(/KEKAO_BOT_DEV/);
      for (const host of ['127.0.0.1', '::1', 'localhost']) expect(loadConfig({ KEKAO_BOT_DEV: '1', HOST: host }).botDev).toBe(true);
      expect(loadConfig({ KEKAO_BOT_DEV: '0' }).botDev).toBe(false);
      await expect(
        createServer({ port: 0, host: '0.0.0.0', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true }, { db: world.db, logger: silentLogger }),
      ).rejects.toThrow(/loopback/);

      const { lines, log } = captureLogger();
      const route = teamsRoute();
      const server = await createServer(
        { port: 0, host: '127.0.0.1', logLevel: 'debug', addinDir: '/nonexistent-addin', botDev: true },
        { db: world.db, logger: log, channels: [route] },
      );
      try {
        route.ensure(server.services);
        expect(lines.some((l) => l.level === 'warn' && /KEKAO_BOT_DEV=1/.test(l.msg))).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('replies to loopback service URLs only', async () => {
      const server = await createServer(
        { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
        { db: world.db, logger: silentLogger, now: NOW, channels: [teamsRoute()] },
      );
      try {
        const r = await post(server.url, activity('stranger', 'https://smba.trafficmanager.net/amer/', '上海联系人'));
        expect(r.status).toBe(403);
        expect(r.json.error.key).toBe('bot.serviceUrlNotAllowed');
        // What `npm run playground` checks before it starts.
        expect(await botTrustMode(server.url)).toBe('dev');
        const before = attacker.received.length;
        const local = await post(server.url, activity('stranger', attacker.url, '上海联系人'));
        expect(local.status).toBe(200);
        await attacker.waitFor(before + 1);
        expect(plainTextOf(attacker.received.at(-1)!.activity as never)).toContain('邱正');
      } finally {
        await server.close();
      }
    });
  });

  describe('with Bot Framework credentials (real tokens from a local key set)', () => {
    let bf: BotFrameworkStub;
    let teams: ConnectorStub;
    let server: RunningServer;
    let route: TeamsRoute;

    beforeAll(async () => {
      bf = await startBotFrameworkStub(randomUUID());
      teams = await startConnectorStub();
      route = teamsRoute({ authEndpoints: { toBotFromChannelOpenIdMetadataUrl: bf.openIdMetadataUrl }, credentialsFactory: bf.credentialsFactory() });
      server = await createServer(
        {
          port: 0,
          host: '127.0.0.1',
          logLevel: 'silent',
          addinDir: '/nonexistent-addin',
          microsoftAppId: bf.appId,
          microsoftAppPassword: bf.appSecret,
          microsoftAppType: 'SingleTenant',
          microsoftAppTenantId: randomUUID(),
          botServiceUrls: [`${teams.url}/`],
        },
        { db: world.db, logger: silentLogger, now: NOW, channels: [route] },
      );
    });
    afterAll(async () => {
      await server?.close();
      await teams?.close();
      await bf?.close();
    });

    const bearer = async (serviceUrl: string) => ({ authorization: `Bearer ${await bf.channelToken({ serviceUrl })}` });

    it("identifies the user the channel names, and replies to the connector with the bot's own token", async () => {
      const before = teams.received.length;
      const a = activity('officerSjz', teams.url, '我的申报');
      const r = await post(server.url, a, await bearer(teams.url));
      expect(r.status).toBe(200);
      await teams.waitFor(before + 1);
      const reply = teams.received.at(-1)!;
      expect(reply.replyToId).toBe(a.id);
      expect(plainTextOf(reply.activity as never)).toContain('冀北电源科技有限公司');
      // The outgoing call carries the access token the (stand-in) token endpoint issued to this bot.
      expect(bf.issued.length).toBeGreaterThan(0);
      expect(reply.authorization).toBe(`Bearer ${bf.issued.at(-1)}`);
      const refs = await world.db.query<{ user_id: string; verified: boolean; reference: { serviceUrl: string } }>(
        `SELECT user_id, verified, reference FROM conversation_references WHERE key = 'msteams/a:imp-officerSjz'`,
      );
      expect(refs.rows).toEqual([{ user_id: world.users.officerSjz, verified: true, reference: expect.objectContaining({ serviceUrl: teams.url }) }]);
    });

    it("refuses a serviceUrl that is not the token's claim or not on the allow-list, and sends nothing there", async () => {
      const teamsBefore = teams.received.length;
      const attackerBefore = attacker.received.length;
      // A genuine token for the genuine connector, replayed with the attacker's serviceUrl.
      const replayed = await post(server.url, activity('officerSjz', attacker.url, '我的申报'), await bearer(teams.url));
      expect(replayed.status).toBe(401);
      // A token whose claim names the attacker's URL: validly signed, but the URL is not allowed.
      const notAllowed = await post(server.url, activity('officerSjz', attacker.url, '我的申报'), await bearer(attacker.url));
      expect(notAllowed.status).toBe(403);
      expect(notAllowed.json.error.key).toBe('bot.serviceUrlNotAllowed');
      // Signed with a key the metadata does not publish; for another bot; expired; none at all.
      const forged = await post(server.url, activity('officerSjz', teams.url, '我的申报'), {
        authorization: `Bearer ${await bf.channelToken({ serviceUrl: teams.url, signWith: await bf.foreignKey() })}`,
      });
      const otherBot = await post(server.url, activity('officerSjz', teams.url, '我的申报'), {
        authorization: `Bearer ${await bf.channelToken({ serviceUrl: teams.url, audience: randomUUID() })}`,
      });
      const expired = await post(server.url, activity('officerSjz', teams.url, '我的申报'), {
        authorization: `Bearer ${await bf.channelToken({ serviceUrl: teams.url, expiresInSeconds: -600 })}`,
      });
      const none = await post(server.url, activity('officerSjz', teams.url, '我的申报', { deliveryMode: 'expectReplies' }));
      expect(await botTrustMode(server.url)).toBe('verified');
      expect([forged.status, otherBot.status, expired.status, none.status]).toEqual([401, 401, 401, 401]);
      for (const r of [replayed, notAllowed, forged, otherBot, expired, none]) expect(r.text).not.toContain('冀北电源');
      await settle();
      expect(attacker.received.length).toBe(attackerBefore);
      expect(teams.received.length).toBe(teamsBefore);
      // The officer's reference still points at the genuine connector.
      const ref = await world.db.query<{ reference: { serviceUrl: string } }>(`SELECT reference FROM conversation_references WHERE user_id = $1`, [
        world.users.officerSjz,
      ]);
      expect(ref.rows.map((x) => x.reference.serviceUrl)).toEqual([teams.url]);
    });

    it("a verified enterprise's assistance case notifies the officer in the officer's own conversation", async () => {
      const before = teams.received.length;
      const r = await post(server.url, activity('enterpriseJibei', teams.url, assistanceCard), await bearer(teams.url));
      expect(r.status).toBe(200);
      const cases = await world.db.query<{ enterprise_name: string; enterprise_org_id: string }>(
        'SELECT enterprise_name, enterprise_org_id FROM assistance_cases',
      );
      expect(cases.rows).toEqual([{ enterprise_name: '冀北电源科技有限公司', enterprise_org_id: world.orgs.jibei }]);
      // The triage reply to the enterprise, and the notice to the 石家庄 officer (the only covering officer with a conversation).
      await teams.waitFor(before + 2);
      const notice = teams.received.slice(before).find((x) => x.conversationId === 'a:imp-officerSjz');
      expect(notice).toBeDefined();
      expect(plainTextOf(notice!.activity as never)).toContain('冀北电源科技有限公司');
      expect(attacker.received.every((x) => x.conversationId !== 'a:imp-officerSjz' || !plainTextOf(x.activity as never).includes('帮扶'))).toBe(true);
    });
  });

  describe('errors', () => {
    it('answers with a fixed message, never the text of an exception, and logs the details', async () => {
      const { lines, log } = captureLogger();
      const server = await createServer(
        { port: 0, host: '127.0.0.1', logLevel: 'debug', addinDir: '/nonexistent-addin', botDev: true },
        { db: world.db, logger: log, now: NOW, channels: [teamsRoute()] },
      );
      try {
        // The connector refuses the reply and then the error notice: the turn fails.
        attacker.failNext(2, 400, 'Conversation a:imp-stranger not found (internal detail 7f3a)');
        const dead = await post(server.url, activity('stranger', attacker.url, '上海联系人'));
        expect(dead.status).toBe(500);
        expect(dead.json).toEqual({ error: { key: 'bot.internal', zh: '处理消息时出错，请稍后重试', en: 'the message could not be processed; retry later' } });
        expect(lines.some((l) => l.level === 'error' && JSON.stringify(l).includes('internal detail 7f3a'))).toBe(true);
        // An activity without a conversation: named as invalid, not "Cannot read properties of undefined".
        const broken = await post(server.url, { type: 'message', text: '你好', from: { id: '29:x' }, deliveryMode: 'expectReplies' });
        expect(broken.status).toBe(400);
        expect(broken.json.error.key).toBe('activity.invalid');
        expect(broken.json.error.path).toBe('conversation');
        for (const r of [dead, broken]) expect(r.text).not.toMatch(/internal detail|not found|Cannot read|TypeError|at .*\.js/);
      } finally {
        await server.close();
      }
    });
  });
});
