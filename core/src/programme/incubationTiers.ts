import type { LocalizedText, SourceRef } from '../rubrics/rubricSchema.js';

/**
 * 产品质量可靠性创新“最佳实践”培育孵化工作指南 (沪市监产质〔2024〕124号), 四、组织实施（二）梯次培育:
 * "将基本符合“最佳实践”推荐条件的纳入第一梯队，重点培育；将主要推荐条件尚有欠缺的纳入第二梯队，
 * 进行动态跟踪培育；将主要推荐条件缺失较大的纳入第三梯队，进行夯实基础培育。"
 */

export interface IncubationTier {
  tier: 1 | 2 | 3;
  id: 'first' | 'second' | 'third';
  name: LocalizedText;
  /** Which enterprises belong to the tier (verbatim). */
  condition: LocalizedText;
  /** How they are cultivated (verbatim). */
  treatment: LocalizedText;
  source: SourceRef;
}

const SRC: SourceRef = { document: '沪市监产质〔2024〕124号', clause: '培育孵化工作指南 四（二）' };

export const incubationTiersQuote =
  '构建产品质量可靠性创新“最佳实践”梯次培育体系，将基本符合“最佳实践”推荐条件的纳入第一梯队，重点培育；将主要推荐条件尚有欠缺的纳入第二梯队，进行动态跟踪培育；将主要推荐条件缺失较大的纳入第三梯队，进行夯实基础培育。';

export const incubationTiers: readonly IncubationTier[] = [
  {
    tier: 1,
    id: 'first',
    name: { zh: '第一梯队', en: 'First tier' },
    condition: { zh: '基本符合“最佳实践”推荐条件', en: 'Basically meets the "best practice" recommendation conditions' },
    treatment: { zh: '重点培育', en: 'Priority cultivation' },
    source: SRC,
  },
  {
    tier: 2,
    id: 'second',
    name: { zh: '第二梯队', en: 'Second tier' },
    condition: { zh: '主要推荐条件尚有欠缺', en: 'The main recommendation conditions are still partly lacking' },
    treatment: { zh: '动态跟踪培育', en: 'Cultivation with dynamic follow-up' },
    source: SRC,
  },
  {
    tier: 3,
    id: 'third',
    name: { zh: '第三梯队', en: 'Third tier' },
    condition: { zh: '主要推荐条件缺失较大', en: 'The main recommendation conditions are largely missing' },
    treatment: { zh: '夯实基础培育', en: 'Cultivation to consolidate the foundations' },
    source: SRC,
  },
];

export function incubationTier(tier: 1 | 2 | 3): IncubationTier {
  return incubationTiers[tier - 1];
}

/** 三、培育孵化对象: the factors for choosing enterprises to incubate (verbatim). */
export const incubationTargetFactors: readonly { id: string; text: LocalizedText; source: SourceRef }[] = [
  {
    id: 'key-industries',
    text: {
      zh: '行政管理辖区内从事新能源汽车、电子信息、高端装备等重点产业的生产企业，可以适当兼顾其他产业；',
      en: 'Manufacturers within the jurisdiction in key industries such as new-energy vehicles, electronic information and high-end equipment; other industries may also be considered;',
    },
    source: { document: '沪市监产质〔2024〕124号', clause: '培育孵化工作指南 三（一）' },
  },
  {
    id: 'policy-and-credit',
    text: {
      zh: '符合国家和本地产业政策及法律法规政策要求，具有良好社会信用记录；',
      en: 'Compliant with national and local industrial policies, laws and regulations, with a good social credit record;',
    },
    source: { document: '沪市监产质〔2024〕124号', clause: '培育孵化工作指南 三（二）' },
  },
  {
    id: 'stable-and-willing',
    text: {
      zh: '产品质量稳定、管理体系健全且有意愿开展产品质量可靠性评价工作。',
      en: 'Stable product quality, a sound management system, and willingness to carry out product quality reliability evaluation.',
    },
    source: { document: '沪市监产质〔2024〕124号', clause: '培育孵化工作指南 三（三）' },
  },
];
