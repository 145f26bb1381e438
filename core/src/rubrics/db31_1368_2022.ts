import { db31RubricSchema, type Db31Item, type Db31Rubric, type LocalizedText, type PointBand, type SourceRef } from './rubricSchema.js';

/**
 * DB31/T 1368—2022 重点产品质量攻关成果评价要求 — 附录B 表B.1 (docs/sources/003_…).
 *
 * NOTE on the item count: the original design spoke of "the 11 items of Table B.1", but
 * the standard's Table B.1 has 10 评价内容 rows (2 + 4 + 4) whose points total 100
 * (20 + 45 + 35). We transcribe what the document has: 10 items.
 *
 * Texts are verbatim from the table (line breaks of the PDF extraction removed; the characters
 * ≧ and < are kept as printed). The lowest band of most items starts at 3 (or 1), not 0: the table
 * gives no row for "no improvement"; see db31EconomicRules.ts for how kekao treats that case.
 */

const T: SourceRef = { document: 'DB31/T 1368—2022', clause: '表B.1' };
const clause = (c: string): SourceRef => ({ document: 'DB31/T 1368—2022', clause: c });

function band(min: number, max: number, zh: string, en: string): PointBand {
  return { min, max, criterion: { zh, en } };
}

function item(id: string, name: LocalizedText, points: number, bodyClause: string, bands: PointBand[]): Db31Item {
  return { id, name, points, bands, source: T, clause: clause(bodyClause) };
}

