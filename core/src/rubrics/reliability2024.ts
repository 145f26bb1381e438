import { reliabilityRubricSchema, type ReliabilityIndicator, type ReliabilityRubric, type ScoreBand, type SourceRef } from './rubricSchema.js';
import type { IndicatorCode } from '../submission/reliabilitySubmission.js';

/**
 * 产品质量可靠性评价通用要求（2024版）and its 评分表.
 *
 * Source of record: 沪市监产质〔2024〕124号, 附表 (docs/sources/000_…). The texts are transcribed
 * from the identical rubric republished as 附件1 of the 2025年推荐通知 (docs/sources/001_…),
 * because that edition uses full-width punctuation throughout (（a），t＝0, t﹥0 …); the wording is
 * the same in both. The 2025 edition writes the subscripts inline: Ic, Id, Ir.
 *
 * Band labels (很好/较好/一般/较差) are kekao's names for the four rows; the documents only give
 * the score ranges and criteria.
 */

const TABLE: SourceRef = { document: '沪市监产质〔2024〕124号', clause: '附表' };
const PROFESSIONAL_DEF: SourceRef = { document: '沪市监产质〔2024〕124号', clause: '二、评价内容（一）' };
const BENEFIT_DEF: SourceRef = { document: '沪市监产质〔2024〕124号', clause: '二、评价内容（二）' };
const NOTES: SourceRef = { document: '沪市监产质〔2024〕124号', clause: '附表 评分说明' };

const LABELS = {
  excellent: { zh: '很好', en: 'very good' },
  good: { zh: '较好', en: 'good' },
  fair: { zh: '一般', en: 'fair' },
  poor: { zh: '较差', en: 'poor' },
} as const;

/** Four bands in the 评分表 order (91–100, 71–90, 41–70, 0–40). */
function bands(c: [ScoreBand['criterion'], ScoreBand['criterion'], ScoreBand['criterion'], ScoreBand['criterion']]): ScoreBand[] {
  return [
    { min: 91, max: 100, label: { ...LABELS.excellent }, criterion: c[0] },
    { min: 71, max: 90, label: { ...LABELS.good }, criterion: c[1] },
    { min: 41, max: 70, label: { ...LABELS.fair }, criterion: c[2] },
    { min: 0, max: 40, label: { ...LABELS.poor }, criterion: c[3] },
  ];
}

