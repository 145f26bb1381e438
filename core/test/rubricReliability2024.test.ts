/*
 * The expected tables below were typed again from the seed text (2025 notice 附件1),
 * independently of the data modules: a typo in either fails.
 */
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  checkBandCoverage,
  reliability2024,
  reliabilityIndicator,
  reliabilityRubricSchema,
  rubricIds,
  RUBRICS,
  rubricSchema,
} from '../src/rubrics/index.js';
import { clone, first12 } from './rubricTestHelpers.js';

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
    expect(ic.bands[0].criterion.zh).toBe('在满足“基本要求（a）”的基础上，产品出厂时（t＝0）和产品使用一段时间后（t﹥0）两个阶段的关键性能一致性都很好。');
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
    expect(
      checkBandCoverage(
        [
          { min: 0, max: 50 },
          { min: 51, max: 100 },
        ],
        0,
        100,
      ),
    ).toEqual([]);
    expect(
      checkBandCoverage(
        [
          { min: 0, max: 50 },
          { min: 50, max: 100 },
        ],
        0,
        100,
      ),
    ).toHaveLength(1);
    expect(
      checkBandCoverage(
        [
          { min: 0, max: 49 },
          { min: 51, max: 100 },
        ],
        0,
        100,
      ),
    ).toHaveLength(1);
  });
});