const data: Db31Rubric = {
  kind: 'quality-breakthrough',
  id: 'db31-1368-2022',
  title: {
    zh: '重点产品质量攻关成果评价要求和评分表',
    en: 'Evaluation requirements and score sheet for key-product quality breakthrough achievements',
  },
  source: { document: 'DB31/T 1368—2022', clause: '附录B 表B.1' },
  totalPoints: 100,
  groups: [
    {
      id: 'quality',
      seq: 1,
      name: { zh: '产品质量水平', en: 'Product quality level' },
      points: 20,
      source: T,
      items: [
        item('keyIndicatorImprovement', { zh: '产品关键质量指标提升', en: 'Improvement of key product quality indicators' }, 10, '7.2.2', [
          band(7, 10, '关键质量指标明显提升', 'Key quality indicators improved markedly'),
          band(4, 6, '关键质量指标有所提升', 'Key quality indicators improved somewhat'),
          band(3, 3, '关键质量指标提升较小', 'Key quality indicators improved slightly'),
        ]),
        item('keyIndicatorLevel', { zh: '产品质量关键质量指标水平', en: 'Level of the key product quality indicators' }, 10, '7.2.3', [
          band(7, 10, '国际先进或国内领先', 'Internationally advanced or domestically leading'),
          band(4, 6, '行业领先水平', 'Industry-leading level'),
          band(3, 3, '行业一般水平', 'Industry-average level'),
        ]),
      ],
    },
    {
      id: 'innovation',
      seq: 2,
      name: { zh: '质量创新程度', en: 'Degree of quality innovation' },
      points: 45,
      source: T,
      items: [
        item('technicalDifficulty', { zh: '攻关的技术难度或技术关键性', en: 'Technical difficulty or criticality of the breakthrough' }, 15, '7.3.2', [
          band(
            12,
            15,
            '质量攻关的关键技术难度大，攻克的技术或工艺关键，解决了行业技术瓶颈问题或开拓了市场',
            'The key technology was very difficult; the technology or process overcome is critical; it solved an industry technical bottleneck or opened up a market',
          ),
          band(
            8,
            11,
            '质量攻关的关键技术难度较大，攻克的技术或工艺重要',
            'The key technology was fairly difficult; the technology or process overcome is important',
          ),
          band(
            4,
            7,
            '质量攻关的关键技术难度一般，攻克的技术或工艺一般',
            'The key technology was of ordinary difficulty; the technology or process overcome is ordinary',
          ),
        ]),
        item(
          'managementInnovation',
          {
            zh: '针对具体技术难题，创新运用或采用先进质量管理工具、质量管理方法或质量管理制度',
            en: 'Innovative use or adoption of advanced quality management tools, methods or systems for specific technical problems',
          },
          10,
          '7.3.3',
          [
            band(7, 10, '创新运用先进质量管理工具、质量管理方法或质量管理制度', 'Advanced quality management tools, methods or systems used innovatively'),
            band(4, 6, '采用现有先进质量管理工具、质量管理方法或质量管理制度', 'Existing advanced quality management tools, methods or systems adopted'),
            band(3, 3, '未采用先进质量管理工具、质量管理方法或质量管理制度', 'No advanced quality management tools, methods or systems adopted'),
          ],
        ),
        item('replicability', { zh: '质量创新的可复制推广性', en: 'Replicability and promotability of the quality innovation' }, 10, '7.3.4', [
          band(7, 10, '质量创新被广泛认可、借鉴或推广', 'The quality innovation is widely recognised, borrowed or promoted'),
          band(4, 6, '质量创新在一定范围内被认可、借鉴或推广', 'The quality innovation is recognised, borrowed or promoted within a certain scope'),
          band(3, 3, '质量创新被初步认可、借鉴或推广', 'The quality innovation is initially recognised, borrowed or promoted'),
        ]),
        item('intellectualProperty', { zh: '具备专利或其他知识产权保护', en: 'Patents or other intellectual-property protection' }, 10, '7.3.5', [
          band(
            8,
            10,
            '获得发明专利，且形成标准化成果、技术规范、新工艺、新技术等',
            'Invention patents obtained, and standardisation results, technical specifications, new processes, new technologies etc. formed',
          ),
          band(
            5,
            7,
            '获得实用新型专利，或形成标准化成果、技术规范、新工艺、新技术等',
            'Utility-model patents obtained, or standardisation results, technical specifications, new processes, new technologies etc. formed',
          ),
          band(
            2,
            4,
            '没有获得专利，但形成标准化成果、技术规范、新工艺、新技术等',
            'No patents obtained, but standardisation results, technical specifications, new processes, new technologies etc. formed',
          ),
          band(
            1,
            1,
            '没有专利或其他知识产权保护或形成标准化成果、技术规范、新工艺、新技术等',
            'No patents or other intellectual-property protection, and no standardisation results, technical specifications, new processes, new technologies etc.',
          ),
        ]),
      ],
    },
    {
      id: 'results',
      seq: 3,
      name: { zh: '质量攻关成效', en: 'Results of the quality breakthrough' },
      points: 35,
      source: T,
      items: [
        item('directEconomic', { zh: '直接经济效益', en: 'Direct economic benefit' }, 10, '7.4.2', [
          band(7, 10, '与质量攻关成果直接关联的销售额或利润≧10%', 'Sales or profit directly linked to the breakthrough ≥ 10 %'),
          band(4, 6, '与质量攻关成果直接关联的销售额或利润增长≧5%，且<10%', 'Growth of sales or profit directly linked to the breakthrough ≥ 5 % and < 10 %'),
          band(3, 3, '与质量攻关成果直接关联的销售额或利润略有增长', 'Sales or profit directly linked to the breakthrough grew slightly'),
        ]),
        item('indirectEconomic', { zh: '间接经济效益', en: 'Indirect economic benefit' }, 10, '7.4.3', [
          band(
            7,
            10,
            '与质量攻关成果直接关联的降低生产成本和节汇创汇合计≧500万元（小微企业≧100万元）',
            'Production-cost reduction plus foreign exchange saved or earned, directly linked to the breakthrough, totals ≥ 5 million yuan (small and micro enterprises: ≥ 1 million yuan)',
          ),
          band(
            4,
            6,
            '与质量攻关成果直接关联的降低生产成本和节汇创汇合计≧100万元，且<500万元（小微企业≧20万元，且<100万元）',
            'The total is ≥ 1 million and < 5 million yuan (small and micro enterprises: ≥ 200 thousand and < 1 million yuan)',
          ),
          band(
            3,
            3,
            '与质量攻关成果直接关联的降低生产成本和节汇创汇合计<100万元（小型企业<20万元）',
            'The total is < 1 million yuan (small enterprises: < 200 thousand yuan)',
          ),
        ]),
        item('ecological', { zh: '生态效益', en: 'Ecological benefit' }, 5, '7.4.4', [
          band(
            4,
            5,
            '与质量攻关成果相关联的资源利用、污染物排放控制、碳排放等下降≧10%',
            'Resource use, pollutant emissions, carbon emissions etc. linked to the breakthrough fell by ≥ 10 %',
          ),
          band(
            2,
            3,
            '与质量攻关成果相关联的资源利用、污染物排放控制、碳排放等下降≧5%，且<10%',
            'Resource use, pollutant emissions, carbon emissions etc. linked to the breakthrough fell by ≥ 5 % and < 10 %',
          ),
          band(
            1,
            1,
            '与质量攻关成果相关联的资源利用、污染物排放控制、碳排放等下降<5%',
            'Resource use, pollutant emissions, carbon emissions etc. linked to the breakthrough fell by < 5 %',
          ),
        ]),
        item('social', { zh: '社会效益', en: 'Social benefit' }, 10, '7.4.5', [
          band(
            7,
            10,
            '质量攻关成果在社会和经济发展中发挥的影响力或在应对公共突发事件期间作出的贡献明显',
            "The breakthrough's influence on social and economic development, or its contribution during public emergencies, is marked",
          ),
          band(
            4,
            6,
            '质量攻关成果在社会和经济发展中发挥的影响力或在应对公共突发事件期间作出的贡献较大',
            "The breakthrough's influence on social and economic development, or its contribution during public emergencies, is considerable",
          ),
          band(
            3,
            3,
            '质量攻关成果在社会和经济发展中发挥的影响力或在应对公共突发事件期间作出的贡献一般',
            "The breakthrough's influence on social and economic development, or its contribution during public emergencies, is ordinary",
          ),
        ]),
      ],
    },
  ],
  notes: [
    {
      id: 'results-period',
      text: {
        zh: '质量攻关成效中的指标是指开展质量攻关后的 12个月产生的效益。',
        en: 'The indicators under "results of the quality breakthrough" are the benefits produced in the 12 months after the breakthrough work.',
      },
      source: { document: 'DB31/T 1368—2022', clause: '表B.1 注' },
    },
  ],
};

