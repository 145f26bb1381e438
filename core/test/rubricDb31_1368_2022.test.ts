/*
 * The expected tables below were typed again from the seed text (DB31/T 1368—2022 表B.1),
 * independently of the data modules: a typo in either fails.
 */
import { describe, expect, it } from 'vitest';
import { db31_1368_2022, db31Item, db31Procedure, db31RecusalRule, db31RubricSchema, requiresRecusal } from '../src/rubrics/index.js';
import { clone, first12 } from './rubricTestHelpers.js';

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
        expect(
          it.bands.map((b) => [b.min, b.max, first12(b.criterion.zh)]),
          e.id,
        ).toEqual(e.bands);
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
