import { fmeaRubricSchema, type FmeaItem, type FmeaRubric, type ScoreBand, type SourceRef } from './rubricSchema.js';
import type { Bilingual } from '../i18n/bilingual.js';

/**
 * FMEA应用典型案例评价要求 — 2025年推荐通知, 附件3 (docs/sources/001_…).
 *
 * Four groups (案例策划 20, 案例实施 30, 案例成效 30, 案例先进性 20) of items with standard scores
 * of 5 or 10; each item is scored as a percentage of its standard score in one of the four bands of
 * the 评分说明.
 *
 * NOTE on the item count: the original design spoke of "12 sub-items", but Annex 3 has
 * 14 二级指标 rows (4 + 4 + 3 + 3) whose standard scores total 100.
 * We transcribe what the document has: 14 items. Criteria are verbatim; numbered points inside one criterion are joined
 * by a line break, as in the table cell. The band texts omit the list markers "1．" … "4．".
 */

const ANNEX3: SourceRef = { document: '2025年推荐通知', clause: '附件3' };

function item(id: string, zh: string, en: string, standardScore: number, criterion: Bilingual): FmeaItem {
  return { id, name: { zh, en }, standardScore, criterion, source: ANNEX3 };
}

const data: FmeaRubric = {
  kind: 'fmea-case',
  id: 'fmea-case-2025',
  title: { zh: 'FMEA应用典型案例评价要求', en: 'Evaluation Requirements for FMEA Application Typical Cases' },
  source: ANNEX3,
  totalPoints: 100,
  groups: [
    {
      id: 'planning',
      name: { zh: '案例策划', en: 'Case planning' },
      total: 20,
      source: ANNEX3,
      items: [
        item('background', '案例背景', 'Case background', 5, {
          zh: '案例来源清晰，目的、意义明确。',
          en: 'The origin of the case is clear; its purpose and significance are explicit.',
        }),
        item('input', '案例输入', 'Case input', 5, {
          zh: '考虑各方面影响因素，特别是顾客的特殊要求，运用以往的经验教训。',
          en: "Influencing factors of all kinds are considered, especially customers' special requirements, and past lessons learned are applied.",
        }),
        item('objective', '案例目标', 'Case objective', 5, {
          zh: '提升目标可测量，可操作，可实现，并尽可能量化。',
          en: 'The improvement objectives are measurable, actionable and achievable, and quantified as far as possible.',
        }),
        item('team', '团队完整', 'Complete team', 5, {
          zh: '组织跨部门工作小组，小组成员分工明确。',
          en: 'A cross-functional working group is organised, with clearly divided roles for its members.',
        }),
      ],
    },
    {
      id: 'implementation',
      name: { zh: '案例实施', en: 'Case implementation' },
      total: 30,
      source: ANNEX3,
      items: [
        item('structureFunction', '结构、功能分析', 'Structure and function analysis', 5, {
          zh: '案例分析的过程步骤、功能、过程要求均完整。',
          en: 'The process steps, functions and process requirements of the case analysis are all complete.',
        }),
        item('failureRisk', '失效、风险分析', 'Failure and risk analysis', 10, {
          zh: '1．失效模式、失效原因、失效影响的识别清晰和完整；特别是清晰标明可能造成对法律法规、安全的影响。\n2．各风险因素（如：严重度、可探测度、发生频次）的评分合理，符合逻辑。',
          en: '1. Failure modes, failure causes and failure effects are identified clearly and completely; in particular, possible effects on laws and regulations and on safety are clearly marked.\n2. The ratings of the risk factors (e.g. severity, detection, occurrence) are reasonable and logical.',
        }),
        item('optimisation', '优化措施', 'Optimisation actions', 10, {
          zh: '1．对评估出的高风险案例（特别是对于高严重度案例），制定并实施适当的预防/纠正措施，并验证措施合理有效。\n2．考虑并采用防错技术。',
          en: '1. For the high-risk items identified (especially high-severity ones), appropriate preventive/corrective actions are defined and implemented, and the actions are verified as reasonable and effective.\n2. Error-proofing (poka-yoke) techniques are considered and used.',
        }),
        item('documentation', '结果文件化', 'Documented results', 5, {
          zh: '1．FMEA实施后形成书面化的FMEA成果并动态更新。\n2．编制FMEA对应的工艺流程文件。',
          en: '1. After the FMEA, written FMEA results are produced and kept up to date.\n2. Process-flow documents corresponding to the FMEA are prepared.',
        }),
      ],
    },
    {
      id: 'results',
      name: { zh: '案例成效', en: 'Case results' },
      total: 30,
      source: ANNEX3,
      items: [
        item('goalAchievement', '目标达成', 'Goal achievement', 10, {
          zh: '目标达成程度（与策划时相比）。',
          en: 'Degree to which the objectives were achieved (compared with the plan).',
        }),
        item('lessonsLearned', '经验教训总结', 'Lessons learned', 10, {
          zh: '实施过程中的经验教训总结，同时体现在FMEA文件中。',
          en: 'Lessons learned during implementation are summarised and also reflected in the FMEA documents.',
        }),
        item('qualityImprovement', '质量表现提升', 'Improved quality performance', 10, {
          zh: '1．切实提升产品和过程的功能安全性和可靠性。\n2．提升质量表现，包括质量、经济、效率等方面。',
          en: '1. The functional safety and reliability of the product and process are effectively improved.\n2. Quality performance is improved, including quality, economy and efficiency.',
        }),
      ],
    },
    {
      id: 'advancement',
      name: { zh: '案例先进性', en: 'Case advancement' },
      total: 20,
      source: ANNEX3,
      items: [
        item('innovation', '创新性', 'Innovation', 10, {
          zh: 'FMEA工作的创新性程度，包括理念创新、管理创新、操作方法创新等方面',
          en: 'Degree of innovation of the FMEA work, including innovation in concepts, management and operating methods',
        }),
        item('promotion', '可推广性', 'Promotability', 5, {
          zh: 'FMEA应用的方法在行业内外具有引导和带动作用，可以为行业内外提供广泛的借鉴意义',
          en: 'The FMEA methods applied guide and drive others inside and outside the industry and offer broad lessons inside and outside the industry',
        }),
        item('level', '案例水平', 'Case level', 5, {
          zh: '通过FMEA活动提升产品的质量表现，取得的成效与国内外标杆相比所处的先进水平（国际、国内、行业领先水平）',
          en: "The product's quality performance is improved through FMEA activities; the level of the results compared with domestic and international benchmarks (internationally, domestically or industry leading)",
        }),
      ],
    },
  ],
  bands: [
    {
      min: 91,
      max: 100,
      label: { zh: '很好满足', en: 'fully meets' },
      criterion: {
        zh: '很好满足评价要求，评分为该项标准分的91%—100%',
        en: "Meets the evaluation requirements very well: 91 %–100 % of the item's standard score",
      },
    },
    {
      min: 71,
      max: 90,
      label: { zh: '较好满足', en: 'largely meets' },
      criterion: { zh: '较好满足评价要求，评分为该项标准分的71%—90%', en: "Meets the evaluation requirements well: 71 %–90 % of the item's standard score" },
    },
    {
      min: 41,
      max: 70,
      label: { zh: '基本满足', en: 'basically meets' },
      criterion: {
        zh: '基本满足评价要求，评分为该项标准分的41%—70%',
        en: "Basically meets the evaluation requirements: 41 %–70 % of the item's standard score",
      },
    },
    {
      min: 0,
      max: 40,
      label: { zh: '不能满足', en: 'does not meet' },
      criterion: { zh: '不能满足评价要求，评分为该项标准分的0%—40%', en: "Does not meet the evaluation requirements: 0 %–40 % of the item's standard score" },
    },
  ],
  bandsSource: { document: '2025年推荐通知', clause: '附件3 评分说明' },
};

