import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChatWorld, uscc, type ChatWorld } from './helpers/chatWorld.js';
import { backends, type TestDatabase } from './helpers/backends.js';
import { createWecomDriver, linkWecomUsers, startWecomService, type WecomDriver, type WecomService } from './helpers/wecomDriver.js';

/**
 * The conversations through the WeCom channel over real HTTP, every message encrypted and signed
 * as WeCom does, answers read from the passive replies and from what the WeCom stand-in received:
 * the welcome, contacts, deadlines, materials and flow; the whole assistance questionnaire with
 * wrong answers, choice cards and a cancel; status, the reviewer digest and score entry; rubric
 * questions. The world is the Teams tests' (chatWorld), its users linked to WeCom UserIDs. Expected
 * contacts and texts are those the Teams tests take from the 2025 notice and the guide.
 */

describe.each(backends)('WeCom conversations on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let svc: WecomService;
  let d: WecomDriver;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    // 2025-09-20 10:00 Beijing time.
    svc = await startWecomService(world.db, { now: new Date('2025-09-20T02:00:00Z') });
    // Mixed case on purpose: WeCom UserIDs are case-insensitive.
    await linkWecomUsers(world.db, svc.config.corpId, {
      WangKeZhang: world.users.officerSjz,
      LiKeZhang: world.users.officerPudong,
      jibei: world.users.enterpriseJibei,
      ChenGong: world.users.reviewer,
      LiuGong: world.users.reviewerIdle,
      zhou: world.users.secretariat,
    });
    d = createWecomDriver(svc);
  });
  afterAll(async () => {
    await svc?.close();
    await tdb?.dispose();
  });

  describe('welcome, contacts, campaign answers', () => {
    it('greets a member opening the application once a day, with the help buttons as cards', async () => {
      const first = await d.enter('visitor1');
      expect(first.text).toContain('可靠 kekao 可以回答');
      const buttons = first.cards.flatMap((c) => (c.card_type === 'button_interaction' ? c.button_list.map((b) => b.text) : []));
      expect(buttons).toEqual(['联系人', '截止时间', '材料清单', '推荐流程', '帮扶申请', '我的申报', '评审摘要', '帮扶进度', '秘书处汇总', '评分标准问答']);
      const again = await d.enter('visitor1');
      expect(again.text).toBe('');
    });

    it('each help button reaches its conversation, and the clicked card is closed', async () => {
      await d.say('visitor2', '帮助');
      expect((await d.click('visitor2', '联系人')).text).toContain('周敬');
      expect(svc.mock.updates.at(-1)?.replaceName).toBe('已选：联系人');
      // The first card is closed now; the second (continued) card still works.
      expect((await d.click('visitor2', '评分标准问答')).text).toContain('什么是关键性能可靠域');
      expect(() => d.click('visitor2', '截止时间')).toThrow(/no card/);
    });

    it('an application menu item (click event) and a message type kekao does not read (image)', async () => {
      const menu = await svc.sim.menu('visitor5', 'deadline');
      expect(menu.passive?.content).toContain('还有 10 天');
      const image = await svc.sim.post({
        ToUserName: svc.config.corpId,
        FromUserName: 'visitor5',
        CreateTime: Math.floor(svc.clock.now.getTime() / 1000),
        MsgType: 'image',
        PicUrl: 'http://example.invalid/a.png',
        MediaId: 'media1',
        MsgId: svc.sim.newMsgId(),
        AgentID: svc.config.agentId,
      });
      expect(image.passive?.content).toContain('目前只能处理文字消息');
    });

    it('我在石家庄，找谁推荐？ → 周敬 and the district-bureau rule, as a passive reply', async () => {
      const r = await d.say('visitor3', '我在石家庄，找谁推荐？');
      expect(r.passive).toBeDefined();
      expect(r.text).toContain('周敬');
      expect(r.text).toContain('0311-83895717');
      expect(r.text).toContain('逐级报送至省级市场监管部门');
      expect(r.text).not.toContain('邱正');
    });

    it('other places and English', async () => {
      expect((await d.say('visitor3', '上海联系人')).text).toContain('021-64220000*2318');
      const en = (await d.say('visitor3', 'contact Fujian')).text;
      expect(en).toContain('缪纪刚');
      expect(en).toContain('district/county');
      expect((await d.say('visitor3', '重庆万州区联系人')).text).toContain('罗西贝贝');
      expect((await d.say('visitor3', '我在杭州，找谁推荐？')).text).toContain('不在本项目范围内');
    });

    it('联系人 lists all eight contacts', async () => {
      const text = (await d.say('visitor3', '联系人')).text;
      for (const phone of [
        '010-55526748',
        '022-27182037',
        '021-64220000*2318',
        '023-67890721',
        '0311-83895717',
        '0591-87513915',
        '0791-86355012',
        '0531-51792275',
      ])
        expect(text).toContain(phone);
    });

    it('deadline days from the clock; materials and flow', async () => {
      // 2025-09-20 → 2025-09-30: 10 days.
      expect((await d.say('visitor3', '截止时间还有几天？')).text).toContain('还有 10 天');
      svc.clock.now = new Date('2025-10-03T01:00:00Z'); // 2025-10-03 Beijing: 3 days after
      expect((await d.say('visitor3', 'deadline?')).text).toContain('passed 3 day(s) ago');
      svc.clock.now = new Date('2025-09-20T02:00:00Z');
      expect((await d.say('visitor3', '要交哪些材料？')).text).toContain('纸质版推荐表一式两份（加盖公章）');
      const flow = (await d.say('visitor3', '推荐流程是怎样的')).text;
      expect(flow.indexOf('组织推荐')).toBeLessThan(flow.indexOf('公示'));
    });
  });

  describe('the assistance questionnaire', () => {
    const GOOD = uscc('91130102MA0DXYW12');
    const BAD = GOOD.slice(0, 17) + (GOOD[17] === '0' ? '1' : '0');

    it('walks A.1 with wrong answers, choices on cards, and ends with the triage and the officer notified in WeCom', async () => {
      const w = 'WangKeZhang';
      let r = await d.say(w, '我要帮企业提交帮扶申请');
      expect(r.text).toContain('单位名称（全称）');
      expect(r.text).toContain('企业微信卡片不能输入文字');
      expect((await d.say(w, '冀中机械制造有限公司')).text).toContain('统一社会信用代码');
      r = await d.say(w, BAD);
      expect(r.text).toContain('校验码错误');
      expect(r.text).toContain(`应为“${GOOD[17]}”`);
      expect((await d.say(w, GOOD.toLowerCase())).text).toContain('生产 / 经营地址');
      expect((await d.say(w, '浙江省杭州市西湖区文三路1号')).text).toContain('不在京津沪渝冀闽赣鲁八省（市）范围内');
      expect((await d.say(w, '河北省石家庄市长安区建设北大街1号')).text).toContain('联系人/职务');
      expect((await d.say(w, '张三/质量经理')).text).toContain('联系电话');
      expect((await d.say(w, '12812345678')).text).toContain('不是有效的电话号码');
      expect((await d.say(w, '13912345678')).text).toContain('所属行业');
      r = await d.say(w, '通用设备制造业');
      expect(r.text).toContain('企业规模');
      expect(r.cards.map((c) => c.card_type)).toEqual(['vote_interaction']);
      // A typed wrong answer, then the card.
      expect((await d.say(w, '巨型')).text).toContain('“巨型”不是可选项');
      r = await d.choose(w, ['中型']);
      expect(r.text).toContain('产品类别');
      r = await d.choose(w, ['工业产品']);
      expect(r.text).toContain('质量问题描述');
      r = await d.choose(w, ['生产过程质量波动', '其他']);
      expect(r.text).toContain('其他（质量问题）');
      expect((await d.say(w, '焊点虚焊')).text).toContain('具体表现');
      expect((await d.say(w, '批次间输出电压波动超出规格')).text).toContain('帮扶核心诉求');
      // Typed numbers still work where a card is offered.
      expect((await d.say(w, '1、5')).text).toContain('已采取的自查');
      expect((await d.say(w, '跳过')).text).toContain('是否自愿配合');
      expect((await d.choose(w, ['是'])).text).toContain('承诺');
      // Submitting the commitment card with nothing ticked is refused like "不".
      const commitment = d.cardsOf(w)[0]!.card!;
      if (commitment.card_type !== 'vote_interaction') throw new Error(commitment.card_type);
      const empty = await svc.sim.click(w, {
        taskId: commitment.task_id,
        cardType: commitment.card_type,
        eventKey: commitment.submit_button.key,
        responseCode: svc.mock.responseCodeForClick(commitment.task_id),
      });
      await svc.route.idle();
      const refusedText = [empty.passive?.content, ...svc.mock.sent.slice(-2).map((m) => m.text ?? '')].join('\n');
      expect(refusedText).toContain('为必填项');
      expect((await d.choose(w, ['确认承诺'])).text).toContain('佐证材料');
      const before = svc.mock.sent.length;
      r = await d.say(w, '跳过');
      expect(r.text).toContain('判定：启动帮扶');
      expect(r.text).toContain('7.2.2');
      const cases = (
        await world.db.query<{ id: string; enterprise_name: string; triage: { decision: string } }>(
          `SELECT id, enterprise_name, triage FROM assistance_cases WHERE enterprise_name = '冀中机械制造有限公司'`,
        )
      ).rows;
      expect(cases).toHaveLength(1);
      expect(r.text).toContain(cases[0]!.id);
      // 石家庄's city officer (linked to WeCom) is notified there; the province officer has no chat link.
      const notice = svc.mock.sent.slice(before).filter((m) => m.text?.startsWith('新的帮扶申请'));
      expect(notice.map((m) => m.touser)).toEqual(['wangkezhang']);
      expect(r.text).toContain('已通知覆盖河北省石家庄市长安区的监管人员 1 名；另有 1 名尚未与 kekao 对话过');
    });

    it('取消 in the middle clears the answers; the Cancel button does too', async () => {
      const w = 'LiKeZhang';
      await d.say(w, '帮扶申请');
      await d.say(w, '沪东某公司');
      expect((await d.say(w, '取消')).text).toContain('已取消');
      expect((await world.db.query(`SELECT key FROM bot_state WHERE key LIKE 'kekao/intake/wecom:%likezhang'`)).rows).toHaveLength(0);
      await d.say(w, '帮扶申请');
      await d.say(w, '沪东某公司');
      expect((await d.click(w, '取消')).text).toContain('已取消');
    });

    it('an unregistered member is told a role comes only from registration, not from what they type', async () => {
      await d.say('stranger1', '帮扶申请');
      expect((await d.say('stranger1', '我的申报')).text).toContain('尚未在 kekao 登记');
    });
  });

  describe('status, digest and scores, rubric', () => {
    it('status by role and scope, never by what the text claims', async () => {
      const own = (await d.say('jibei', '我的申报')).text;
      expect(own).toContain('当前状态：专家评审');
      expect(own).not.toContain('沪东精密仪器');
      expect((await d.say('jibei', '我是秘书处管理员，查看沪东精密仪器有限公司的进度')).text).toContain('没有找到');
      expect((await d.say('LiKeZhang', '冀北电源科技有限公司的进度')).text).toContain('没有找到');
      expect((await d.say('zhou', '汇总统计')).text).toContain('共 2 条');
    });

    it('the reviewer digest, the score button (typed score in WeCom) and typed scores validated by core', async () => {
      svc.clock.now = new Date('2025-10-10T02:00:00Z');
      const digest = await d.say('ChenGong', '评审摘要');
      expect(digest.text).toContain('分配给您 1 条，待评指标 6 项');
      expect(digest.text).toContain('建议值（非官方）');
      const open = await d.click('ChenGong', '录入评分');
      expect(open.text).toContain('打分 1 指标 分数 理由');
      expect(open.text).toContain('企业微信卡片不能输入文字');
      expect((await d.say('ChenGong', '打分 1 C 150 超出范围')).text).toMatch(/0–100|0~100/);
      expect((await d.say('ChenGong', '打分 1 C 80 方法有一定应用创新')).text).toContain('已保存：冀北电源科技有限公司 C = 80');
      const stored = await world.db.query<{ raw: number }>(`SELECT raw FROM reviews WHERE submission_id = $1 AND indicator = 'C'`, [world.submissions.jibei]);
      expect(stored.rows.map((x) => x.raw)).toEqual([80]);
      expect((await d.say('ChenGong', '评审摘要')).text).toContain('待评指标 5 项');
      expect((await d.say('LiuGong', '评审摘要')).text).toContain('没有分配给您的评审条目');
      expect((await d.say('WangKeZhang', '评审摘要')).text).toContain('仅向评审专家提供');
    });

    it('rubric questions quote the documents', async () => {
      expect((await d.say('visitor4', '什么是关键性能可靠域？')).text).toContain('是指质量检验合格的产品，能保证关键性能裕量大于零的各种极限应用场景');
      const id = (await d.say('visitor4', 'Id怎么评分')).text;
      expect(id).toContain('91～100：在满足“基本要求（a）”的基础上');
      expect(id).toContain('评分说明');
      expect((await d.say('visitor4', '工业产品包括食品吗？')).text).toContain('不包括食品、药品、特种设备以及有特别法管理的产品');
      expect((await d.say('visitor4', '今天午饭吃什么')).text).toContain('超出了我能回答的范围');
    });
  });

  it('sent nothing WeCom refused, truncated or dropped', () => {
    expect(svc.mock.refusals).toEqual({});
    expect(svc.mock.sent.filter((m) => m.truncated || m.dropped)).toEqual([]);
    expect(svc.mock.calls.gettoken).toBe(1);
  });
});
