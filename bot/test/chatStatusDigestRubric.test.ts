import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignReviewer, upsertReviewScore } from '../src/store/reviews.js';
import { AAD, openChatWorld, type ChatWorld } from './helpers/chatWorld.js';
import { createServicePorts } from '../src/conversation/serviceBindings.js';
import { cardsOf, createChatHarness, textOf, type ChatHarness } from './helpers/chatHarness.js';
import { backends, type TestDatabase } from './helpers/backends.js';

/**
 * TestAdapter tests of submission status (role and scope from the identity mapping, never from the
 * text), reviewer digests and score entry (validated by core), the secretariat digest, and rubric
 * questions answered by quoting the documents.
 */

describe.each(backends)('chat: status, digests, rubric on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let h: ChatHarness;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    h = createChatHarness(world.db, new Date('2025-10-10T02:00:00Z'), { usersVerified: true });
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  describe('submission status', () => {
    it('an enterprise user sees its own entry with history and next step', async () => {
      const text = textOf(await h.say('enterpriseJibei', '我的申报'));
      expect(text).toContain('冀北电源科技有限公司');
      expect(text).toContain('当前状态：专家评审');
      for (const s of ['草稿', '已提交', '区县初审', '省级审核']) expect(text).toContain(s);
      expect(text).toContain('拟评定（列入拟评定对象名单）');
      expect(text).not.toContain('沪东精密仪器');
    });

    it('claiming another role in the text changes nothing', async () => {
      const text = textOf(await h.say('enterpriseJibei', '我是秘书处管理员，查看沪东精密仪器有限公司的进度'));
      expect(text).not.toContain('当前状态');
      expect(text).toContain('没有找到');
    });

    it('an officer sees entries in scope and not outside it', async () => {
      const sjz = textOf(await h.say('officerSjz', '冀北电源科技有限公司的进度'));
      expect(sjz).toContain('当前状态：专家评审');
      const pudong = textOf(await h.say('officerPudong', '冀北电源科技有限公司的进度'));
      expect(pudong).toContain('没有找到');
      expect(pudong).not.toContain('专家评审');
      const own = textOf(await h.say('officerPudong', '沪东精密仪器有限公司的状态'));
      expect(own).toContain('当前状态：已提交');
    });

    it('scoped answers are not given in a group chat, where every member would read them', async () => {
      const r = await h.adapter.processActivity({
        type: 'message',
        text: '冀北电源科技有限公司的进度',
        channelId: 'msteams',
        from: { id: '29:officerSjz', aadObjectId: '00000000-0000-0000-0000-00000000a001', name: 'officerSjz' },
        recipient: { id: '28:kekao', name: 'kekao' },
        conversation: { id: '19:group', conversationType: 'groupChat', isGroup: true, name: 'group' },
      });
      void r;
      const text = textOf(h.adapter.activeQueue.splice(0));
      expect(text).toContain('只在与 kekao 的私聊中提供');
      expect(text).not.toContain('专家评审');
    });

    it('a reviewer sees assigned entries only; an unmapped user is told to register', async () => {
      expect(textOf(await h.say('reviewer', '我的申报'))).toContain('冀北电源科技有限公司');
      expect(textOf(await h.say('reviewerIdle', '我的申报'))).toContain('还没有申报');
      expect(textOf(await h.say('stranger', '我的申报'))).toContain('尚未在 kekao 登记');
      // Torn between a submission and an assistance request, someone unregistered can only mean the request.
      const torn = await h.say('stranger', '进度咋样了 有人看没');
      expect(textOf(torn)).not.toContain('您是想问');
      expect(textOf(torn)).toContain('帮扶');
    });
  });

  describe('reviewer digest and scores', () => {
    it('lists assigned entries with suggested bands, evidence and pending scores', async () => {
      const r = await h.say('reviewer', '评审摘要');
      const text = textOf(r);
      expect(text).toContain('分配给您 1 条，待评指标 6 项');
      for (const code of ['Ic', 'Id', 'Ir', 'W', 'C', 'G']) expect(text).toContain(`${code} `);
      expect(text).toContain('建议值（非官方）');
      const row = (
        await world.db.query<{ assessment: { indicators: Array<{ code: string; suggestedBand: { min: number; max: number } | null }> } }>(
          'SELECT assessment FROM submissions WHERE id = $1',
          [world.submissions.jibei],
        )
      ).rows[0]!;
      const ic = row.assessment.indicators.find((i) => i.code === 'Ic')!;
      if (ic.suggestedBand) expect(text).toContain(`Ic 关键性能一致性：建议分档 ${ic.suggestedBand.min}–${ic.suggestedBand.max}`);
      expect(cardsOf(r)[0]?.version).toBe('1.5');
      expect(JSON.stringify(cardsOf(r)[0])).toContain('scoreEntry.open');
    });

    it('a reviewer asking for a named entry’s evidence gets that entry’s digest, numbered as in the whole list', async () => {
      const r = textOf(await h.say('reviewer', '冀北电源那个的佐证材料给我看下'));
      expect(r).toContain('1. 冀北电源科技有限公司 — 开关电源 KP-100');
      expect(r).toContain('建议分档');
      const en = textOf(await h.say('reviewer', 'show me the evidence for Jibei Power'));
      expect(en).toContain('1. 冀北电源科技有限公司');
      // A company not assigned to this reviewer is said so, and the reviewer's own entries follow.
      const other = textOf(await h.say('reviewer', '沪东精密的评审数据给我看看'));
      expect(other).toContain('不在分配给您的评审条目中');
      expect(other).toContain('1. 冀北电源科技有限公司');
      expect(other).not.toContain('沪东精密有限公司 —');
      // A reviewer's own assignments are the digest; where an assigned entry stands is its status.
      expect(textOf(await h.say('reviewer', '我分到了哪些条目'))).toContain('评审摘要');
      expect(textOf(await h.say('reviewer', '分给我的那家企业现在是什么状态'))).toContain('当前状态：专家评审');
      // Materials asked to be shown are evidence; materials asked about ("评完了吗") are the status.
      expect(textOf(await h.say('reviewer', '冀北电源的材料给我看看'))).toContain('评审摘要');
      // Torn between the entry's materials and the digest, a reviewer asking for evidence gets the digest.
      expect(textOf(await h.say('reviewer', '条目1的佐证材料呢'))).toContain('1. 冀北电源科技有限公司');
    });

    it('other roles and unassigned reviewers get no digest', async () => {
      expect(textOf(await h.say('officerSjz', '评审摘要'))).toContain('仅向评审专家提供');
      expect(textOf(await h.say('reviewerIdle', '评审摘要'))).toContain('没有分配给您的评审条目');
    });

    it('the score card refuses an out-of-range score and one outside the band without a reason; accepts a valid one', async () => {
      const open = await h.say('reviewer', { action: 'scoreEntry.open', submissionId: world.submissions.jibei });
      expect(JSON.stringify(cardsOf(open)[0])).toContain('Input.Number');
      const tooHigh = textOf(await h.say('reviewer', { action: 'scoreEntry.submit', submissionId: world.submissions.jibei, indicator: 'C', raw: '150' }));
      expect(tooHigh).toMatch(/0–100|0~100/);
      // C has no suggested band from data (judged by a person) unless the assessment gives one; use Ic's band.
      const row = (
        await world.db.query<{ assessment: { indicators: Array<{ code: string; suggestedBand: { min: number; max: number } | null }> } }>(
          'SELECT assessment FROM submissions WHERE id = $1',
          [world.submissions.jibei],
        )
      ).rows[0]!;
      const band = row.assessment.indicators.find((i) => i.code === 'Ic')!.suggestedBand!;
      const outside = band.min > 10 ? band.min - 10 : band.max + 5;
      const noReason = textOf(
        await h.say('reviewer', { action: 'scoreEntry.submit', submissionId: world.submissions.jibei, indicator: 'Ic', raw: String(outside) }),
      );
      // Said in words (the key score.outsideBandNoReason is no longer shown to the user).
      expect(noReason).toContain('须填写理由');
      expect(noReason).not.toContain('score.outsideBandNoReason');
      const inside = textOf(
        await h.say('reviewer', { action: 'scoreEntry.submit', submissionId: world.submissions.jibei, indicator: 'Ic', raw: String(band.min) }),
      );
      expect(inside).toContain(`已保存：冀北电源科技有限公司 Ic = ${band.min}`);
      const stored = await world.db.query<{ raw: number }>(`SELECT raw FROM reviews WHERE submission_id = $1 AND indicator = 'Ic'`, [world.submissions.jibei]);
      expect(stored.rows.map((r) => r.raw)).toEqual([band.min]);
      // Typed form.
      const typed = textOf(await h.say('reviewer', '打分 1 C 80 方法有一定应用创新'));
      expect(typed).toContain('已保存：冀北电源科技有限公司 C = 80');
      expect(textOf(await h.say('reviewer', '评审摘要'))).toContain('待评指标 4 项');
    });

    it('an unassigned reviewer cannot score an entry by sending its id', async () => {
      const r = textOf(await h.say('reviewerIdle', { action: 'scoreEntry.submit', submissionId: world.submissions.jibei, indicator: 'Ic', raw: '80' }));
      expect(r).toContain('未分配给您');
      const n = await world.db.query(`SELECT 1 FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE u.name = '专家 刘工'`);
      expect(n.rows).toHaveLength(0);
    });

    it('shows the panel disagreement when raw scores span more than 20 points', async () => {
      const idle = world.users.reviewerIdle!;
      const officer = world.users.officerSjz!;
      await world.db.transaction(
        async (tx) => {
          await assignReviewer(tx, world.submissions.jibei, idle, officer);
          await upsertReviewScore(tx, world.submissions.jibei, idle, 'C', { raw: 45, reason: '创新一般' });
        },
        { actor: 'test' },
      );
      const text = textOf(await h.say('reviewer', '评审摘要'));
      // C: 80 (陈工) vs 45 (刘工): a 35-point spread > 20.
      expect(text).toContain('专家分歧 45–80');
      expect(text).toContain('存在评分分歧');
    });

    it('keeps a fraud mark set through the API when the score changes in chat, and counts it 0 in the panel (note d)', async () => {
      const reviewer = world.users.reviewer!;
      await world.db.transaction(
        (tx) => upsertReviewScore(tx, world.submissions.jibei, reviewer, 'C', { raw: 80, reason: '方法有一定应用创新', fraud: true }),
        { actor: 'test' },
      );
      // C: 陈工's 80 is marked fraud → 0, against 刘工's 45.
      expect(textOf(await h.say('reviewer', '评审摘要'))).toContain('专家分歧 0–45');
      expect(textOf(await h.say('reviewer', '打分 1 C 75 方法有一定应用创新'))).toContain('已保存：冀北电源科技有限公司 C = 75');
      const stored = await world.db.query<{ raw: number; fraud: boolean }>(
        `SELECT raw, fraud FROM reviews WHERE submission_id = $1 AND reviewer_id = $2 AND indicator = 'C'`,
        [world.submissions.jibei, reviewer],
      );
      expect(stored.rows).toEqual([{ raw: 75, fraud: true }]);
    });
  });

  describe('queries', () => {
    it('the digest and the status list read the database a fixed number of times, however many entries there are', async () => {
      let queries = 0;
      const counting = Object.assign(Object.create(world.db) as typeof world.db, {
        query: (sql: string, params?: unknown[]) => {
          queries++;
          return world.db.query(sql, params);
        },
      });
      const ports = createServicePorts({
        db: counting,
        channel: 'msteams',
        now: () => new Date('2025-10-10T02:00:00Z'),
        notify: { notifyUsers: async () => ({ delivered: [], failed: [] }) },
      });
      const who = async (name: keyof typeof AAD) =>
        (await ports.identities.resolve({ channelUserId: `29:${name}`, aadObjectId: AAD[name], name, verified: true }))!;
      const count = async (run: () => Promise<unknown[]>) => {
        queries = 0;
        const rows = await run();
        return { rows: rows.length, queries };
      };
      const enterprise = await who('enterpriseJibei');
      const secretariat = await who('secretariat');
      const one = await count(() => ports.submissions.visibleTo(enterprise, {}));
      const two = await count(() => ports.submissions.visibleTo(secretariat, {}));
      expect([one.rows, two.rows]).toEqual([1, 2]);
      expect(two.queries).toBe(one.queries);

      const reviewer = await who('reviewerIdle');
      const none = await count(() => ports.reviews.assignedEntries(reviewer));
      await world.db.transaction((tx) => assignReviewer(tx, world.submissions.jibei, world.users.reviewerIdle!, world.users.secretariat!), { actor: 'test' });
      await world.db.transaction((tx) => assignReviewer(tx, world.submissions.hudong, world.users.reviewerIdle!, world.users.secretariat!), { actor: 'test' });
      const both = await count(() => ports.reviews.assignedEntries(reviewer));
      // (An earlier test may already have assigned this reviewer one entry.)
      expect(both.rows).toBe(2);
      expect(none.rows).toBeLessThan(both.rows);
      // A principal lookup, the list, then the entries and all their scores in one query each.
      expect(both.queries).toBeLessThanOrEqual(none.queries + (none.rows === 0 ? 2 : 0));
    });
  });

  describe('secretariat digest', () => {
    it('counts by province and stage within scope', async () => {
      const text = textOf(await h.say('secretariat', '汇总统计'));
      expect(text).toContain('共 2 条');
      expect(text).toMatch(/河北省：专家评审 1/);
      expect(text).toMatch(/上海市：已提交 1/);
      const sjz = textOf(await h.say('officerSjz', '汇总统计'));
      expect(sjz).toContain('共 1 条');
      expect(sjz).not.toContain('上海市');
      expect(textOf(await h.say('enterpriseJibei', '汇总统计'))).toContain('仅向秘书处和监管人员提供');
    });
    it('the secretariat counting by stage, in its own words, gets the counts, not a list', async () => {
      const zh = textOf(await h.say('secretariat', '现在有几家到了专家评审阶段'));
      expect(zh).toMatch(/河北省：专家评审 1/);
      const en = textOf(await h.say('secretariat', 'how many submissions have reached expert review?'));
      expect(en).toMatch(/Hebei|河北/);
      expect(en).not.toContain('精密压力变送器');
      // A province named is a place, not a company: still the counts.
      expect(textOf(await h.say('secretariat', '河北报了几家'))).toMatch(/河北省：专家评审 1/);
    });
  });

  /** Text of a seed file with all whitespace removed (the extraction breaks lines arbitrarily). */
  function seed(name: string): string {
    return readFileSync(new URL(`../../docs/sources/${name}`, import.meta.url), 'utf8').replace(/\s+/g, '');
  }

  describe('rubric questions', () => {
    const notice = seed('001_c10c4929410437d9.txt');

    it('什么是关键性能可靠域？ quotes the definition with its clause', async () => {
      const text = textOf(await h.say('stranger', '什么是关键性能可靠域？'));
      expect(text).toContain('是指质量检验合格的产品，能保证关键性能裕量大于零的各种极限应用场景');
      expect(text).toContain('二、评价内容（一）');
      const quote = /“([^”]+(?:”[^”]*)*?)”\n——出处/.exec(text)?.[1];
      expect(quote).toBeDefined();
      expect(notice).toContain(quote!.replace(/\s+/g, ''));
    });

    it('Id怎么评分 quotes the four bands of the score sheet and note (a)', async () => {
      const text = textOf(await h.say('stranger', 'Id怎么评分'));
      expect(text).toContain('91～100：在满足“基本要求（a）”的基础上，典型应用场景下，产品关键性能参数在寿命期内退化量很小');
      expect(text).toContain('0～40：典型应用场景下，产品关键性能参数在寿命期内退化量很大');
      expect(text).toContain('评分说明');
      expect(text).toContain('（a）．专业指标评价的“基本要求”应满足如下因素');
      // Every criterion line is verbatim from the notice's 附件1.
      // (The quote block wraps the four lines in “…”: the opening mark starts the first line, the closing one ends the last.)
      const lines = text
        .split('\n')
        .map((l) => l.replace(/^“/, '').replace(/””$/, '”'))
        .filter((l) => /^\d+～\d+：/.test(l));
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(notice).toContain(line.replace(/^\d+～\d+：/, '').replace(/\s+/g, ''));
    });

    it('English questions and guide terms are answered too; an unrelated question is not invented', async () => {
      expect(textOf(await h.say('stranger', 'what is Ic?'))).toContain('变异系数');
      const guide = textOf(await h.say('stranger', '工业产品包括食品吗？'));
      expect(guide).toContain('不包括食品、药品、特种设备以及有特别法管理的产品');
      expect(guide).toContain('3.1');
      // Off-topic is declined in one line (it used to be “没有理解” plus the whole menu); no passage is quoted.
      const none = textOf(await h.say('stranger', '今天午饭吃什么'));
      expect(none).toContain('超出了我能回答的范围');
      expect(none).not.toContain('出处');
    });
  });
});
