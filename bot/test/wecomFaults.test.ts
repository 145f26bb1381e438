import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { createWecomApi } from '../src/channels/wecom/api.js';
import { startMockWecomApi } from '../src/channels/wecom/tryit/mockApi.js';
import { openChatWorld, type ChatWorld } from './helpers/chatWorld.js';
import { backends, type TestDatabase } from './helpers/backends.js';
import { linkWecomUsers, startWecomService, type WecomService } from './helpers/wecomDriver.js';
import { createLogger } from '../src/log.js';

/**
 * Faults WeCom's delivery brings: a callback retried with the same MsgId (one after another, and
 * while the first is still being processed), a retry after the service restarted, the same
 * message reaching two service instances on one database; an access token that expires mid-run;
 * the frequency-limit error code. (The per-member limit of 30 messages a minute: wecomSendLimit.test.ts.)
 */

/** The database with queries on user_identities held back `ms` (a slow turn) while `on`. */
function slowIdentities(db: Database, ms: number): Database & { on: boolean } {
  const slow = {
    ...db,
    on: false,
    async query<T>(sql: string, params?: unknown[]) {
      if (slow.on && sql.includes('user_identities')) await new Promise((r) => setTimeout(r, ms));
      return db.query<T>(sql, params);
    },
  };
  return slow as Database & { on: boolean };
}

/** One member's answers across the callback responses and the stand-in: passive bodies plus active messages. */
function answers(svc: WecomService, responses: Array<{ passive?: { content?: string } }>, userId: string): string[] {
  return [
    ...responses.flatMap((r) => (r.passive?.content ? [r.passive.content] : [])),
    ...svc.mock.sent.filter((m) => m.touser === userId.toLowerCase()).map((m) => m.text ?? m.card!.main_title.title ?? ''),
  ];
}