/** The DB31/T 1368—2022 rubric (Table B.1), validated at module load. */
export const db31_1368_2022: Db31Rubric = db31RubricSchema.parse(data);

/** All 10 items in table order. */
export const db31Items: readonly Db31Item[] = db31_1368_2022.groups.flatMap((g) => g.items);

/** The item with the given id (throws for an unknown id). */
export function db31Item(id: string): Db31Item {
  const found = db31Items.find((i) => i.id === id);
  if (!found) throw new Error(`未知的评价内容 ${id} / unknown DB31/T 1368 item`);
  return found;
}

// ───────────────────────────────────────────── procedure (clause 6) and principles (clause 5)

export interface Db31ProcedureStage {
  id: 'registration' | 'application' | 'expert-review' | 'assessment' | 'publication';
  order: number;
  /** The clause heading, e.g. 项目登记. */
  name: LocalizedText;
  /** The clause text (verbatim; sub-clauses joined by a line break). */
  text: LocalizedText;
  source: SourceRef;
}

/** 6 评价程序: 登记 → 申报推荐 → 专家评价 → 成果评定 → 公布. */
export const db31Procedure: readonly Db31ProcedureStage[] = [
  {
    id: 'registration',
    order: 1,
    name: { zh: '项目登记', en: 'Project registration' },
    text: {
      zh: '申报组织填写《上海市重点产品质量攻关项目登记表》（详见附录 A），具体阐述重点产品质量攻关项目的基本情况、背景意义、产品质量水平、质量创新程度、质量攻关成效等内容，进行成果登记。',
      en: 'The applicant fills in the "Shanghai key-product quality breakthrough project registration form" (Annex A), describing the project\'s basic situation, background and significance, product quality level, degree of quality innovation and results, and registers the achievement.',
    },
    source: clause('6.1'),
  },
  {
    id: 'application',
    order: 2,
    name: { zh: '申报推荐', en: 'Application and recommendation' },
    text: {
      zh: '申报组织根据年度重点产品质量攻关成果申报的相关通知要求和指定路径，报送《上海市重点产品质量攻关项目登记表》和相关证实性材料。\n各推荐组织可以对本区域、本行业成效显著的重点产品质量攻关项目予以推荐，确认项目实际效果、评估其在同行业中的领先程度。',
      en: "The applicant submits the registration form and supporting evidence through the channel named in the year's notice.\nRecommending organisations may recommend projects of their region or industry with marked results, confirming the actual effect and assessing how far the project leads its industry.",
    },
    source: clause('6.2'),
  },
  {
    id: 'expert-review',
    order: 3,
    name: { zh: '专家评价', en: 'Expert evaluation' },
    text: {
      zh: '主管部门组织专家对申报的重点产品质量攻关项目的书面材料依据评价要求进行评价。参与评价的专家应熟悉本市相关产业、行业现状和相关产品的质量、技术发展趋势。\n根据实际工作需要，主管部门可组织现场答辩，由申报组织汇报质量攻关的做法和成效。',
      en: "The competent authority has experts evaluate the written materials against the evaluation requirements. The experts shall know the city's relevant industries, their current state and the quality and technology trends of the products.\nWhere needed, the authority may hold an on-site defence in which the applicant presents its approach and results.",
    },
    source: clause('6.3'),
  },
  {
    id: 'assessment',
    order: 4,
    name: { zh: '成果评定', en: 'Assessment of achievements' },
    text: {
      zh: '主管部门综合产业发展特点和专家评价情况，认定一批具有代表性和示范性、产品质量水平提升显著，经济社会效益良好的质量攻关项目作为年度上海市重点产品质量攻关成果，分为一等奖、二等奖和三等奖。',
      en: "Considering industrial characteristics and the expert evaluation, the authority recognises representative, exemplary projects with marked quality improvement and good economic and social benefits as the year's Shanghai key-product quality breakthrough achievements, in first, second and third prizes.",
    },
    source: clause('6.4'),
  },
  {
    id: 'publication',
    order: 5,
    name: { zh: '成果公布', en: 'Publication of achievements' },
    text: {
      zh: '主管部门应向社会公布年度上海市重点产品质量攻关成果，并组织开展质量攻关成果的宣传和经验推广。',
      en: "The authority publishes the year's achievements and organises publicity and the promotion of the experience gained.",
    },
    source: clause('6.5'),
  },
];

