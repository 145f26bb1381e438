/**
 * How people answer the questionnaire's choices in their own words (reviewed table): each option
 * value of guide Annex A.1 (core's option lists) with the words that mean it. Single characters
 * ("中", "大") count only as the whole answer, never inside a longer one ("规模不大" is not 大型).
 */

export const OPTION_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  size: {
    large: ['大型', '大企业', '大厂', '大型企业', '大', 'large', 'big'],
    medium: ['中型', '中等', '中等规模', '中型企业', '中企', '中', 'medium', 'mid-sized', 'mid'],
    small: ['小型', '小企业', '小型企业', '小厂', '小', 'small'],
    micro: ['微型', '微型企业', '个体', '微', 'micro'],
  },
  productCategory: {
    industrial: ['工业产品', '工业品', '工业', 'industrial'],
    food: ['食品', '食物', 'food'],
    drug: ['药品', '药', 'drug', 'medicine'],
    'special-equipment': ['特种设备', '锅炉', '压力容器', '电梯', '起重机械', 'special equipment'],
    'special-law': ['特别法', 'special law'],
  },
  problemTypes: {
    'spot-check-failure': ['监督抽查不合格', '抽查不合格', '抽检不合格', '监督抽查', '抽检没过', '抽检', 'spot check'],
    'process-fluctuation': ['生产过程质量波动', '质量波动', '波动', '不稳定', 'fluctuation'],
    'system-incomplete': ['体系建设不完善', '体系不完善', '体系建设', '管理体系', 'management system'],
    'technical-bottleneck': ['技术瓶颈', '瓶颈', '设计问题', '工艺问题', '检测问题', 'bottleneck'],
    'industry-common': ['行业共性问题', '行业共性', '共性问题', 'industry-wide'],
    other: ['其他', '其它', 'other'],
  },
  needs: {
    diagnosis: ['现场诊断与问题溯源', '现场诊断', '问题溯源', '诊断', '溯源', 'diagnosis'],
    'qms-setup': ['质量管理体系搭建', '体系搭建', '搭建体系', '质量管理体系', 'quality management system'],
    standards: ['标准解读与应用', '标准解读', '标准应用', '标准', 'standards'],
    'testing-training': ['检测技能培训', '检测培训', '技能培训', '培训', 'training'],
    'improvement-plan': ['定制化改进方案', '改进方案', '整改方案', '方案', 'improvement plan', 'plan'],
    other: ['其他', '其它', 'other'],
  },
};

/** Yes/no in the words people use (是/是的/好的/愿意/愿意配合/没问题/可以 …). */
export const YES = /(是|对|好|行|可以|愿意|同意|当然|肯定|嗯|会的|配合|承诺|确认|保证|属实|yes|yep|yeah|sure|ok|okay|agree|willing|confirm|of course|true)/;
/** "没问题" and friends say yes although they contain a negation. */
export const YES_DESPITE_NEGATION = /(没问题|没有问题|不成问题|没得问题|no problem)/;
export const NEGATION = /(不|没|否|别|拒绝|(?<![a-z])no(?![a-z])|(?<![a-z])not(?![a-z])|n't|refuse)/;
