import type { Script } from '../scriptFormat.js';

/** Reviewers: the digest card with its evidence in the body; scores typed in natural forms; what works when a form does not. */

export const reviewerZh: Script = {
  name: 'reviewer-zh',
  lang: 'zh',
  covers: '3. natural score entries; 4. digest card shows the evidence in its body',
  steps: [
    // The evidence comes with the digest: in the Teams card's body; in WeCom in the messages (a template card holds a title and a few lines).
    {
      who: 'reviewer',
      say: '我有哪些要评的',
      expect: {
        contains: ['评审摘要：分配给您 1 条', 'Ic 关键性能一致性', '出厂时（t=0）一致性', '专家组'],
        cardContains: ['scoreEntry.open'],
        buttons: ['录入评分'],
      },
      on: { teams: { cardContains: ['**Ic**', '专家组'] } },
    },
    { who: 'reviewer', say: '第1条 Id 88 退化模型有效', expect: { contains: ['已保存：冀北电源科技有限公司 Id = 88'] } },
    { who: 'reviewer', say: '给第一条的ir打75，理由是极限场景覆盖较全面', expect: { contains: ['已保存：冀北电源科技有限公司 Ir = 75'] } },
    // The entry number written "N条" in front is the entry, never the score.
    { who: 'reviewer', say: '1条 C 70 方法较常规', expect: { contains: ['已保存：冀北电源科技有限公司 C = 70'] } },
    { who: 'reviewer', say: 'Id打分', expect: { contains: ['没有看出分数', '第1条 Id 88'] } },
    { who: 'reviewer', say: 'Ic和Id都给80', expect: { contains: ['一次只能录入一个指标'] } },
    { who: 'officer', say: 'Id打88分', expect: { contains: ['只有被分配的评审专家可以录入评分'] } },
  ],
};

export const reviewerEn: Script = {
  name: 'reviewer-en',
  lang: 'en',
  covers: '3. natural score entries in English',
  steps: [
    { who: 'reviewer', say: 'score 1 G 85 good reference value for the industry', expect: { contains: ['Saved: 冀北电源科技有限公司 G = 85'] } },
    { who: 'reviewer', say: 'my review digest', expect: { contains: ['Digest: 1 entries assigned'] } },
  ],
};

export const scoreEntryZh: Script = {
  name: 'score-entry-zh',
  lang: 'zh',
  covers: "3. the digest's score button, a score out of range refused, a typed score saved; digests by role",
  steps: [
    { who: 'reviewer', say: '评审摘要', expect: { contains: ['评审摘要：分配给您 1 条', '建议值（非官方）'], buttons: ['录入评分'] } },
    // The score form: an Adaptive Card with number and text inputs in Teams; in WeCom, whose cards take none, the typed form only.
    {
      who: 'reviewer',
      press: { action: 'scoreEntry.open' },
      expect: { contains: ['打分 1 指标 分数 理由'] },
      on: { teams: { cardContains: ['scoreEntry.submit', 'Input.Number'] }, wecom: { contains: ['企业微信卡片不能输入文字'] } },
    },
    { who: 'reviewer', say: '打分 1 C 150 超出范围', expect: { contains: ['0–100'], notContains: ['已保存'] } },
    { who: 'reviewer', say: '打分 1 C 80 方法有一定应用创新', expect: { contains: ['已保存：冀北电源科技有限公司 C = 80'] } },
    { who: 'officer', say: '评审摘要', expect: { contains: ['仅向评审专家提供'] } },
  ],
};