/** 6.4: awards. */
export const db31Awards: readonly LocalizedText[] = [
  { zh: '一等奖', en: 'First prize' },
  { zh: '二等奖', en: 'Second prize' },
  { zh: '三等奖', en: 'Third prize' },
];

export interface Db31Principle {
  id: 'objectivity' | 'recusal-confidentiality';
  name: LocalizedText;
  text: LocalizedText;
  /** Who the rule binds. */
  appliesTo: readonly ('expert' | 'staff')[];
  /** Machine meaning: recuse from interest-related projects/organisations; keep the process confidential. */
  rules: { recuseWhenInterestRelated: boolean; confidential: boolean };
  source: SourceRef;
}

/** 5 评价原则. 5.2 is the reviewer rule the service enforces (docs/architecture.md §6.2: recusal when affiliated). */
export const db31Principles: readonly Db31Principle[] = [
  {
    id: 'objectivity',
    name: { zh: '客观公正原则', en: 'Objectivity and fairness' },
    text: {
      zh: '上海市重点产品质量攻关成果的评价活动应保证客观、公平和公正。',
      en: 'The evaluation of Shanghai key-product quality breakthrough achievements shall be objective, fair and just.',
    },
    appliesTo: ['expert', 'staff'],
    rules: { recuseWhenInterestRelated: false, confidential: false },
    source: clause('5.1'),
  },
  {
    id: 'recusal-confidentiality',
    name: { zh: '回避和保密原则', en: 'Recusal and confidentiality' },
    text: {
      zh: '专家和工作人员在评价工作过程中，应廉洁自律，对于利益相关的项目或组织予以回避，并严守秘密，不得泄露评价过程中的情况和未经批准的评价中间结果。',
      en: 'Experts and staff shall act with integrity during the evaluation, recuse themselves from projects or organisations in which they have an interest, keep the work confidential, and not disclose the evaluation process or unapproved intermediate results.',
    },
    appliesTo: ['expert', 'staff'],
    rules: { recuseWhenInterestRelated: true, confidential: true },
    source: clause('5.2'),
  },
];

/** The 5.2 rule on its own, for the reviewer-assignment code. */
export const db31RecusalRule: Db31Principle = db31Principles[1];

function normaliseOrgName(s: string): string {
  return s.replace(/[\s\u3000（）()]/g, '').toLowerCase();
}

/**
 * 5.2 applied to one reviewer and one entry: recusal is required when the reviewer is affiliated
 * with, or has declared an interest in, the entry's organisation. Organisations are matched by
 * 统一社会信用代码 when both sides have one, otherwise by name (spaces and brackets ignored).
 */
export function requiresRecusal(
  reviewer: { affiliations: readonly { name: string; uscc?: string }[] },
  entry: { enterpriseName: string; uscc?: string },
): boolean {
  return reviewer.affiliations.some((a) => {
    if (a.uscc && entry.uscc) return a.uscc.trim().toUpperCase() === entry.uscc.trim().toUpperCase();
    return normaliseOrgName(a.name) === normaliseOrgName(entry.enterpriseName);
  });
}
