import type { Script } from '../scriptFormat.js';

/** Rubric answers lead with the fact, then quote the documents with the clause. */

export const rubricZh: Script = {
  name: 'rubric-zh',
  lang: 'zh',
  covers: '2. rubric answers: weights, bands, notes (a)–(d), tiers, FMEA scoring, meanings',
  steps: [
    { who: 'unregistered', say: '各指标权重分别是多少', expect: { contains: ['Ic 20%、Id 25%、Ir 25%、W 15%、C 5%、G 10%', '出处'] } },
    {
      who: 'unregistered',
      say: 'Ir的分档标准是什么',
      expect: { contains: ['91～100、71～90、41～70、0～40', '极限应用场景覆盖非常全面', '（a）'], notContains: ['FMEA', 'Ic'] },
    },
    {
      who: 'unregistered',
      say: '说明（a）是什么意思',
      expect: { contains: ['说明（a）：专业指标评价的“基本要求”', '关键性能参数选取合理'], notContains: ['关键性能一致性（Ic）：'] },
    },
    { who: 'reviewer', say: '评分说明d', expect: { contains: ['说明（d）：评价过程中，如发现企业数据或信息造假，相应指标评分得0分。'] } },
    { who: 'unregistered', say: 'FMEA是啥', expect: { contains: ['DFMEA', '一、推荐对象（二）'], notContains: ['关键性能一致性（Ic）'] } },
    {
      who: 'reviewer',
      say: 'FMEA案例怎么打分',
      expect: { contains: ['案例策划20分、案例实施30分、案例成效30分、案例先进性20分', '评分为该项标准分的91%—100%'] },
    },
    { who: 'unregistered', say: '梯队怎么分', expect: { contains: ['第三梯队', '四、组织实施（二）'] } },
    { who: 'unregistered', say: '极限应用场景至少要几种', expect: { contains: ['极限应用场景不少于3种'] } },
    // Two questions in one message: each answered; the second takes the indicator of the first.
    { who: 'unregistered', say: 'Ic是什么？怎么打分？', expect: { contains: ['关键性能参数的波动范围小', 'Ic（关键性能一致性，权重20%）按四档评分'] } },
    { who: 'unregistered', say: '每个指标都分几档', expect: { contains: ['91～100、71～90、41～70、0～40'] } },
    { who: 'unregistered', say: '权重最高的是哪个', expect: { contains: ['Id、Ir的权重最高（25%）'] } },
    { who: 'unregistered', say: 'Id 71到90分要满足什么', expect: { contains: ['Id 71～90分：', '退化量较小'] } },
    { who: 'unregistered', say: 'w指标指的是啥', expect: { contains: ['售后责任故障数（率）（W）'] } },
    // Full marks and parts of an FMEA case (also typed FMAE); how to reach the top band.
    { who: 'unregistered', say: 'FMAE案例满分多少，由哪几部分组成', expect: { contains: ['满分100分', '案例策划20分、案例实施30分'] } },
    { who: 'unregistered', say: '可推广性怎样才能拿高分', expect: { contains: ['G 91～100分：', '引领和带动作用'] } },
  ],
};

export const rubricEn: Script = {
  name: 'rubric-en',
  lang: 'en',
  covers: '2. rubric answers in English (quotes in the original Chinese)',
  steps: [
    { who: 'unregistered', say: 'what are the weights of the indicators', expect: { contains: ['Ic 20%, Id 25%, Ir 25%, W 15%, C 5%, G 10%'] } },
    { who: 'unregistered', say: 'what is note (d)', expect: { contains: ['0分'] } },
    { who: 'unregistered', say: 'how is Ir scored', expect: { contains: ['91～100', 'out of 100'] } },
    { who: 'unregistered', say: 'how is an FMEA case scored', expect: { contains: ['out of 100'] } },
    { who: 'unregistered', say: 'how many extreme scenarios are needed at least', expect: { contains: ['极限应用场景不少于3种'] } },
    { who: 'unregistered', say: 'which indicator has the highest weight', expect: { contains: ['Id and Ir: 25%'] } },
    { who: 'unregistered', say: 'what does Ir need for a high score', expect: { contains: ['Ir 91–100:'] } },
    { who: 'unregistered', say: 'what are the full marks of an FMEA case and its parts', expect: { contains: ['out of 100', 'Case planning 20'] } },
  ],
};
