import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign2025 } from '@kekao/core';
import { upsertCampaign } from '../src/store/campaigns.js';
import { openChatWorld, type ChatWorld } from './helpers/chatWorld.js';
import { cardsOf, createChatHarness, textOf, type ChatHarness } from './helpers/chatHarness.js';
import { backends, type TestDatabase } from './helpers/backends.js';

/**
 * TestAdapter tests of the welcome card, contact routing and the campaign answers (deadline,
 * materials, flow). Expected contacts are transcribed by hand from the 2025 notice 六、联系方式
 * (docs/sources/001); day counts are calendar arithmetic done by hand in the comments.
 */

describe.each(backends)('chat: welcome, contacts, deadlines on $name', (backend) => {
  let tdb: TestDatabase;
  let world: ChatWorld;
  let h: ChatHarness;

  beforeAll(async () => {
    tdb = await backend.open();
    world = await openChatWorld(tdb.db);
    // 2025-09-20 10:00 Beijing time.
    h = createChatHarness(world.db, new Date('2025-09-20T02:00:00Z'), { usersVerified: true });
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  describe('welcome and help', () => {
    /** Teams telling the bot that a member (or the bot itself) joined a personal conversation. */
    const membersAdded = (memberId: string, conversationId: string) =>
      h.adapter.processActivity({
        type: 'conversationUpdate',
        membersAdded: [{ id: memberId, name: memberId.slice(3) }],
        recipient: { id: '28:kekao', name: 'kekao' },
        conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
        channelId: 'msteams',
      });

    it('greets a new member with a card that has a button for every conversation', async () => {
      await membersAdded('29:newcomer', 'a:welcome');
      const replies = h.adapter.activeQueue.splice(0);
      const [card] = cardsOf(replies);
      expect(card?.version).toBe('1.5');
      const actions = JSON.stringify(card);
      for (const a of ['contacts', 'deadline', 'materials', 'flow', 'assistance.start', 'status', 'digest', 'secretariat', 'rubric']) {
        expect(actions).toContain(`"action":"${a}"`);
      }
      expect(textOf(replies)).toContain('联系人');
    });

    it('greets nobody when only the bot itself was added', async () => {
      await membersAdded('28:kekao', 'a:bot-added');
      expect(h.adapter.activeQueue.splice(0)).toEqual([]);
    });

    it('reads a group-chat message without the @mention of the bot', async () => {
      // Teams puts the mention's text into the message and names it in a mention entity.
      const inGroup = async (text: string) => {
        await h.adapter.processActivity({
          type: 'message',
          text,
          entities: [{ type: 'mention', text: '<at>kekao</at>', mentioned: { id: '28:kekao', name: 'kekao' } }],
          from: { id: '29:stranger', name: 'stranger' },
          recipient: { id: '28:kekao', name: 'kekao' },
          conversation: { id: '19:group-mention', conversationType: 'groupChat', isGroup: true, name: '' },
          channelId: 'msteams',
        });
        return h.adapter.activeQueue.splice(0);
      };
      // 2025 notice 六: 上海市市场监督管理局, 021-64220000*2318.
      expect(textOf(await inGroup('<at>kekao</at> 上海联系人'))).toContain('021-64220000*2318');
      // The mention alone is an empty message: the help card, as for any message without text.
      const alone = await inGroup('<at>kekao</at>');
      expect(cardsOf(alone)).toHaveLength(1);
      expect(textOf(alone)).toContain('帮扶申请');
    });

    it('answers 帮助 with the same card', async () => {
      const r = await h.say('stranger', '帮助');
      expect(cardsOf(r)).toHaveLength(1);
      expect(textOf(r)).toContain('帮扶申请');
    });

    it('each help-card button reaches its conversation', async () => {
      expect(textOf(await h.say('stranger', { action: 'contacts' }))).toContain('周敬');
      expect(textOf(await h.say('stranger', { action: 'deadline' }))).toContain('2025年9月30日');
      expect(textOf(await h.say('stranger', { action: 'materials' }))).toContain('纸质版推荐表一式两份（加盖公章）');
      expect(textOf(await h.say('stranger', { action: 'flow' }))).toContain('初审');
      expect(textOf(await h.say('stranger', { action: 'rubric' }))).toContain('什么是关键性能可靠域');
    });
  });

  describe('contact routing', () => {
    it('a contact asked for by name → that contact only (2025 notice 六: 河北 周敬 0311-83895717)', async () => {
      const text = textOf(await h.say('stranger', '省局周敬的电话是多少'));
      expect(text).toContain('0311-83895717');
      expect(text).not.toContain('邱正');
    });

    it('我在石家庄，找谁推荐？ → 河北 contact 周敬 and the district-bureau rule', async () => {
      const r = await h.say('stranger', '我在石家庄，找谁推荐？');
      const text = textOf(r);
      expect(text).toContain('河北省');
      expect(text).toContain('周敬');
      expect(text).toContain('0311-83895717');
      expect(text).toContain('区（县）市场监管局');
      expect(text).toContain('逐级报送至省级市场监管部门');
      expect(text).not.toContain('邱正');
      expect(cardsOf(r)[0]?.version).toBe('1.5');
    });

    it('上海联系人 → 邱正 021-64220000*2318', async () => {
      const text = textOf(await h.say('stranger', '上海联系人'));
      expect(text).toContain('邱正');
      expect(text).toContain('021-64220000*2318');
    });

    it('contact Fujian → 缪纪刚, answered in English', async () => {
      const text = textOf(await h.say('stranger', 'contact Fujian'));
      expect(text).toContain('缪纪刚');
      expect(text).toContain('0591-87513915');
      expect(text).toMatch(/contact/i);
      expect(text).toContain('district/county');
    });

    it('a county and a district name resolve through the division data', async () => {
      // 正定县 is a county of 石家庄市; 万州区 a district of 重庆市; 南昌县 of 江西省; 即墨区 of 青岛 (山东).
      expect(textOf(await h.say('stranger', '正定县的企业找谁？'))).toContain('周敬');
      expect(textOf(await h.say('stranger', '重庆万州区联系人'))).toContain('罗西贝贝');
      expect(textOf(await h.say('stranger', '南昌县联系方式'))).toContain('操安娜');
      expect(textOf(await h.say('stranger', '即墨区的联系人'))).toContain('王目敏');
      expect(textOf(await h.say('stranger', '浦东新区'))).toContain('邱正');
      expect(textOf(await h.say('stranger', '天津滨海新区联系人'))).toContain('骆建香');
      expect(textOf(await h.say('stranger', '北京海淀联系人'))).toContain('贾晋玮');
    });

    it('a name shared with a place outside the programme is answered for the covered one and the namesake named', async () => {
      // 朝阳区 exists in 北京市 and in 吉林省长春市.
      const text = textOf(await h.say('stranger', '朝阳区找谁推荐'));
      expect(text).toContain('贾晋玮');
      expect(text).toContain('吉林省长春市朝阳区');
    });

    it('a place outside the eight provinces gets an honest answer', async () => {
      const text = textOf(await h.say('stranger', '我在杭州，找谁推荐？'));
      expect(text).toContain('不在本项目范围内');
      expect(text).toContain('京津沪渝冀闽赣鲁');
      expect(text).not.toMatch(/联系人：\S+，联系电话/);
      const en = textOf(await h.say('stranger', 'contact Guangdong'));
      expect(en).toContain('outside the programme');
    });

    it('联系人 without a place lists all eight contacts', async () => {
      const text = textOf(await h.say('stranger', '联系人'));
      for (const [name, phone] of [
        ['贾晋玮', '010-55526748'],
        ['骆建香', '022-27182037'],
        ['邱正', '021-64220000*2318'],
        ['罗西贝贝', '023-67890721'],
        ['周敬', '0311-83895717'],
        ['缪纪刚', '0591-87513915'],
        ['操安娜', '0791-86355012'],
        ['王目敏', '0531-51792275'],
      ]) {
        expect(text).toContain(name);
        expect(text).toContain(phone);
      }
    });
  });

  describe('deadlines, materials and flow (campaign from the database)', () => {
    it('days left relative to the injected clock', async () => {
      // 2025-09-20 → 2025-09-30: 10 days.
      h.clock.now = new Date('2025-09-20T02:00:00Z');
      const text = textOf(await h.say('stranger', '截止时间还有几天？'));
      expect(text).toContain('2025年9月30日');
      expect(text).toContain('还有 10 天');
    });

    it('the deadline day itself and a passed deadline', async () => {
      h.clock.now = new Date('2025-09-30T15:00:00Z'); // 23:00 Beijing, still 9-30
      expect(textOf(await h.say('stranger', '截止日期'))).toContain('就是截止日');
      h.clock.now = new Date('2025-10-03T01:00:00Z'); // 2025-10-03 09:00 Beijing: 3 days after
      const text = textOf(await h.say('stranger', 'deadline?'));
      expect(text).toContain('passed 3 day(s) ago');
    });

    it('materials checklist and flow quote the campaign', async () => {
      const m = textOf(await h.say('stranger', '要交哪些材料？'));
      expect(m).toContain('纸质版推荐表一式两份（加盖公章）');
      expect(m).toContain('推荐汇总表（附件5、6）');
      expect(m).toContain('Word及盖章PDF扫描件');
      const f = textOf(await h.say('stranger', '推荐流程是怎样的'));
      expect(f).toContain('初审后逐级报送至省级');
      expect(f).toContain('公示');
      expect(f.indexOf('组织推荐')).toBeLessThan(f.indexOf('公示'));
    });

    it('a newly imported campaign changes the answers without code changes', async () => {
      const c2026 = {
        ...campaign2025,
        id: '2026',
        year: 2026,
        announcedOn: '2026-03-01',
        deadline: '2026-09-30',
        title: { zh: '2026年度推荐通知（测试）', en: '2026 notice (test)' },
      };
      await world.db.transaction((tx) => upsertCampaign(tx, c2026), { actor: 'test' });
      // 2026-05-01 → 2026-09-30: May 30 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 152 days.
      h.clock.now = new Date('2026-05-01T04:00:00Z');
      const text = textOf(await h.say('stranger', '截止时间还有几天'));
      expect(text).toContain('2026年度推荐通知（测试）');
      expect(text).toContain('2026年9月30日');
      expect(text).toContain('还有 152 天');
      await world.db.query(`DELETE FROM campaigns WHERE id = '2026'`);
    });
  });
});
