import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { intakeKey } from '../src/conversation/conversation.js';
import { openChatWorld, uscc, type ChatWorld } from './helpers/chatWorld.js';
import { cardsOf, createChatHarness, textOf, type ChatHarness } from './helpers/chatHarness.js';
import { backends, type TestDatabase } from './helpers/backends.js';

/**
 * The assistance intake (帮扶申请, guide Annex A.1) under the TestAdapter: the step-by-step text
 * dialogue with wrong answers at several steps, a restart of the database and the bot in the
 * middle (state in the database), the Adaptive Card path with a wrong field, the triage decisions of
 * guide §7.2.2 and term 3.1, the case in the database and the officers notified by scope.
 */

describe.each(backends)('chat: assistance intake on $name', (backend) => {
  let world: ChatWorld;
  let tdb: TestDatabase;
  let db: Database;
  let h: ChatHarness;
  const NOW = new Date('2025-09-20T02:00:00Z');

  beforeAll(async () => {
    // Durable: the questionnaire survives a restart of the database (PGlite from disk, PostgreSQL a new pool).
    tdb = await backend.open({ durable: true });
    db = tdb.db;
    world = await openChatWorld(db);
    h = createChatHarness(db, NOW, { usersVerified: true });
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  const GOOD_USCC = uscc('91130102MA0DXYW12');
  // Same 17 characters with a wrong 18th: the check character of GB 32100 is computed independently
  // in core/test/reference/uscc.py; here it only has to differ from the right one.
  const BAD_USCC = GOOD_USCC.slice(0, 17) + (GOOD_USCC[17] === '0' ? '1' : '0');

  async function caseRows() {
    return (
      await db.query<{
        id: string;
        case_no: string;
        enterprise_name: string;
        province: string;
        city: string | null;
        district: string | null;
        triage: { decision: string; clause: string };
        intake: { application: Record<string, unknown>; uscc: string };
      }>('SELECT id, case_no, enterprise_name, province, city, district, triage, intake FROM assistance_cases ORDER BY opened_at')
    ).rows;
  }

  describe('text questionnaire', () => {
    it('walks A.1 step by step, refuses wrong answers where they are given, survives a restart, and ends with the triage', async () => {
      let r = await h.say('officerSjz', '我要帮企业提交帮扶申请');
      expect(cardsOf(r)[0]?.version).toBe('1.5');
      expect(textOf(r)).toContain('单位名称（全称）');

      r = await h.say('officerSjz', '冀中机械制造有限公司');
      expect(textOf(r)).toContain('统一社会信用代码');

      r = await h.say('officerSjz', BAD_USCC);
      expect(textOf(r)).toContain('校验码错误');
      expect(textOf(r)).toContain(`应为“${GOOD_USCC[17]}”`);
      r = await h.say('officerSjz', 'ABC');
      expect(textOf(r)).toContain('应为18位');
      r = await h.say('officerSjz', GOOD_USCC.toLowerCase());
      expect(textOf(r)).toContain('生产 / 经营地址');

      r = await h.say('officerSjz', '浙江省杭州市西湖区文三路1号');
      expect(textOf(r)).toContain('不在京津沪渝冀闽赣鲁八省（市）范围内');
      r = await h.say('officerSjz', '河北省');
      expect(textOf(r)).toContain('请写到市和区（县）');
      r = await h.say('officerSjz', '河北省石家庄市长安区建设北大街1号');
      expect(textOf(r)).toContain('联系人/职务');

      // The service "restarts": PGlite closed and reopened from disk, or PostgreSQL's pool replaced; the bot rebuilt.
      const key = intakeKey({ conversation: { id: 'a:conv-officerSjz', type: 'personal' }, user: { channelUserId: '29:officerSjz' } });
      expect((await db.query('SELECT key FROM bot_state WHERE key = $1', [key])).rows).toHaveLength(1);
      db = await tdb.restart();
      h = createChatHarness(db, NOW, { usersVerified: true });

      r = await h.say('officerSjz', '张三/质量经理');
      expect(textOf(r)).toContain('联系电话');
      r = await h.say('officerSjz', '12812345678'); // second digit 2: not a mobile number
      expect(textOf(r)).toContain('不是有效的电话号码');
      r = await h.say('officerSjz', '0311-123'); // landline number too short
      expect(textOf(r)).toContain('不是有效的电话号码');
      r = await h.say('officerSjz', '13912345678');
      expect(textOf(r)).toContain('所属行业');
      r = await h.say('officerSjz', '通用设备制造业');
      expect(textOf(r)).toContain('企业规模');
      r = await h.say('officerSjz', '巨型');
      expect(textOf(r)).toContain('不是可选项');
      r = await h.say('officerSjz', '中型');
      expect(textOf(r)).toContain('产品类别');
      r = await h.say('officerSjz', '1');
      expect(textOf(r)).toContain('质量问题描述');
      r = await h.say('officerSjz', '2,9');
      expect(textOf(r)).toContain('“9”不是可选项');
      r = await h.say('officerSjz', '2,6'); // 生产过程质量波动 + 其他 → the 其他 text is asked
      expect(textOf(r)).toContain('其他（质量问题）');
      r = await h.say('officerSjz', '焊点虚焊');
      expect(textOf(r)).toContain('具体表现');
      r = await h.say('officerSjz', '批次间输出电压波动超出规格');
      expect(textOf(r)).toContain('帮扶核心诉求');
      r = await h.say('officerSjz', '现场诊断与问题溯源、5');
      expect(textOf(r)).toContain('已采取的自查');
      // A pause keeps the answers and the step; nothing is stored for it.
      r = await h.say('officerSjz', '我先问问领导再填');
      expect(textOf(r)).toContain('已填写的内容会保留');
      expect(textOf(r)).toContain('已采取的自查');
      r = await h.say('officerSjz', '继续填写');
      expect(textOf(r)).toContain('已采取的自查');
      // "This one empty, next": a skip, not a cancel; then a question with 不是 in it is no "no".
      r = await h.say('officerSjz', '这个不填了，下一个');
      expect(textOf(r)).toContain('已跳过「已采取的自查');
      expect(textOf(r)).toContain('是否自愿配合');
      r = await h.say('officerSjz', '愿意是愿意，但想先问下，数据造假的话是不是直接0分');
      expect(textOf(r)).toContain('造假');
      expect(textOf(r)).not.toContain('已记录');
      r = await h.say('officerSjz', '也许吧');
      expect(textOf(r)).toContain('请回答“是”或“否”');
      r = await h.say('officerSjz', '是');
      expect(textOf(r)).toContain('承诺');
      r = await h.say('officerSjz', '不');
      expect(textOf(r)).toContain('须确认承诺');
      r = await h.say('officerSjz', '确认');
      expect(textOf(r)).toContain('佐证材料');
      h.notifications.length = 0;
      // Not attaching anything yet at an optional step is a skip, not the step's answer.
      r = await h.say('officerSjz', '佐证材料先不附了');
      const text = textOf(r);
      expect(text).toContain('判定：启动帮扶');
      expect(text).toContain('7.2.2');
      expect(text).toContain('生产过程质量波动');

      const rows = await caseRows();
      const c = rows.find((x) => x.enterprise_name === '冀中机械制造有限公司')!;
      expect(c).toBeDefined();
      // The case is named by its number (BF-year-sequence), not its internal id.
      expect(text).toContain(c.case_no);
      expect(text).not.toContain(c.id);
      expect(c.province).toBe('河北省');
      expect(c.city).toBe('石家庄市');
      expect(c.district).toBe('长安区');
      expect(c.triage.decision).toBe('started');
      expect(c.intake.uscc).toBe(GOOD_USCC);
      expect(c.intake.application).toMatchObject({
        phone: '13912345678',
        size: 'medium',
        productCategory: 'industrial',
        problemTypes: ['process-fluctuation', 'other'],
        needs: ['diagnosis', 'improvement-plan'],
        willing: true,
        commitment: true,
      });
      expect(c.intake.application.measuresTaken).toBeUndefined();

      // Notified: the officers whose scope covers 河北省石家庄市长安区 (the city and the province officer), not 浦东.
      expect(h.notifications).toHaveLength(1);
      const notified = new Set(h.notifications[0]!.userIds);
      const officers = (await db.query<{ id: string; name: string }>(`SELECT id, name FROM users WHERE role = 'officer'`)).rows;
      const byName = (n: string) => officers.find((o) => o.name === n)!.id;
      expect(notified).toEqual(new Set([byName('石家庄市局 王科长'), byName('河北省局 赵处长')]));
      expect(h.notifications[0]!.replies[0]!.text).toContain('冀中机械制造有限公司');

      // The questionnaire state is gone once the case exists.
      expect((await db.query('SELECT key FROM bot_state WHERE key = $1', [key])).rows).toHaveLength(0);
    });

    it('取消 in the middle clears the answers', async () => {
      await h.say('enterpriseJibei', '帮扶申请');
      await h.say('enterpriseJibei', '冀北电源科技有限公司');
      const r = await h.say('enterpriseJibei', '取消');
      expect(textOf(r)).toContain('已取消');
      expect(textOf(await h.say('enterpriseJibei', '上海联系人'))).toContain('邱正');
    });

    it('an unregistered user may apply (the case will be 未核验); the questionnaire starts', async () => {
      // Anyone may apply through the district bureau (guide 7.2.2); it used to be refused.
      const r = await h.say('stranger', '帮扶申请');
      expect(textOf(r)).toContain('单位名称（全称）');
      expect(cardsOf(r)[0]?.version).toBe('1.5');
      // A name stated in English with "is" in it is an answer, not a question.
      const named = textOf(await h.say('stranger', 'our company name is Qingdao Haibo Precision Parts Co., Ltd.'));
      expect(named).toContain('Qingdao Haibo Precision Parts Co., Ltd.');
      expect(named).not.toContain('no kekao role');
      expect(textOf(await h.say('stranger', '取消'))).toContain('已取消');
    });
  });

  function cardValues(over: Record<string, unknown> = {}) {
    return {
      action: 'assistance.submit',
      orgName: '沪东精密仪器有限公司',
      uscc: uscc('91310115MA1H7XK00'),
      address: '上海市浦东新区张江路100号',
      contact: '李四/厂长',
      phone: '021-50801234',
      industry: '仪器仪表制造业',
      size: 'small',
      productCategory: 'industrial',
      problemTypes: 'technical-bottleneck',
      problemDetails: '压力传感器温漂大',
      needs: 'standards,testing-training',
      measuresTaken: '',
      willing: 'yes',
      commitment: 'yes',
      evidence: '',
      ...over,
    };
  }

  describe('Adaptive Card path', () => {
    it('lists every wrong field of a submitted card and keeps the right ones', async () => {
      const r = await h.say('officerPudong', cardValues({ phone: '5080-1234', size: 'huge', uscc: 'I'.repeat(18), willing: '' }));
      const text = textOf(r);
      expect(text).toContain('4 处需要修改');
      expect(text).toContain('不是有效的电话号码');
      expect(text).toContain('“huge”不是可选项');
      expect(text).toContain('第1位“I”不');
      expect(text).toContain('为必填项');
      // Messages name the problem in words, never by an internal key such as (intake.phone).
      expect(text).not.toMatch(/\((intake|uscc|validation)\.\w+\)/);
      const card = cardsOf(r)[0]!;
      expect(card.version).toBe('1.5');
      // Valid answers are kept in the re-sent card.
      expect(JSON.stringify(card)).toContain('压力传感器温漂大');
    });

    it('a corrected card creates the case (started) and notifies the 浦东 officer only', async () => {
      h.notifications.length = 0;
      const r = await h.say('officerPudong', cardValues());
      expect(textOf(r)).toContain('判定：启动帮扶');
      const c = (await caseRows()).find((x) => x.enterprise_name === '沪东精密仪器有限公司')!;
      expect(c.province).toBe('上海市');
      expect(c.district).toBe('浦东新区');
      const pudong = (await db.query<{ id: string }>(`SELECT id FROM users WHERE name = '浦东新区局 李科长'`)).rows[0]!.id;
      expect(h.notifications[0]!.userIds).toEqual([pudong]);
    });

    it('food is out of scope (guide 3.1); an unwilling applicant is not started (7.2.2)', async () => {
      const food = textOf(await h.say('officerPudong', cardValues({ orgName: '浦东食品有限公司', uscc: uscc('91310115MA1H7XF00'), productCategory: 'food' })));
      expect(food).toContain('不属于帮扶范围');
      expect(food).toContain('3.1');
      const unwilling = textOf(await h.say('officerPudong', cardValues({ orgName: '浦东阀门有限公司', uscc: uscc('91310115MA1H7XW00'), willing: 'no' })));
      expect(unwilling).toContain('不启动帮扶');
      expect(unwilling).toContain('改进意愿');
    });

    it('an officer cannot register a case outside their scope', async () => {
      const r = textOf(
        await h.say('officerPudong', cardValues({ orgName: '冀南铸造有限公司', uscc: uscc('91130102MA0DXYW99'), address: '河北省石家庄市正定县' })),
      );
      expect(r).toContain('不在您的管辖范围');
      expect((await caseRows()).some((c) => c.enterprise_name === '冀南铸造有限公司')).toBe(false);
    });
  });
});
