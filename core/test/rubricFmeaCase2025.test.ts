/*
 * The expected tables below were typed again from the seed text (2025 notice 附件3),
 * independently of the data modules: a typo in either fails.
 */
import { describe, expect, it } from 'vitest';
import { fmeaBandOfPoints, fmeaBandPoints, fmeaCase2025, fmeaItem, fmeaRubricSchema } from '../src/rubrics/index.js';
import { clone, first12 } from './rubricTestHelpers.js';

const EXPECTED_FMEA: { id: string; name: string; total: number; items: [string, string, number, string][] }[] = [
  {
    id: 'planning',
    name: '案例策划',
    total: 20,
    items: [
      ['background', '案例背景', 5, '案例来源清晰，目的、意义'],
      ['input', '案例输入', 5, '考虑各方面影响因素，特别'],
      ['objective', '案例目标', 5, '提升目标可测量，可操作，'],
      ['team', '团队完整', 5, '组织跨部门工作小组，小组'],
    ],
  },
  {
    id: 'implementation',
    name: '案例实施',
    total: 30,
    items: [
      ['structureFunction', '结构、功能分析', 5, '案例分析的过程步骤、功能'],
      ['failureRisk', '失效、风险分析', 10, '1．失效模式、失效原因、'],
      ['optimisation', '优化措施', 10, '1．对评估出的高风险案例'],
      ['documentation', '结果文件化', 5, '1．FMEA实施后形成书'],
    ],
  },
  {
    id: 'results',
    name: '案例成效',
    total: 30,
    items: [
      ['goalAchievement', '目标达成', 10, '目标达成程度（与策划时相'],
      ['lessonsLearned', '经验教训总结', 10, '实施过程中的经验教训总结'],
      ['qualityImprovement', '质量表现提升', 10, '1．切实提升产品和过程的'],
    ],
  },
  {
    id: 'advancement',
    name: '案例先进性',
    total: 20,
    items: [
      ['innovation', '创新性', 10, 'FMEA工作的创新性程度'],
      ['promotion', '可推广性', 5, 'FMEA应用的方法在行业'],
      ['level', '案例水平', 5, '通过FMEA活动提升产品'],
    ],
  },
];

describe('fmea-case-2025', () => {
  // The issue says "12 items"; Annex 3 has 14 rows (4 + 4 + 3 + 3) totalling 100 points.
  it('has the four groups and fourteen items with standard scores and criteria', () => {
    expect(fmeaCase2025.id).toBe('fmea-case-2025');
    expect(fmeaCase2025.groups.map((g) => [g.id, g.name.zh, g.total])).toEqual(EXPECTED_FMEA.map((g) => [g.id, g.name, g.total]));
    fmeaCase2025.groups.forEach((g, k) => {
      expect(g.items.map((i) => [i.id, i.name.zh, i.standardScore, first12(i.criterion.zh)])).toEqual(EXPECTED_FMEA[k].items);
      for (const i of g.items) expect(i.source).toEqual({ document: '2025年推荐通知', clause: '附件3' });
    });
    expect(fmeaCase2025.groups.flatMap((g) => g.items)).toHaveLength(14);
    expect(fmeaCase2025.groups.flatMap((g) => g.items).reduce((s, i) => s + i.standardScore, 0)).toBe(100);
  });

  it('keeps the second points of multi-point criteria', () => {
    expect(fmeaItem('failureRisk').criterion.zh).toContain('\n2．各风险因素（如：严重度、可探测度、发生频次）的评分合理，符合逻辑。');
    expect(fmeaItem('optimisation').criterion.zh).toContain('\n2．考虑并采用防错技术。');
    expect(fmeaItem('documentation').criterion.zh).toContain('\n2．编制FMEA对应的工艺流程文件。');
    expect(fmeaItem('qualityImprovement').criterion.zh).toContain('\n2．提升质量表现，包括质量、经济、效率等方面。');
    expect(fmeaItem('level').criterion.zh.endsWith('（国际、国内、行业领先水平）')).toBe(true);
  });

  it('has the four percentage bands of the 评分说明', () => {
    expect(fmeaCase2025.bands.map((b) => [b.min, b.max, b.label.zh, b.criterion.zh])).toEqual([
      [91, 100, '很好满足', '很好满足评价要求，评分为该项标准分的91%—100%'],
      [71, 90, '较好满足', '较好满足评价要求，评分为该项标准分的71%—90%'],
      [41, 70, '基本满足', '基本满足评价要求，评分为该项标准分的41%—70%'],
      [0, 40, '不能满足', '不能满足评价要求，评分为该项标准分的0%—40%'],
    ]);
  });

  it('converts percentage bands to points', () => {
    const five = fmeaItem('background');
    const ten = fmeaItem('failureRisk');
    expect(fmeaBandPoints(five, fmeaCase2025.bands[0])).toEqual({ min: 4.55, max: 5 });
    expect(fmeaBandPoints(ten, fmeaCase2025.bands[1])).toEqual({ min: 7.1, max: 9 });
    expect(fmeaBandOfPoints(ten, 9.1)?.label.zh).toBe('很好满足');
    expect(fmeaBandOfPoints(ten, 9)?.label.zh).toBe('较好满足');
    expect(fmeaBandOfPoints(five, 2)?.label.zh).toBe('不能满足');
    expect(fmeaBandOfPoints(five, 6)).toBeUndefined();
  });

  it('schema rejects a group total that differs from its items, and totals not summing to 100', () => {
    const bad = clone(fmeaCase2025);
    bad.groups[0].items[0].standardScore = 10;
    expect(fmeaRubricSchema.safeParse(bad).success).toBe(false);
    const bad2 = clone(fmeaCase2025);
    bad2.groups[0].items[0].standardScore = 10;
    bad2.groups[0].total = 25;
    expect(fmeaRubricSchema.safeParse(bad2).success).toBe(false);
    const bad3 = clone(fmeaCase2025);
    bad3.bands[1].min = 70;
    expect(fmeaRubricSchema.safeParse(bad3).success).toBe(false);
    const dup = clone(fmeaCase2025);
    dup.groups[1].items[0].id = 'background';
    expect(fmeaRubricSchema.safeParse(dup).success).toBe(false);
  });
});
