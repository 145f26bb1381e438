import { describe, expect, it } from 'vitest';
import {
  RUBRICS,
  rubricIds,
  getRubric,
  reliability2024,
  reliabilityIndicator,
  reliabilityRubricSchema,
  fmeaCase2025,
  fmeaRubricSchema,
  fmeaItem,
  fmeaBandPoints,
  fmeaBandOfPoints,
  db31_1368_2022,
  db31RubricSchema,
  db31Item,
  db31Procedure,
  db31RecusalRule,
  requiresRecusal,
  directEconomicBand,
  indirectEconomicBand,
  ecologicalBand,
  reductionPercent,
  relativeGrowthPercent,
  bandOf,
  checkBandCoverage,
  rubricSchema,
} from '../src/rubrics/index.js';

/*
 * The expected tables below were typed again from the seed texts (2025 notice 附件1/附件3 and
 * DB31/T 1368—2022 表B.1), independently of the data modules: a typo in either fails.
 */

const clone = <T>(v: T): T => structuredClone(v);
const first12 = (s: string) => s.slice(0, 12);

// ───────────────────────────────────────────── reliability-2024

const A = '在满足“基本要求（a）”';
const EXPECTED_RELIABILITY: {
  code: 'Ic' | 'Id' | 'Ir' | 'W' | 'C' | 'G';
  name: string;
  group: 'professional' | 'benefit';
  weightPercent: number;
  /** [first 12 characters, a phrase the criterion contains], bands 91–100, 71–90, 41–70, 0–40 */
  criteria: [string, string][];
}[] = [
  {
    code: 'Ic',
    name: '关键性能一致性',
    group: 'professional',
    weightPercent: 20,
    criteria: [
      [A, '两个阶段的关键性能一致性都很好。'],
      [A, '两个阶段的关键性能一致性都较好。'],
      [A, '产品出厂时（t＝0）关键性能一致性较好。'],
      ['产品出厂时（t＝0）关键', '关键性能一致性较差，或不满足评价的“基本要求（a）”。'],
    ],
  },
  {
    code: 'Id',
    name: '关键性能退化量',
    group: 'professional',
    weightPercent: 25,
    criteria: [
      [A, '退化量很小，对产品功能和性能指标无影响，且建立了有效的退化模型。'],
      [A, '退化量较小，不影响产品功能和性能指标。'],
      [A, '退化量较大，部分影响产品功能和性能。'],
      ['典型应用场景下，产品关键', '退化量很大，严重影响产品功能和性能，或不满足评价的“基本要求（a）”'],
    ],
  },
  {
    code: 'Ir',
    name: '关键性能可靠域',
    group: 'professional',
    weightPercent: 25,
    criteria: [
      [A, '覆盖非常全面，表述信息和数据详实。'],
      [A, '覆盖较全面，表述信息和数据较详实。'],
      [A, '覆盖情况有限，表述信息和数据较详实。'],
      ['产品关键性能裕量大于零的', '覆盖严重不足，表述信息和数据不够详实，或不满足评价的“基本要求（a）”'],
    ],
  },
  {
    code: 'W',
    name: '售后责任故障数（率）',
    group: 'benefit',
    weightPercent: 15,
    criteria: [
      ['产品售后责任故障数（率）', '很少（低），强化了企业的品牌和声誉，是企业的核心竞争力之一。'],
      ['产品售后责任故障数（率）', '较少（低），对企业综合成本和声誉基本没有影响。'],
      ['产品售后责任故障数（率）', '较多（高），对企业综合成本和声誉有一定程度影响。'],
      ['产品售后责任故障数（率）', '很多（高），严重影响企业综合成本和声誉。'],
    ],
  },
  {
    code: 'C',
    name: '创新性',
    group: 'benefit',
    weightPercent: 5,
    criteria: [
      ['企业在产品质量可靠性水平', '采用的可靠性技术和/或方法具有颠覆式创新性。'],
      ['企业在产品质量可靠性水平', '采取的可靠性技术和/或方法具有较强的应用创新性。'],
      ['企业在产品质量可靠性水平', '采取的可靠性技术和/或方法具有一定的应用创新性。'],
      ['企业在产品质量可靠性水平', '为常规技术和方法，基本没有创新性。'],
    ],
  },
  {
    code: 'G',
    name: '可推广性',
    group: 'benefit',
    weightPercent: 10,
    criteria: [
      ['企业在产品质量可靠性水平', '起到引领和带动作用，可以为行业内外提供广泛的借鉴意义。'],
      ['企业在产品质量可靠性水平', '起到较好带动作用，可以为行业内提供较大的借鉴意义。'],
      ['企业在产品质量可靠性水平', '起到一定带动作用，可以为本行业提供一定的借鉴意义。'],
      ['企业在产品质量可靠性水平', '为本行业提供很少的借鉴意义。'],
    ],
  },
];
const RELIABILITY_RANGES = [
  [91, 100],
  [71, 90],
  [41, 70],
  [0, 40],
];