const data: ReliabilityRubric = {
  kind: 'reliability',
  id: 'reliability-2024',
  title: {
    zh: '产品质量可靠性评价通用要求（2024版）',
    en: 'General Requirements for Product Quality Reliability Evaluation (2024 edition)',
  },
  source: { document: '沪市监产质〔2024〕124号', clause: '附表' },
  transcribedFrom: { document: '2025年推荐通知', clause: '附件1' },
  rawScoreMax: 100,
  principles: [
    {
      id: 'method',
      name: { zh: '方法科学性', en: 'Scientific methods' },
      text: {
        zh: '企业提供的产品质量可靠性水平材料中所采用的方法应：科学、合理、有效。',
        en: 'The methods used in the materials the enterprise provides on its product quality reliability level shall be scientific, reasonable and effective.',
      },
      source: { document: '沪市监产质〔2024〕124号', clause: '一、评价原则（一）' },
    },
    {
      id: 'data',
      name: { zh: '数据有效性', en: 'Valid data' },
      text: {
        zh: '企业提供的产品质量可靠性水平材料中所采用的数据应：准确、可靠、一致、完整、合法、可验证、有代表性。',
        en: 'The data used in the materials shall be accurate, reliable, consistent, complete, lawful, verifiable and representative.',
      },
      source: { document: '沪市监产质〔2024〕124号', clause: '一、评价原则（二）' },
    },
    {
      id: 'materials',
      name: { zh: '材料规范性', en: 'Well-formed materials' },
      text: {
        zh: '企业提供的产品质量可靠性水平材料应当格式规范、结构完整、层次分明、论据充分、结论明确。',
        en: 'The materials shall be properly formatted, complete in structure, clearly organised, well argued and clear in their conclusions.',
      },
      source: { document: '沪市监产质〔2024〕124号', clause: '一、评价原则（三）' },
    },
  ],
  groups: [
    {
      id: 'professional',
      name: { zh: '专业指标', en: 'Professional indicators' },
      description: {
        zh: '专业指标是主要体现产品质量可靠性的直接技术类指标，包括：关键性能一致性（Ic）、关键性能退化量（Id）、关键性能可靠域（Ir）等。在评价产品关键性能指标（Ic、Id、Ir）时需要考虑的因素主要包括（但不限于）：关键性能参数选取合理性、样品状态有效性、样本量合理性、检测仪器/设备合理有效性、检测方案科学可行性、数据可信有效等。',
        en: 'Professional indicators are the direct technical indicators that mainly reflect product quality reliability, including key-performance consistency (Ic), key-performance degradation (Id) and key-performance reliable domain (Ir). Factors to consider when evaluating Ic, Id and Ir include (but are not limited to): reasonable choice of key performance parameters, valid sample state, reasonable sample size, reasonable and valid test instruments/equipment, a scientific and feasible test plan, and credible and valid data.',
      },
      source: PROFESSIONAL_DEF,
    },
    {
      id: 'benefit',
      name: { zh: '效益指标', en: 'Benefit indicators' },
      description: {
        zh: '效益指标应反映产品质量可靠性水平提升取得的质量效益和社会效益，包括：售后责任故障数（率）（W）、创新性（C）、可推广性（G）等。在评价产品效益性指标（W、C、G）时需要考虑的因素主要包括（但不限于）：数据信息来源的可信性、计算方法的合理性、创新性、实用性、影响力、通用性等。',
        en: 'Benefit indicators reflect the quality and social benefits achieved by raising product quality reliability, including after-sales liability failures (rate) (W), innovation (C) and promotability (G). Factors to consider when evaluating W, C and G include (but are not limited to): credibility of the data sources, soundness of the calculation method, innovation, practicality, influence and generality.',
      },
      source: BENEFIT_DEF,
    },
  ],
  indicators: [
    {
      code: 'Ic',
      name: { zh: '关键性能一致性', en: 'Key-performance consistency' },
      group: 'professional',
      weight: 0.2,
      definition: {
        zh: '关键性能一致性（Ic）：是指质量检验合格的产品，其关键性能参数的波动范围小的一种特性。按照时间划分，关键性能一致性可分为“产品出厂时（t＝0）”和“产品使用一段时间后（t﹥0）”两个阶段来评价。企业至少需要提供“产品出厂时（t＝0）”的关键性能一致性数据。对于“产品使用一段时间后（t﹥0）”的关键性能一致性评价，推荐采用现场使用达到一定时间的产品进行性能参数的测试，或采用在实验室经历过一定时间典型工作模式和环境条件的模拟试验后的产品进行性能参数测试。关键性能一致性根据实际测试结果计算性能参数的变异系数（一组数据的标准差与均值之比），使用时间越长且变异系数越低，则产品质量可靠性越好。',
        en: 'Key-performance consistency (Ic): the property of products that passed quality inspection that their key performance parameters vary within a small range. By time it is evaluated in two stages, "at delivery (t = 0)" and "after a period of use (t > 0)". The enterprise must provide at least the consistency data at delivery (t = 0). For the stage after a period of use (t > 0), testing products that have been in field use for a certain time, or products that have undergone laboratory simulation of typical operating modes and environmental conditions for a certain time, is recommended. Consistency is measured by the coefficient of variation (standard deviation divided by mean) of the measured parameters; the longer the use and the lower the coefficient of variation, the better the product quality reliability.',
      },
      definitionSource: PROFESSIONAL_DEF,
      bands: bands([
        {
          zh: '在满足“基本要求（a）”的基础上，产品出厂时（t＝0）和产品使用一段时间后（t﹥0）两个阶段的关键性能一致性都很好。',
          en: 'Basic requirements (a) are met, and key-performance consistency is very good in both stages: at delivery (t = 0) and after a period of use (t > 0).',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，产品出厂时（t＝0）和产品使用一段时间后（t﹥0）两个阶段的关键性能一致性都较好。',
          en: 'Basic requirements (a) are met, and key-performance consistency is good in both stages: at delivery (t = 0) and after a period of use (t > 0).',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，产品出厂时（t＝0）关键性能一致性较好。',
          en: 'Basic requirements (a) are met, and key-performance consistency at delivery (t = 0) is good.',
        },
        {
          zh: '产品出厂时（t＝0）关键性能一致性较差，或不满足评价的“基本要求（a）”。',
          en: 'Key-performance consistency at delivery (t = 0) is poor, or the basic requirements (a) of the evaluation are not met.',
        },
      ]),
      source: TABLE,
    },
    {
      code: 'Id',
      name: { zh: '关键性能退化量', en: 'Key-performance degradation' },
      group: 'professional',
      weight: 0.25,
      definition: {
        zh: '关键性能退化量（Id）：是指质量检验合格的产品，在典型工作模式与环境条件下其关键性能参数长时间保持合格状态的特性。关键性能退化量评价推荐采用现场使用达到一定时间的产品进行性能参数测试，或采用在实验室经历过一定时间典型工作模式和环境条件的模拟使用试验后的产品进行性能参数测试。根据测试结果判断合格的产品，计算其性能退化程度，使用时间越长且性能退化程度越小，则产品质量可靠性越好。',
        en: 'Key-performance degradation (Id): the property of products that passed quality inspection that their key performance parameters stay conforming for a long time under typical operating modes and environmental conditions. Testing products that have been in field use for a certain time, or products that have undergone laboratory simulated-use tests of typical operating modes and environmental conditions, is recommended. For the products judged conforming, the degree of performance degradation is calculated; the longer the use and the smaller the degradation, the better the product quality reliability.',
      },
      definitionSource: PROFESSIONAL_DEF,
      bands: bands([
        {
          zh: '在满足“基本要求（a）”的基础上，典型应用场景下，产品关键性能参数在寿命期内退化量很小，对产品功能和性能指标无影响，且建立了有效的退化模型。',
          en: 'Basic requirements (a) are met; in typical application scenarios the key performance parameters degrade very little over the service life, with no effect on product functions and performance indicators, and an effective degradation model has been established.',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，典型应用场景下，产品关键性能参数在寿命期内退化量较小，不影响产品功能和性能指标。',
          en: 'Basic requirements (a) are met; in typical application scenarios the key performance parameters degrade little over the service life and do not affect product functions and performance indicators.',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，典型应用场景下，产品关键性能参数在寿命期内退化量较大，部分影响产品功能和性能。',
          en: 'Basic requirements (a) are met; in typical application scenarios the key performance parameters degrade considerably over the service life, partly affecting product functions and performance.',
        },
        {
          zh: '典型应用场景下，产品关键性能参数在寿命期内退化量很大，严重影响产品功能和性能，或不满足评价的“基本要求（a）”',
          en: 'In typical application scenarios the key performance parameters degrade greatly over the service life, seriously affecting product functions and performance, or the basic requirements (a) of the evaluation are not met',
        },
      ]),
      source: TABLE,
    },
    {
      code: 'Ir',
      name: { zh: '关键性能可靠域', en: 'Key-performance reliable domain' },
      group: 'professional',
      weight: 0.25,
      definition: {
        zh: '关键性能可靠域（Ir）：是指质量检验合格的产品，能保证关键性能裕量大于零的各种极限应用场景。应用场景是产品实际使用中的环境应力和工作应力及其多种组合条件。企业应基于产品所属行业、细分领域及其功能和性能要求等内容，系统分析产品可能经历的各种极限应用场景。关键性能可靠域评价可采用产品实际使用时经历的各种极限应用场景信息和数据；也可以采用实验室测试方法，在模拟极限使用的工作模式与环境条件下，测试产品的关键性能参数，计算其裕量。每种极限应用场景至少测试一个样品，极限应用场景不少于3种。产品能耐受的极限应用场景的种类越多越严酷，其质量可靠性越好。',
        en: "Key-performance reliable domain (Ir): the extreme application scenarios in which products that passed quality inspection keep a key-performance margin greater than zero. Application scenarios are the environmental and operating stresses, and their combinations, met in actual use. Based on the product's industry, segment, functions and performance requirements, the enterprise shall systematically analyse the extreme scenarios the product may experience. Ir may be evaluated from information and data on extreme scenarios met in actual use, or by laboratory tests that measure the key performance parameters under simulated extreme operating modes and environmental conditions and calculate the margin. At least one sample shall be tested per extreme scenario, and there shall be no fewer than 3 extreme scenarios. The more numerous and the more severe the extreme scenarios the product withstands, the better its quality reliability.",
      },
      definitionSource: PROFESSIONAL_DEF,
      bands: bands([
        {
          zh: '在满足“基本要求（a）”的基础上，产品关键性能裕量大于零的极限应用场景覆盖非常全面，表述信息和数据详实。',
          en: 'Basic requirements (a) are met; the extreme application scenarios with a key-performance margin greater than zero are covered very comprehensively, with detailed information and data.',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，产品关键性能裕量大于零的极限应用场景覆盖较全面，表述信息和数据较详实。',
          en: 'Basic requirements (a) are met; the extreme application scenarios with a key-performance margin greater than zero are covered fairly comprehensively, with fairly detailed information and data.',
        },
        {
          zh: '在满足“基本要求（a）”的基础上，产品关键性能裕量大于零的极限应用场景覆盖情况有限，表述信息和数据较详实。',
          en: 'Basic requirements (a) are met; the coverage of extreme application scenarios with a key-performance margin greater than zero is limited, with fairly detailed information and data.',
        },
        {
          zh: '产品关键性能裕量大于零的极限应用场景覆盖严重不足，表述信息和数据不够详实，或不满足评价的“基本要求（a）”',
          en: 'The coverage of extreme application scenarios with a key-performance margin greater than zero is seriously insufficient and the information and data are not detailed enough, or the basic requirements (a) of the evaluation are not met',
        },
      ]),
      source: TABLE,
    },
    {
      code: 'W',
      name: { zh: '售后责任故障数（率）', en: 'After-sales liability failures (rate)' },
      group: 'benefit',
      weight: 0.15,
      definition: {
        zh: '售后责任故障数（率）（W）：是指在产品售后统计得到的由于产品自身质量可靠性问题导致的故障数量或故障比率。推荐企业提供开展产品质量可靠性提升工作前后的售后责任故障对比数据。',
        en: "After-sales liability failures (rate) (W): the number or rate of failures, counted after sale, caused by the product's own quality reliability problems. Enterprises are recommended to provide after-sales liability failure data from before and after the reliability improvement work for comparison.",
      },
      definitionSource: BENEFIT_DEF,
      bands: bands([
        {
          zh: '产品售后责任故障数（率）很少（低），强化了企业的品牌和声誉，是企业的核心竞争力之一。',
          en: "After-sales liability failures are very few (rate very low); this strengthens the brand and reputation and is one of the enterprise's core competitive advantages.",
        },
        {
          zh: '产品售后责任故障数（率）较少（低），对企业综合成本和声誉基本没有影响。',
          en: "After-sales liability failures are few (rate low), with essentially no effect on the enterprise's overall cost and reputation.",
        },
        {
          zh: '产品售后责任故障数（率）较多（高），对企业综合成本和声誉有一定程度影响。',
          en: "After-sales liability failures are fairly many (rate fairly high), with some effect on the enterprise's overall cost and reputation.",
        },
        {
          zh: '产品售后责任故障数（率）很多（高），严重影响企业综合成本和声誉。',
          en: "After-sales liability failures are very many (rate very high), seriously affecting the enterprise's overall cost and reputation.",
        },
      ]),
      source: TABLE,
    },
    {
      code: 'C',
      name: { zh: '创新性', en: 'Innovation' },
      group: 'benefit',
      weight: 0.05,
      definition: {
        zh: '创新性（C）：企业产品在质量可靠性水平提升工作中取得的可靠性技术与方法的各种创新，可以是可靠性科学和技术的颠覆性创新，也可以是可靠性工程和技术的应用创新。',
        en: "Innovation (C): innovations in reliability techniques and methods achieved in the enterprise's work to raise the product's quality reliability; they may be disruptive innovations in reliability science and technology, or application innovations in reliability engineering and technology.",
      },
      definitionSource: BENEFIT_DEF,
      bands: bands([
        {
          zh: '企业在产品质量可靠性水平提升工作中采用的可靠性技术和/或方法具有颠覆式创新性。',
          en: "The reliability techniques and/or methods used in the enterprise's reliability improvement work are disruptively innovative.",
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和/或方法具有较强的应用创新性。',
          en: 'The reliability techniques and/or methods adopted show strong application innovation.',
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和/或方法具有一定的应用创新性。',
          en: 'The reliability techniques and/or methods adopted show some application innovation.',
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和/或方法为常规技术和方法，基本没有创新性。',
          en: 'The reliability techniques and/or methods adopted are conventional, with essentially no innovation.',
        },
      ]),
      source: TABLE,
    },
    {
      code: 'G',
      name: { zh: '可推广性', en: 'Promotability' },
      group: 'benefit',
      weight: 0.1,
      definition: {
        zh: '可推广性（G）：企业产品在质量可靠性水平提升工作中的可靠性技术与方法的对行业发展起到引领和带动作用，在行业内外具有广泛的借鉴意义。',
        en: "Promotability (G): the reliability techniques and methods from the enterprise's reliability improvement work lead and drive the development of the industry and offer broad lessons inside and outside the industry.",
      },
      definitionSource: BENEFIT_DEF,
      bands: bands([
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和方法可以对行业发展起到引领和带动作用，可以为行业内外提供广泛的借鉴意义。',
          en: 'The reliability techniques and methods adopted can lead and drive the development of the industry and offer broad lessons inside and outside the industry.',
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和方法可以对行业发展起到较好带动作用，可以为行业内提供较大的借鉴意义。',
          en: 'The reliability techniques and methods adopted can drive the development of the industry well and offer considerable lessons within the industry.',
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和方法可以对行业发展起到一定带动作用，可以为本行业提供一定的借鉴意义。',
          en: "The reliability techniques and methods adopted can drive the development of the industry to some extent and offer some lessons to the enterprise's own industry.",
        },
        {
          zh: '企业在产品质量可靠性水平提升工作中采取的可靠性技术和方法为本行业提供很少的借鉴意义。',
          en: "The reliability techniques and methods adopted offer few lessons to the enterprise's own industry.",
        },
      ]),
      source: TABLE,
    },
  ],
  // Note (a): the seven factors of the basic requirements of the professional indicators.
  basicRequirements: [
    { key: 'parameterChoice', text: { zh: '关键性能参数选取合理', en: 'Key performance parameters are reasonably chosen' }, source: NOTES },
    { key: 'sampleState', text: { zh: '样品状态有效', en: 'Sample state is valid' }, source: NOTES },
    { key: 'sampleSize', text: { zh: '样本量合理', en: 'Sample size is reasonable' }, source: NOTES },
    { key: 'fieldData', text: { zh: '现场产品数据可信', en: 'Field product data are credible' }, source: NOTES },
    { key: 'instruments', text: { zh: '检测仪器/设备合理有效', en: 'Test instruments/equipment are reasonable and valid' }, source: NOTES },
    { key: 'testPlan', text: { zh: '检测方案科学可行', en: 'Test plan is scientific and feasible' }, source: NOTES },
    { key: 'resultData', text: { zh: '结果数据合理有效', en: 'Result data are reasonable and valid' }, source: NOTES },
  ],
  notes: [
    {
      id: 'a',
      text: {
        zh: '（a）．专业指标评价的“基本要求”应满足如下因素：关键性能参数选取合理、样品状态有效、样本量合理、现场产品数据可信、检测仪器/设备合理有效、检测方案科学可行、结果数据合理有效等。',
        en: '(a). The "basic requirements" of the professional-indicator evaluation shall satisfy the following factors: key performance parameters reasonably chosen, sample state valid, sample size reasonable, field product data credible, test instruments/equipment reasonable and valid, test plan scientific and feasible, result data reasonable and valid, etc.',
      },
      // The 0–40 criterion of Ic, Id and Ir reads "…或不满足评价的“基本要求（a）”", and the higher
      // bands start with "在满足“基本要求（a）”的基础上": an unmet requirement caps them at 0–40.
      effect: { kind: 'basic-requirements-gate', indicators: ['Ic', 'Id', 'Ir'], band: { min: 0, max: 40 } },
      source: NOTES,
    },
    {
      id: 'b',
      text: { zh: '（b）．每个单项原始得分的满分分值为100分。', en: '(b). The full mark of each single raw score is 100 points.' },
      effect: { kind: 'raw-score-max', max: 100 },
      source: NOTES,
    },
    {
      id: 'c',
      text: { zh: '（c）．总分为所有“单项加权得分”之和。', en: '(c). The total score is the sum of all "single weighted scores".' },
      effect: { kind: 'total-is-sum-of-weighted' },
      source: NOTES,
    },
    {
      id: 'd',
      text: {
        zh: '（d）．评价过程中，如发现企业数据或信息造假，相应指标评分得0分。',
        en: "(d). If, during the evaluation, the enterprise's data or information is found to be falsified, the corresponding indicator scores 0 points.",
      },
      effect: { kind: 'fraud-zeroes-indicator', score: 0 },
      source: NOTES,
    },
  ],
  totalFormula: {
    zh: '评价总分 = Σ（全部二级指标）单项加权得分',
    en: 'Total evaluation score = Σ (over all second-level indicators) single weighted score',
  },
};

/** The reliability rubric, validated at module load. */
export const reliability2024: ReliabilityRubric = reliabilityRubricSchema.parse(data);

/** The indicator with the given code (Ic, Id, Ir, W, C, G). */
export function reliabilityIndicator(code: IndicatorCode): ReliabilityIndicator {
  const found = reliability2024.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`未知指标 ${String(code)} / unknown indicator`);
  return found;
}

/** The source clause of a reliability band, for citing (e.g. in reasons). */
export const RELIABILITY_TABLE_SOURCE: SourceRef = TABLE;
