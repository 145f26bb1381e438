/** The supervision trigger (7.2.1): where information comes from, risk factors and grades, and the start rules. */
import type { LocalizedText, SourceRef } from '../../rubrics/rubricSchema.js';
import type { Option } from './choiceOption.js';
import { APPLICATION_SOURCE, SUPERVISION_SOURCE } from './guideSources.js';

export const SUPERVISION_TRIGGER_SOURCES = ['spot-check-failure', 'cluster-common-problem', 'emerging-industry-difficulty', 'systemic-risk', 'other'] as const;
export type SupervisionTriggerSource = (typeof SUPERVISION_TRIGGER_SOURCES)[number];

/** 监管触发 — "通过监管措施，收集信息：" the five list items, verbatim. */
export const supervisionTriggerSources: readonly (Option<SupervisionTriggerSource> & { source: SourceRef })[] = [
  { value: 'spot-check-failure', zh: '监督抽查结果不合格的', en: 'Failed supervisory spot checks', source: SUPERVISION_SOURCE },
  {
    value: 'cluster-common-problem',
    zh: '发现产业集聚区普遍性质量问题或产业链共性质量瓶颈的',
    en: 'Widespread quality problems in an industrial cluster, or common quality bottlenecks in an industrial chain',
    source: SUPERVISION_SOURCE,
  },
  {
    value: 'emerging-industry-difficulty',
    zh: '新兴产业、新产品研发生产存在突出质量技术难题的',
    en: 'Prominent quality/technical difficulties in the R&D or production of emerging industries or new products',
    source: SUPERVISION_SOURCE,
  },
  {
    value: 'systemic-risk',
    zh: '发现区域性、行业性、系统性质量安全风险隐患的',
    en: 'Regional, industry-wide or systemic quality and safety risks',
    source: SUPERVISION_SOURCE,
  },
  { value: 'other', zh: '其他通过监管措施收集的信息', en: 'Other information collected through supervision', source: SUPERVISION_SOURCE },
];

export const HIGH_RISK_FACTORS = ['personal-health', 'property-safety', 'ecological-safety', 'systemic', 'industry-wide', 'regional'] as const;
export const LOW_RISK_FACTORS = ['occasional', 'minor-nonconformity'] as const;
export const RISK_FACTORS = [...HIGH_RISK_FACTORS, ...LOW_RISK_FACTORS] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type RiskGrade = 'high' | 'low';

/** The factors named in the start rules, each with the grade it implies. */
export const riskFactors: readonly (Option<RiskFactor> & { grade: RiskGrade })[] = [
  { value: 'personal-health', grade: 'high', zh: '人身健康', en: 'Personal health' },
  { value: 'property-safety', grade: 'high', zh: '财产安全', en: 'Property safety' },
  { value: 'ecological-safety', grade: 'high', zh: '生态环境安全', en: 'Ecological and environmental safety' },
  { value: 'systemic', grade: 'high', zh: '系统性风险', en: 'Systemic risk' },
  { value: 'industry-wide', grade: 'high', zh: '行业性', en: 'Industry-wide' },
  { value: 'regional', grade: 'high', zh: '区域性', en: 'Regional' },
  { value: 'occasional', grade: 'low', zh: '偶发的', en: 'Occasional' },
  { value: 'minor-nonconformity', grade: 'low', zh: '轻微不合格', en: 'Minor nonconformity' },
];

/** 风险等级评估, verbatim. */
export const riskAssessmentRule: { text: LocalizedText; source: SourceRef } = {
  text: {
    zh: '依据问题严重程度、影响范围、扩散风险等，将质量问题划分为高风险、低风险两类。',
    en: 'By severity, scope of impact and risk of spreading, quality problems are graded as high risk or low risk.',
  },
  source: SUPERVISION_SOURCE,
};

export interface StartRule {
  id: string;
  trigger: 'supervision' | 'application';
  decision: 'started' | 'not-started';
  /** Verbatim text of the start rule. */
  text: LocalizedText;
  source: SourceRef;
}

/** 启动判定 of both triggers, verbatim. */
export const startRules: readonly StartRule[] = [
  {
    id: 'supervision-low-risk',
    trigger: 'supervision',
    decision: 'not-started',
    text: {
      zh: '低风险问题。对于出现偶发的、轻微不合格的情况，按常规监管流程督促整改，不启动帮扶；',
      en: 'Low-risk problems. For occasional, minor nonconformities, urge rectification through the normal supervision process; assistance is not started;',
    },
    source: SUPERVISION_SOURCE,
  },
  {
    id: 'supervision-high-risk',
    trigger: 'supervision',
    decision: 'started',
    text: {
      zh: '高风险问题。涉及人身健康、财产安全、生态环境安全、系统性风险、行业性或区域性等问题的，对明确愿意配合整改，主动寻求质量提升的，启动质量技术帮扶。',
      en: 'High-risk problems. Where the problem concerns personal health, property safety, ecological and environmental safety, systemic risk, or is industry-wide or regional, quality and technical assistance is started for operators that clearly agree to cooperate with rectification and actively seek quality improvement.',
    },
    source: SUPERVISION_SOURCE,
  },
  {
    id: 'application-start',
    trigger: 'application',
    decision: 'started',
    text: {
      zh: '存在质量问题、技术瓶颈或质量提升需求，且经营主体具备改进意愿的，启动帮扶；',
      en: 'Where there is a quality problem, a technical bottleneck or a quality-improvement need, and the operator is willing to improve, assistance is started;',
    },
    source: APPLICATION_SOURCE,
  },
  {
    id: 'application-reject',
    trigger: 'application',
    decision: 'not-started',
    text: {
      zh: '对申请内容失实，或属于市场竞争、经营决策等非质量技术类问题，以及其他不属于帮扶范围的情况，不启动帮扶。',
      en: 'Assistance is not started where the application is untrue, concerns non-quality/technical matters such as market competition or business decisions, or is otherwise outside the scope of assistance.',
    },
    source: APPLICATION_SOURCE,
  },
];