describe('reliability-2024', () => {
  it('has the six indicators with weights, groups and names of the 评分表', () => {
    expect(reliability2024.id).toBe('reliability-2024');
    expect(reliability2024.indicators.map((i) => i.code)).toEqual(EXPECTED_RELIABILITY.map((e) => e.code));
    for (const e of EXPECTED_RELIABILITY) {
      const ind = reliabilityIndicator(e.code);
      expect(ind.name.zh).toBe(e.name);
      expect(ind.group).toBe(e.group);
      expect(Math.round(ind.weight * 100)).toBe(e.weightPercent);
      expect(ind.weight).toBeCloseTo(e.weightPercent / 100, 12);
      expect(ind.source).toEqual({ document: '沪市监产质〔2024〕124号', clause: '附表' });
      expect(ind.name.en.length).toBeGreaterThan(0);
      expect(ind.definition.zh.startsWith(`${e.name}（${e.code}）：`)).toBe(true);
    }
  });

  it('has four bands per indicator with the official ranges and criteria', () => {
    for (const e of EXPECTED_RELIABILITY) {
      const ind = reliabilityIndicator(e.code);
      expect(ind.bands.map((b) => [b.min, b.max])).toEqual(RELIABILITY_RANGES);
      expect(ind.bands.map((b) => b.label.zh)).toEqual(['很好', '较好', '一般', '较差']);
      ind.bands.forEach((b, k) => {
        expect(first12(b.criterion.zh), `${e.code} band ${k}`).toBe(e.criteria[k][0]);
        expect(b.criterion.zh, `${e.code} band ${k}`).toContain(e.criteria[k][1]);
        expect(b.criterion.en.length).toBeGreaterThan(0);
      });
    }
  });

  it('uses full-width punctuation as in the 2025 notice', () => {
    const ic = reliabilityIndicator('Ic');
    expect(ic.bands[0].criterion.zh).toBe(
      '在满足“基本要求（a）”的基础上，产品出厂时（t＝0）和产品使用一段时间后（t﹥0）两个阶段的关键性能一致性都很好。',
    );
    for (const i of reliability2024.indicators) for (const b of i.bands) expect(b.criterion.zh).not.toMatch(/[,():]/);
  });

  it('lists the seven basic requirements of note (a)', () => {
    expect(reliability2024.basicRequirements.map((b) => [b.key, b.text.zh])).toEqual([
      ['parameterChoice', '关键性能参数选取合理'],
      ['sampleState', '样品状态有效'],
      ['sampleSize', '样本量合理'],
      ['fieldData', '现场产品数据可信'],
      ['instruments', '检测仪器/设备合理有效'],
      ['testPlan', '检测方案科学可行'],
      ['resultData', '结果数据合理有效'],
    ]);
  });

  it('has notes (a)–(d) verbatim with their machine meaning', () => {
    const n = Object.fromEntries(reliability2024.notes.map((x) => [x.id, x]));
    expect(n.a.text.zh.startsWith('（a）．专业指标评价的“基本要求”应满足如下因素：')).toBe(true);
    expect(n.b.text.zh).toBe('（b）．每个单项原始得分的满分分值为100分。');
    expect(n.c.text.zh).toBe('（c）．总分为所有“单项加权得分”之和。');
    expect(n.d.text.zh).toBe('（d）．评价过程中，如发现企业数据或信息造假，相应指标评分得0分。');
    expect(n.a.effect).toEqual({ kind: 'basic-requirements-gate', indicators: ['Ic', 'Id', 'Ir'], band: { min: 0, max: 40 } });
    expect(n.b.effect).toEqual({ kind: 'raw-score-max', max: 100 });
    expect(n.c.effect).toEqual({ kind: 'total-is-sum-of-weighted' });
    expect(n.d.effect).toEqual({ kind: 'fraud-zeroes-indicator', score: 0 });
  });

  it('throws for an unknown indicator code', () => {
    expect(() => reliabilityIndicator('X' as never)).toThrow();
  });
});