describe.each(backends)('WeCom delivery faults on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let slow: Database & { on: boolean };
  let svc: WecomService;
  const NOW = new Date('2025-09-20T02:00:00Z');
  const logs: string[] = [];
  const logger = createLogger('debug', {}, (line) => logs.push(line));

  beforeAll(async () => {
    tdb = await backend.open({ durable: true });
    world = await openChatWorld(tdb.db);
    slow = slowIdentities(world.db, 600);
    svc = await startWecomService(slow, { now: NOW, logger });
    await linkWecomUsers(world.db, svc.config.corpId, { jibei: world.users.enterpriseJibei, chen: world.users.reviewer });
  });
  afterAll(async () => {
    await svc?.close();
    // After the restart test the instance shares the first one's stand-in, which it does not close.
    await svc?.mock.close();
    await tdb?.dispose();
  });

  it('the same MsgId three times in a row: one answer', async () => {
    const msgId = svc.sim.newMsgId();
    const rs = [];
    for (let i = 0; i < 3; i++) rs.push(await svc.sim.text('visitor', '上海联系人', msgId));
    await svc.route.idle();
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    const got = answers(svc, rs, 'visitor');
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('邱正');
    expect(rs.slice(1).map((r) => r.body)).toEqual(['', '']);
  });

  it('the same MsgId twice more while the first is still being processed: one answer', async () => {
    const msgId = svc.sim.newMsgId();
    slow.on = true;
    try {
      const first = svc.sim.text('jibei', '我的申报', msgId);
      // The first delivery has claimed its receipt and waits in its (slow) turn.
      for (let i = 0; i < 200 && (await world.db.query(`SELECT 1 FROM wecom_receipts WHERE dedupe_key LIKE $1`, [`%/msg/${msgId}`])).rows.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      const retries = await Promise.all([svc.sim.text('jibei', '我的申报', msgId), svc.sim.text('jibei', '我的申报', msgId)]);
      expect(retries.map((r) => [r.status, r.body])).toEqual([
        [200, ''],
        [200, ''],
      ]);
      const rs = [await first, ...retries];
      await svc.route.idle();
      const got = answers(svc, rs, 'jibei');
      expect(got).toHaveLength(1);
      expect(got[0]).toContain('冀北电源科技有限公司');
    } finally {
      slow.on = false;
    }
  });

  it('a retry after the service restarted is not processed again', async () => {
    const msgId = svc.sim.newMsgId();
    const first = await svc.sim.text('visitor2', '福建联系人', msgId);
    await svc.route.idle();
    expect(answers(svc, [first], 'visitor2')).toHaveLength(1);
    const sameApp = { config: svc.config, mock: svc.mock };
    await svc.server.close();
    const db = await tdb.restart();
    const restarted = await startWecomService(db, { now: NOW, sameAppAs: sameApp });
    try {
      const sentBefore = restarted.mock.sent.length;
      const retry = await restarted.sim.text('visitor2', '福建联系人', msgId);
      await restarted.route.idle();
      expect([retry.status, retry.body]).toEqual([200, '']);
      expect(restarted.mock.sent.length).toBe(sentBefore);
      // A new message is answered as usual after the restart.
      expect((await restarted.sim.text('visitor2', '福建联系人')).passive?.content).toContain('缪纪刚');
    } finally {
      await restarted.server.close();
    }
    world.db = db;
    slow = slowIdentities(db, 600);
    svc = await startWecomService(slow, { now: NOW, sameAppAs: sameApp, logger });
  });

  it('two service instances on one database get the same message: one answer', async () => {
    // PostgreSQL: a second connection pool on the same schema, as a second process has. PGlite
    // allows one process, so there the second instance shares it.
    const second = tdb.config.databaseUrl ? await openPostgres(tdb.config.databaseUrl, tdb.config.databaseSchema, 5) : undefined;
    const other = await startWecomService(second ?? world.db, { now: NOW, sameAppAs: { config: svc.config, mock: svc.mock } });
    try {
      for (let round = 0; round < 5; round++) {
        const msgId = svc.sim.newMsgId();
        const user = `twin${round}`;
        const rs = await Promise.all([svc.sim.text(user, '北京联系人', msgId), other.sim.text(user, '北京联系人', msgId)]);
        await Promise.all([svc.route.idle(), other.route.idle()]);
        const got = answers(svc, rs, user);
        expect(got, `round ${round}`).toHaveLength(1);
        expect(got[0]).toContain('贾晋玮');
      }
    } finally {
      await other.server.close();
      await second?.close();
    }
  });

  it('an access token that expires mid-run is refreshed once for all the sends that hit it', async () => {
    // Answers sent actively (help: text and two cards), so every turn calls message/send.
    await svc.sim.text('t0', '帮助');
    await svc.route.idle();
    const fetches = svc.route.channel!.api.tokenFetches;
    expect(svc.mock.calls.gettoken).toBe(fetches);
    svc.mock.expireTokens();
    const users = ['t1', 't2', 't3', 't4', 't5'];
    const before = svc.mock.sent.length;
    await Promise.all(users.map((u) => svc.sim.text(u, '帮助')));
    await svc.route.idle();
    expect(svc.route.channel!.api.tokenFetches).toBe(fetches + 1);
    expect(svc.mock.calls.gettoken).toBe(fetches + 1);
    expect(svc.mock.refusals[42001]).toBeGreaterThanOrEqual(1);
    // Every member got the whole answer: the text and the two help cards.
    for (const u of users)
      expect(
        svc.mock.sent
          .slice(before)
          .filter((m) => m.touser === u)
          .map((m) => m.msgtype),
      ).toEqual(['text', 'template_card', 'template_card']);
    // The refresh was logged; no token, nor the secret, ever was.
    expect(logs.some((l) => l.includes('wecom access token refused; refreshing once'))).toBe(true);
    const all = logs.join('\n');
    expect(svc.mock.issuedTokens().length).toBeGreaterThanOrEqual(2);
    for (const token of svc.mock.issuedTokens()) expect(all).not.toContain(token);
    expect(all).not.toContain(svc.config.secret);
  });

  it('the frequency-limit error code is backed off and the message still arrives', async () => {
    const before = svc.mock.sent.length;
    const limited = svc.mock.refusals[45009] ?? 0;
    svc.mock.rateLimitNext(3);
    await svc.sim.text('r1', '帮助');
    await svc.route.idle();
    expect(svc.mock.refusals[45009]).toBe(limited + 3);
    expect(
      svc.mock.sent
        .slice(before)
        .filter((m) => m.touser === 'r1')
        .map((m) => m.msgtype),
    ).toEqual(['text', 'template_card', 'template_card']);
  });
});

describe('WeCom API errors an administrator must fix', () => {
  it('a wrong secret or AgentId fails at once, naming what to check, without the secret', async () => {
    const mock = await startMockWecomApi({ corpId: 'wwright', secret: 'right-secret', agentId: 7 });
    try {
      const wrongSecret = createWecomApi({ apiBase: mock.url, corpId: 'wwright', secret: 'wrong-secret' });
      const e1 = await wrongSecret.post('message/send', {}).catch((e: Error) => e);
      expect(String(e1)).toContain('errcode 40001');
      expect(String(e1)).toContain('KEKAO_WECOM_SECRET');
      expect(String(e1)).not.toContain('wrong-secret');
      expect(mock.calls.gettoken).toBe(1);
      const api = createWecomApi({ apiBase: mock.url, corpId: 'wwright', secret: 'right-secret' });
      const e2 = await api.post('message/send', { touser: 'a', agentid: 8, msgtype: 'text', text: { content: 'x' } }).catch((e: Error) => e);
      expect(String(e2)).toContain('errcode 40056');
      expect(String(e2)).toContain('KEKAO_WECOM_AGENT_ID');
      expect(mock.calls['message/send']).toBe(1);
    } finally {
      await mock.close();
    }
  });
});
