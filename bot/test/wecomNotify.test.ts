import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsRoute, type TeamsRoute } from '../src/channels/teams/mount.js';
import { createNotifyRouter, proactiveRouting } from '../src/channels/notifyRouter.js';
import { runDigestRound } from '../src/conversation/digestScheduler.js';
import { plainTextOf } from '../src/channels/teams/activityMapping.js';
import { AAD, openChatWorld, uscc, type ChatWorld } from './helpers/chatWorld.js';
import { backends, type TestDatabase } from './helpers/backends.js';
import { startConnectorStub, type ConnectorStub } from './helpers/connectorStub.js';
import { createWecomDriver, linkWecomUsers, startWecomService, type WecomService } from './helpers/wecomDriver.js';

/**
 * Proactive messages through every channel a user is linked to, with Teams and WeCom mounted in
 * one service sharing the notify router (as main.ts wires them): WeCom for users linked there,
 * Teams for users with a Teams conversation, both for users with both; the scheduled reviewer
 * digest reaches a reviewer linked to WeCom only; an assistance request made in Teams notifies the
 * officer in WeCom.
 */

describe.each(backends)('notifications across channels on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let svc: WecomService;
  let teams: TeamsRoute;
  let stub: ConnectorStub;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    stub = await startConnectorStub();
    const router = createNotifyRouter();
    teams = teamsRoute({ backoff: { baseMs: 10, maxMs: 200 }, proactive: proactiveRouting(router, ['wecom']) });
    // Teams in its local-trial mode (loopback): the test's activities claim their users' ids.
    svc = await startWecomService(world.db, { now: new Date('2025-09-20T02:00:00Z'), router, channels: [teams], teamsDevMode: true });
    teams.ensure(svc.server.services);
    await linkWecomUsers(world.db, svc.config.corpId, { wang: world.users.officerSjz, li: world.users.officerPudong, chen: world.users.reviewer });
  });
  afterAll(async () => {
    teams?.bot?.stop();
    await svc?.close();
    await stub?.close();
    await tdb?.dispose();
  });

  async function teamsSays(who: keyof typeof AAD, text: string): Promise<void> {
    const res = await fetch(`${svc.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `a-${Math.random()}`,
        channelId: 'msteams',
        serviceUrl: stub.url,
        deliveryMode: 'expectReplies',
        from: { id: `29:${who}`, aadObjectId: AAD[who], name: who },
        recipient: { id: '28:kekao', name: 'kekao' },
        conversation: { id: `a:notify-${who}`, conversationType: 'personal' },
        text,
      }),
    });
    expect(res.status).toBe(200);
  }

  it('routes each user to the channels they are linked to', async () => {
    // 浦东's officer has talked to the bot in Teams (a stored conversation) and is linked to WeCom.
    await teamsSays('officerPudong', '你好');
    const hebei = (await world.db.query<{ id: string }>(`SELECT id FROM users WHERE name = '河北省局 赵处长'`)).rows[0]!.id;
    const teamsBefore = stub.received.length;
    const wecomBefore = svc.mock.sent.length;
    const r = await svc.route.channel!.ports.notify.notifyUsers(
      [world.users.officerSjz!, world.users.officerPudong!, hebei],
      [{ text: '测试通知：新的帮扶申请' }],
    );
    await svc.route.idle();
    expect(r).toEqual({ delivered: [world.users.officerSjz, world.users.officerPudong], failed: [hebei] });
    expect(svc.mock.sent.slice(wecomBefore).map((m) => [m.touser, m.text])).toEqual(
      expect.arrayContaining([
        ['wang', '测试通知：新的帮扶申请'],
        ['li', '测试通知：新的帮扶申请'],
      ]),
    );
    expect(svc.mock.sent.slice(wecomBefore)).toHaveLength(2);
    await stub.waitFor(teamsBefore + 1);
    const teamsGot = stub.received.slice(teamsBefore);
    expect(teamsGot.map((x) => x.conversationId)).toEqual(['a:notify-officerPudong']);
    expect(plainTextOf(teamsGot[0]!.activity as never)).toContain('测试通知');
  });

  it('the scheduled digest (run by the Teams bot) reaches a reviewer linked to WeCom only', async () => {
    const before = svc.mock.sent.length;
    const result = await runDigestRound(teams.bot!.ports);
    await svc.route.idle();
    expect(result.sent).toEqual([world.users.reviewer]);
    const digest = svc.mock.sent.slice(before).filter((m) => m.touser === 'chen');
    expect(digest[0]?.text).toContain('评审摘要：分配给您 1 条');
    // The digest's score button comes as a card the reviewer can click.
    expect(digest.some((m) => m.card?.card_type === 'button_interaction')).toBe(true);
    const click = await createWecomDriver(svc).click('chen', '录入评分');
    expect(click.text).toContain('打分 1 指标 分数 理由');
  });

  it('an assistance request made in Teams notifies the 石家庄 officer in WeCom', async () => {
    const before = svc.mock.sent.length;
    await teamsSays('officerSjz', '帮扶申请');
    for (const answer of [
      '冀东某机械有限公司',
      uscc('91130102MA0DXYW12'),
      '河北省石家庄市长安区中山路2号',
      '李四/厂长',
      '13812345678',
      '通用设备制造业',
      '小型',
      '1',
      '2',
      '现场表现为尺寸超差',
      '1',
      '跳过',
      '是',
      '确认',
      '跳过',
    ]) {
      await teamsSays('officerSjz', answer);
    }
    await svc.route.idle();
    const notice = svc.mock.sent.slice(before).filter((m) => m.touser === 'wang' && m.text?.startsWith('新的帮扶申请'));
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toContain('冀东某机械有限公司');
  });
});