describe('reliability schema invariants', () => {
  it('rejects weights that do not sum to 100 %', () => {
    const bad = clone(reliability2024);
    bad.indicators[0].weight = 0.25;
    const r = reliabilityRubricSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('100%');
  });

  it('rejects overlapping bands', () => {
    const bad = clone(reliability2024);
    bad.indicators[1].bands[1].max = 91;
    expect(reliabilityRubricSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects a gap between bands and bands that do not cover 0–100', () => {
    const gap = clone(reliability2024);
    gap.indicators[2].bands[2].max = 69;
    expect(reliabilityRubricSchema.safeParse(gap).success).toBe(false);
    const short = clone(reliability2024);
    short.indicators[3].bands[0].max = 99;
    expect(reliabilityRubricSchema.safeParse(short).success).toBe(false);
    const lowStart = clone(reliability2024);
    lowStart.indicators[4].bands[3].min = 1;
    expect(reliabilityRubricSchema.safeParse(lowStart).success).toBe(false);
  });

  it('rejects a duplicate indicator, a missing basic requirement and an unknown gated indicator', () => {
    const dup = clone(reliability2024);
    dup.indicators[5].code = 'C';
    expect(reliabilityRubricSchema.safeParse(dup).success).toBe(false);
    const missing = clone(reliability2024);
    missing.basicRequirements.pop();
    expect(reliabilityRubricSchema.safeParse(missing).success).toBe(false);
    const noZh = clone(reliability2024);
    noZh.indicators[0].bands[0].criterion.zh = '';
    expect(reliabilityRubricSchema.safeParse(noZh).success).toBe(false);
  });

  it('rejects an unknown source document', () => {
    const bad = clone(reliability2024) as unknown as { source: { document: string } };
    bad.source.document = '某通知';
    expect(reliabilityRubricSchema.safeParse(bad).success).toBe(false);
  });

  it('accepts the shipped data through the union schema', () => {
    for (const id of rubricIds) expect(rubricSchema.safeParse(RUBRICS[id]).success).toBe(true);
  });
});

describe('bandOf and checkBandCoverage', () => {
  const bands = reliabilityIndicator('Ic').bands;
  it('finds the band of integer and fractional scores', () => {
    expect(bandOf(bands, 100)?.min).toBe(91);
    expect(bandOf(bands, 91)?.min).toBe(91);
    expect(bandOf(bands, 90)?.min).toBe(71);
    expect(bandOf(bands, 90.5)?.min).toBe(71);
    expect(bandOf(bands, 40)?.min).toBe(0);
    expect(bandOf(bands, 0)?.min).toBe(0);
    expect(bandOf(bands, -1)).toBeUndefined();
    expect(bandOf(bands, 100.1)).toBeUndefined();
    expect(bandOf(bands, Number.NaN)).toBeUndefined();
  });
  it('reports gaps and overlaps', () => {
    expect(checkBandCoverage([{ min: 0, max: 50 }, { min: 51, max: 100 }], 0, 100)).toEqual([]);
    expect(checkBandCoverage([{ min: 0, max: 50 }, { min: 50, max: 100 }], 0, 100)).toHaveLength(1);
    expect(checkBandCoverage([{ min: 0, max: 49 }, { min: 51, max: 100 }], 0, 100)).toHaveLength(1);
  });
});

// ───────────────────────────────────────────── fmea-case-2025

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

// ───────────────────────────────────────────── db31-1368-2022

type Row = [number, number, string];
const EXPECTED_DB31: { id: string; name: string; points: number; items: { id: string; points: number; bands: Row[]; phrases?: string[] }[] }[] = [
  {
    id: 'quality',
    name: '产品质量水平',
    points: 20,
    items: [
      {
        id: 'keyIndicatorImprovement',
        points: 10,
        bands: [
          [7, 10, '关键质量指标明显提升'],
          [4, 6, '关键质量指标有所提升'],
          [3, 3, '关键质量指标提升较小'],
        ],
      },
      {
        id: 'keyIndicatorLevel',
        points: 10,
        bands: [
          [7, 10, '国际先进或国内领先'],
          [4, 6, '行业领先水平'],
          [3, 3, '行业一般水平'],
        ],
      },
    ],
  },
  {
    id: 'innovation',
    name: '质量创新程度',
    points: 45,
    items: [
      {
        id: 'technicalDifficulty',
        points: 15,
        bands: [
          [12, 15, '质量攻关的关键技术难度大'],
          [8, 11, '质量攻关的关键技术难度较'],
          [4, 7, '质量攻关的关键技术难度一'],
        ],
        phrases: ['解决了行业技术瓶颈问题或开拓了市场', '攻克的技术或工艺重要', '攻克的技术或工艺一般'],
      },
      {
        id: 'managementInnovation',
        points: 10,
        bands: [
          [7, 10, '创新运用先进质量管理工具'],
          [4, 6, '采用现有先进质量管理工具'],
          [3, 3, '未采用先进质量管理工具、'],
        ],
      },
      {
        id: 'replicability',
        points: 10,
        bands: [
          [7, 10, '质量创新被广泛认可、借鉴'],
          [4, 6, '质量创新在一定范围内被认'],
          [3, 3, '质量创新被初步认可、借鉴'],
        ],
      },
      {
        id: 'intellectualProperty',
        points: 10,
        bands: [
          [8, 10, '获得发明专利，且形成标准'],
          [5, 7, '获得实用新型专利，或形成'],
          [2, 4, '没有获得专利，但形成标准'],
          [1, 1, '没有专利或其他知识产权保'],
        ],
      },
    ],
  },
  {
    id: 'results',
    name: '质量攻关成效',
    points: 35,
    items: [
      {
        id: 'directEconomic',
        points: 10,
        bands: [
          [7, 10, '与质量攻关成果直接关联的'],
          [4, 6, '与质量攻关成果直接关联的'],
          [3, 3, '与质量攻关成果直接关联的'],
        ],
        phrases: ['销售额或利润≧10%', '销售额或利润增长≧5%，且<10%', '销售额或利润略有增长'],
      },
      {
        id: 'indirectEconomic',
        points: 10,
        bands: [
          [7, 10, '与质量攻关成果直接关联的'],
          [4, 6, '与质量攻关成果直接关联的'],
          [3, 3, '与质量攻关成果直接关联的'],
        ],
        phrases: ['合计≧500万元（小微企业≧100万元）', '合计≧100万元，且<500万元（小微企业≧20万元，且<100万元）', '合计<100万元（小型企业<20万元）'],
      },
      {
        id: 'ecological',
        points: 5,
        bands: [
          [4, 5, '与质量攻关成果相关联的资'],
          [2, 3, '与质量攻关成果相关联的资'],
          [1, 1, '与质量攻关成果相关联的资'],
        ],
        phrases: ['碳排放等下降≧10%', '碳排放等下降≧5%，且<10%', '碳排放等下降<5%'],
      },
      {
        id: 'social',
        points: 10,
        bands: [
          [7, 10, '质量攻关成果在社会和经济'],
          [4, 6, '质量攻关成果在社会和经济'],
          [3, 3, '质量攻关成果在社会和经济'],
        ],
        phrases: ['作出的贡献明显', '作出的贡献较大', '作出的贡献一般'],
      },
    ],
  },
];

describe('db31-1368-2022', () => {
  it('has the three groups and ten items (100 points) of Table B.1', () => {
    expect(db31_1368_2022.id).toBe('db31-1368-2022');
    expect(db31_1368_2022.groups.map((g) => [g.id, g.name.zh, g.points])).toEqual(EXPECTED_DB31.map((g) => [g.id, g.name, g.points]));
    db31_1368_2022.groups.forEach((g, k) => {
      expect(g.items.map((i) => [i.id, i.points])).toEqual(EXPECTED_DB31[k].items.map((i) => [i.id, i.points]));
    });
    const items = db31_1368_2022.groups.flatMap((g) => g.items);
    expect(items).toHaveLength(10);
    expect(items.reduce((s, i) => s + i.points, 0)).toBe(100);
  });

  it('has the point bands and criteria of each item', () => {
    for (const g of EXPECTED_DB31) {
      for (const e of g.items) {
        const it = db31Item(e.id);
        expect(it.bands.map((b) => [b.min, b.max, first12(b.criterion.zh)]), e.id).toEqual(e.bands);
        e.phrases?.forEach((p, k) => expect(it.bands[k].criterion.zh, `${e.id} ${k}`).toContain(p));
        expect(it.source).toEqual({ document: 'DB31/T 1368—2022', clause: '表B.1' });
      }
    }
  });

  it('has the note on the 12-month period', () => {
    expect(db31_1368_2022.notes[0].text.zh).toBe('质量攻关成效中的指标是指开展质量攻关后的 12个月产生的效益。');
  });

  it('has the procedure stages and the 5.2 recusal/confidentiality rule', () => {
    expect(db31Procedure.map((s) => [s.name.zh, s.source.clause])).toEqual([
      ['项目登记', '6.1'],
      ['申报推荐', '6.2'],
      ['专家评价', '6.3'],
      ['成果评定', '6.4'],
      ['成果公布', '6.5'],
    ]);
    expect(db31RecusalRule.source.clause).toBe('5.2');
    expect(db31RecusalRule.text.zh).toContain('对于利益相关的项目或组织予以回避');
    expect(db31RecusalRule.rules).toEqual({ recuseWhenInterestRelated: true, confidential: true });
    expect(requiresRecusal({ affiliations: [{ name: '上海某某 有限公司' }] }, { enterpriseName: '上海某某有限公司' })).toBe(true);
    expect(requiresRecusal({ affiliations: [{ name: 'A', uscc: '91310000MA1FL0000X' }] }, { enterpriseName: 'B', uscc: '91310000ma1fl0000x' })).toBe(true);
    expect(requiresRecusal({ affiliations: [{ name: '甲公司' }] }, { enterpriseName: '乙公司' })).toBe(false);
  });

  it('schema rejects points that do not sum to 100 and bands outside 0..item max', () => {
    const bad = clone(db31_1368_2022);
    bad.groups[0].items[0].points = 11;
    expect(db31RubricSchema.safeParse(bad).success).toBe(false);
    const bad2 = clone(db31_1368_2022);
    bad2.groups[2].items[2].bands[0].max = 6;
    expect(db31RubricSchema.safeParse(bad2).success).toBe(false);
    const bad3 = clone(db31_1368_2022);
    bad3.groups[1].items[0].bands[1].max = 12;
    expect(db31RubricSchema.safeParse(bad3).success).toBe(false);
    const bad4 = clone(db31_1368_2022);
    bad4.groups[0].items[1].bands[0].max = 9;
    expect(db31RubricSchema.safeParse(bad4).success).toBe(false);
  });
});

// ───────────────────────────────────────────── DB31 numeric rules

describe('directEconomicBand', () => {
  it('places growth at the boundaries of Table B.1', () => {
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 110 }).band).toEqual({ min: 7, max: 10 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 109.99 }).band).toEqual({ min: 4, max: 6 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 105 }).band).toEqual({ min: 4, max: 6 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 104.99 }).band).toEqual({ min: 3, max: 3 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 100.01 }).band).toEqual({ min: 3, max: 3 });
  });

  it('is not moved across a boundary by float noise', () => {
    const r = directEconomicBand({ profitBefore: 0.3, profitAfter: 0.33 });
    expect(r.value).toBe(10);
    expect(r.band).toEqual({ min: 7, max: 10 });
  });

  it('takes the larger of sales and profit growth', () => {
    const r = directEconomicBand({ salesBefore: 1000, salesAfter: 1020, profitBefore: 100, profitAfter: 112 });
    expect(r.value).toBe(12);
    expect(r.band).toEqual({ min: 7, max: 10 });
    expect(r.reason.zh).toContain('销售额增长 2%');
    expect(r.reason.zh).toContain('利润增长 12%');
    expect(r.reason.zh).toContain('7–10');
  });

  it('suggests 0–3 for no growth or a decline, saying the table does not cover it', () => {
    for (const after of [100, 90]) {
      const r = directEconomicBand({ salesBefore: 100, salesAfter: after });
      expect(r.band).toEqual({ min: 0, max: 3 });
      expect(r.coveredByTable).toBe(false);
      expect(r.reason.key).toBe('db31.directEconomic.noGrowth');
      expect(r.reason.zh).toContain('未规定');
    }
  });

  it('treats growth from a non-positive base as undefined', () => {
    expect(relativeGrowthPercent(0, 100)).toBeNull();
    expect(relativeGrowthPercent(-5, 100)).toBeNull();
    const onlyProfit = directEconomicBand({ salesBefore: 0, salesAfter: 500, profitBefore: 100, profitAfter: 106 });
    expect(onlyProfit.value).toBe(6);
    expect(onlyProfit.band).toEqual({ min: 4, max: 6 });
    const none = directEconomicBand({ salesBefore: 0, salesAfter: 500 });
    expect(none.band).toBeNull();
    expect(none.value).toBeNull();
    expect(none.reason.key).toBe('db31.directEconomic.undefined');
    expect(directEconomicBand({}).band).toBeNull();
  });
});