/** The FMEA case rubric, validated at module load. */
export const fmeaCase2025: FmeaRubric = fmeaRubricSchema.parse(data);

/** All 14 items in table order. */
export const fmeaItems: readonly FmeaItem[] = fmeaCase2025.groups.flatMap((g) => g.items);

/** The item with the given id (throws for an unknown id). */
export function fmeaItem(id: string): FmeaItem {
  const found = fmeaItems.find((i) => i.id === id);
  if (!found) throw new Error(`未知的FMEA评价项 ${id} / unknown FMEA item`);
  return found;
}

/**
 * A percentage band expressed in points of an item: `standardScore × percent / 100`
 * (e.g. 91 %–100 % of 5 → 4.55–5 points). Not rounded: the document gives percentages only.
 */
export function fmeaBandPoints(item: Pick<FmeaItem, 'standardScore'>, band: Pick<ScoreBand, 'min' | 'max'>): { min: number; max: number } {
  const pts = (p: number) => Math.round(item.standardScore * p * 1e6) / 1e8;
  return { min: pts(band.min), max: pts(band.max) };
}

/** The band of an item score in points (percentage of the standard score), or undefined outside 0..standardScore. */
export function fmeaBandOfPoints(item: Pick<FmeaItem, 'standardScore'>, points: number): ScoreBand | undefined {
  if (!Number.isFinite(points) || points < 0 || points > item.standardScore) return undefined;
  const percent = (points / item.standardScore) * 100;
  const sorted: ScoreBand[] = [...fmeaCase2025.bands].sort((a, b) => a.min - b.min);
  let found: ScoreBand | undefined;
  // A percentage between two integer bands (e.g. 90.5 %) belongs to the lower band.
  for (const b of sorted) if (b.min <= percent + 1e-9) found = b;
  return found;
}
