/** The check boxes of the Annex A.1 application (problems, needs, enterprise size) and the matters out of scope. */
import type { Option } from './choiceOption.js';

export const PROBLEM_TYPES = ['spot-check-failure', 'process-fluctuation', 'system-incomplete', 'technical-bottleneck', 'industry-common', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** A.1 "1. 质量问题描述" check boxes, verbatim. */
export const problemTypeOptions: readonly Option<ProblemType>[] = [
  { value: 'spot-check-failure', zh: '监督抽查不合格', en: 'Failed supervisory spot check' },
  { value: 'process-fluctuation', zh: '生产过程质量波动', en: 'Quality fluctuation in production' },
  { value: 'system-incomplete', zh: '体系建设不完善', en: 'Incomplete management system' },
  { value: 'technical-bottleneck', zh: '技术瓶颈（如设计 / 工艺 / 检测）', en: 'Technical bottleneck (e.g. design / process / testing)' },
  { value: 'industry-common', zh: '行业共性问题', en: 'Industry-wide common problem' },
  { value: 'other', zh: '其他', en: 'Other' },
];

export const NEED_TYPES = ['diagnosis', 'qms-setup', 'standards', 'testing-training', 'improvement-plan', 'other'] as const;
export type NeedType = (typeof NEED_TYPES)[number];

/** A.1 "2. 帮扶核心诉求" check boxes, verbatim. */
export const needOptions: readonly Option<NeedType>[] = [
  { value: 'diagnosis', zh: '现场诊断与问题溯源', en: 'On-site diagnosis and root-cause tracing' },
  { value: 'qms-setup', zh: '质量管理体系搭建', en: 'Setting up a quality management system' },
  { value: 'standards', zh: '标准解读与应用', en: 'Interpreting and applying standards' },
  { value: 'testing-training', zh: '检测技能培训', en: 'Testing-skills training' },
  { value: 'improvement-plan', zh: '定制化改进方案', en: 'Tailored improvement plan' },
  { value: 'other', zh: '其他', en: 'Other' },
];

export const NON_QUALITY_MATTERS = ['market-competition', 'business-decision', 'other-non-quality', 'other-out-of-scope'] as const;
export type NonQualityMatter = (typeof NON_QUALITY_MATTERS)[number];

export const nonQualityMatterOptions: readonly Option<NonQualityMatter>[] = [
  { value: 'market-competition', zh: '市场竞争', en: 'Market competition' },
  { value: 'business-decision', zh: '经营决策', en: 'Business decision' },
  { value: 'other-non-quality', zh: '其他非质量技术类问题', en: 'Other non-quality/technical matter' },
  { value: 'other-out-of-scope', zh: '其他不属于帮扶范围的情况', en: 'Otherwise outside the scope of assistance' },
];

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSizeValue = (typeof ENTERPRISE_SIZES)[number];

/** A.1 企业规模: □ 大型 □ 中型 □ 小型 □ 微型. */
export const enterpriseSizeOptions: readonly Option<EnterpriseSizeValue>[] = [
  { value: 'large', zh: '大型', en: 'Large' },
  { value: 'medium', zh: '中型', en: 'Medium' },
  { value: 'small', zh: '小型', en: 'Small' },
  { value: 'micro', zh: '微型', en: 'Micro' },
];