describe('indirectEconomicBand', () => {
  it('uses 500/100 万元 for large and medium enterprises', () => {
    for (const size of ['large', 'medium'] as const) {
      expect(indirectEconomicBand({ costReduction: 500, size }).band).toEqual({ min: 7, max: 10 });
      expect(indirectEconomicBand({ costReduction: 499.99, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 100, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 99.99, size }).band).toEqual({ min: 3, max: 3 });
    }
  });

  it('uses 100/20 万元 for small and micro enterprises', () => {
    for (const size of ['small', 'micro'] as const) {
      expect(indirectEconomicBand({ costReduction: 100, size }).band).toEqual({ min: 7, max: 10 });
      expect(indirectEconomicBand({ costReduction: 99.99, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 20, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 19.99, size }).band).toEqual({ min: 3, max: 3 });
    }
  });

  it('adds cost reduction and foreign exchange', () => {
    const r = indirectEconomicBand({ costReduction: 300, forexSaving: 200, size: 'large' });
    expect(r.value).toBe(500);
    expect(r.band).toEqual({ min: 7, max: 10 });
    expect(r.reason.zh).toContain('300 万元');
    expect(r.reason.zh).toContain('200 万元');
    expect(r.reason.zh).toContain('≧500万元');
    expect(indirectEconomicBand({ costReduction: 10, forexSaving: 10, size: 'micro' }).band).toEqual({ min: 4, max: 6 });
    expect(indirectEconomicBand({ size: 'small' }).band).toEqual({ min: 3, max: 3 });
    expect(indirectEconomicBand({ costReduction: Number.NaN, size: 'small' }).band).toBeNull();
  });
});

describe('ecologicalBand', () => {
  it('places reductions at the boundaries of Table B.1', () => {
    expect(ecologicalBand(10).band).toEqual({ min: 4, max: 5 });
    expect(ecologicalBand(9.99).band).toEqual({ min: 2, max: 3 });
    expect(ecologicalBand(5).band).toEqual({ min: 2, max: 3 });
    expect(ecologicalBand(4.99).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(0).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(-3).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(null).band).toBeNull();
    expect(ecologicalBand(12).reason.zh).toContain('下降 12%');
  });

  it('computes the reduction from before/after figures', () => {
    expect(reductionPercent(200, 180)).toBe(10);
    expect(ecologicalBand(reductionPercent(200, 180)).band).toEqual({ min: 4, max: 5 });
    expect(reductionPercent(0, 10)).toBeNull();
  });
});

// ───────────────────────────────────────────── registry

describe('RUBRICS', () => {
  it('registers the three rubrics by id', () => {
    expect([...rubricIds]).toEqual(['reliability-2024', 'fmea-case-2025', 'db31-1368-2022']);
    expect(getRubric('fmea-case-2025')).toBe(fmeaCase2025);
    expect(getRubric('nope')).toBeUndefined();
    expect(getRubric('toString')).toBeUndefined();
    for (const id of rubricIds) expect(RUBRICS[id].id).toBe(id);
  });
});
