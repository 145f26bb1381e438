/**
 * Passages of the source documents that are not already rubric data in core, bundled verbatim
 * (the test `rubricQa.test.ts` checks each one against docs/sources/ character for character,
 * ignoring only whitespace). The bot quotes them; it never rewords them.
 */

export interface SeedPassage {
  id: string;
  /** Which seed file the text is from (docs/sources/<file>). */
  seed: '000' | '001' | '004';
  title: string;
  document: string;
  clause: string;
  text: string;
  /** Extra search words (aliases); never shown as a quote. */
  keywords?: string[];
}

const NOTICE = '2025年推荐通知';
const GUIDE = '工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿）';
const INCUBATION = '沪市监产质〔2024〕124号 培育孵化工作指南';

export const SEED_PASSAGES: readonly SeedPassage[] = [
  {
    id: 'notice-target-bp',
    seed: '001',
    title: '推荐对象：产品质量可靠性创新“最佳实践”',
    document: NOTICE,
    clause: '一、推荐对象（一）',
    text: '聚焦制造过程中广泛应用可靠性技术、质量可靠性指标优异的产品，总结提炼具有行业示范价值的先进经验和创新做法。',
    keywords: ['最佳实践', '推荐对象'],
  },
  {
    id: 'notice-target-fmea',
    seed: '001',
    title: '推荐对象：FMEA应用典型案例',
    document: NOTICE,
    clause: '一、推荐对象（二）',
    text: '重点征集设计FMEA（DFMEA）和工艺FMEA（PFMEA）应用案例，突出技术工艺创新性、解决方案有效性及实施成效。',
    keywords: ['FMEA', '典型案例', '推荐对象'],
  },
  {
    id: 'notice-eligibility-bp-1',
    seed: '001',
    title: '推荐条件：最佳实践被推荐主体',
    document: NOTICE,
    clause: '二、推荐条件（一）1',
    text: '被推荐主体为各省（市）行政区域内从事新能源汽车、电子信息、高端装备等重点产业的生产企业，可以适当兼顾其他产业，经营和信用记录良好，符合产业政策要求，三年内无重大违法记录，有推广经验做法的意愿和能力。',
    keywords: ['推荐条件', '申报条件', '资格', 'eligibility'],
  },
  {
    id: 'notice-eligibility-bp-2',
    seed: '001',
    title: '推荐条件：最佳实践被推荐产品',
    document: NOTICE,
    clause: '二、推荐条件（一）2',
    text: '被推荐产品应用的可靠性技术应具有较强的系统性、创新性、先进性和可推广性，能充分体现行业产品质量可靠性技术特点，对相关行业具有较强借鉴意义和推广价值。',
    keywords: ['推荐条件', '产品'],
  },
  {
    id: 'notice-eligibility-fmea-1',
    seed: '001',
    title: '推荐条件：FMEA典型案例被推荐主体',
    document: NOTICE,
    clause: '二、推荐条件（二）1',
    text: '被推荐主体为各省（市）行政区域内的企业，优先支持新能源汽车、电子信息、高端装备等重点产业。',
    keywords: ['推荐条件', 'FMEA'],
  },
  {
    id: 'notice-eligibility-fmea-2',
    seed: '001',
    title: '推荐条件：FMEA典型案例',
    document: NOTICE,
    clause: '二、推荐条件（二）2',
    text: '被推荐案例应为近两年内开展的应用实践，具有技术工艺特点鲜明，解决方案有效，实施效果显著，符合现代化产业体系发展方向的创新经验做法。',
    keywords: ['推荐条件', 'FMEA', '近两年', '几年', '近几年', '年限', '时间要求', '多久以内', '多少年', '开展时间', '什么时候做的', 'recent', 'years'],
  },
  {
    id: 'notice-materials-requirement',
    seed: '001',
    title: '推荐材料要求',
    document: NOTICE,
    clause: '三、推荐材料',
    text: '推荐材料要求内容详实、数据准确、重点突出、注重经验总结和提炼。',
    keywords: ['材料要求'],
  },
  {
    id: 'notice-flow-1',
    seed: '001',
    title: '推荐流程',
    document: NOTICE,
    clause: '四、推荐流程（一）',
    text: '采取自下而上方式，由各地市场监管部门组织推荐，对申报材料初审后逐级报送至省级市场监管部门。',
    keywords: ['流程', '初审', '逐级报送'],
  },
  {
    id: 'notice-flow-2',
    seed: '001',
    title: '报送材料',
    document: NOTICE,
    clause: '四、推荐流程（二）',
    text: '报送的推荐材料包括：纸质版推荐表一式两份（加盖公章）、推荐汇总表（附件5、6）及上述材料电子版（Word及盖章PDF扫描件）。',
    keywords: ['材料', '纸质', '盖章', '电子版'],
  },
  {
    id: 'notice-flow-3',
    seed: '001',
    title: '推荐截止时间',
    document: NOTICE,
    clause: '四、推荐流程（三）',
    text: '推荐截止时间为2025年9月30日。',
    keywords: ['截止', 'deadline'],
  },
  {
    id: 'notice-review',
    seed: '001',
    title: '评定公布：专家评审',
    document: NOTICE,
    clause: '五、评定公布（一）',
    text: '各省（市）市市场监管部门根据推荐情况，组织专家对申报材料进行综合评审，形成拟评定对象名单。',
    keywords: ['专家评审', '拟评定'],
  },
  {
    id: 'notice-publicity',
    seed: '001',
    title: '评定公布：公示与认定',
    document: NOTICE,
    clause: '五、评定公布（二）',
    text: '拟评定对象名单由上海市市场监督管理局汇总后予以公示，接受社会监督。公示期满无异议或者经核实异议不成立的，认定为2025年度产品质量可靠性创新“最佳实践”和FMEA应用典型案例。',
    keywords: ['公示', '认定'],
  },
  {
    id: 'guide-term-industrial',
    seed: '004',
    title: '术语：工业产品',
    document: GUIDE,
    clause: '3.1',
    text: '经过工业化过程加工、制作，且用于销售的产品。不包括食品、药品、特种设备以及有特别法管理的产品。',
    keywords: ['工业产品', '帮扶范围'],
  },
  {
    id: 'guide-term-assistance',
    seed: '004',
    title: '术语：质量技术帮扶',
    document: GUIDE,
    clause: '3.3',
    text: '针对质量安全监管发现的质量问题或经营主体主动提出的质量问题或质量需求，采取质量问诊、质量分析、质量培训、质量改善、质量文化建设等帮扶措施，查找问题原因、指导经营主体制定和落实改进措施、建立健全质量管控体系等提升产品质量的活动。',
    keywords: ['帮扶', '质量技术帮扶'],
  },
  {
    id: 'guide-risk-grade',
    seed: '004',
    title: '帮扶触发：风险等级评估',
    document: GUIDE,
    clause: '7.2.1（条款号为重建）',
    text: '风险等级评估。依据问题严重程度、影响范围、扩散风险等，将质量问题划分为高风险、低风险两类。',
    keywords: ['风险等级', '高风险', '低风险', '监管触发'],
  },
  {
    id: 'guide-start-low',
    seed: '004',
    title: '监管触发：低风险问题的启动判定',
    document: GUIDE,
    clause: '7.2.1（条款号为重建）',
    text: '低风险问题。对于出现偶发的、轻微不合格的情况，按常规监管流程督促整改，不启动帮扶；',
    keywords: ['低风险', '启动判定', '监管触发'],
  },
  {
    id: 'guide-start-high',
    seed: '004',
    title: '监管触发：高风险问题的启动判定',
    document: GUIDE,
    clause: '7.2.1（条款号为重建）',
    text: '高风险问题。涉及人身健康、财产安全、生态环境安全、系统性风险、行业性或区域性等问题的，对明确愿意配合整改，主动寻求质量提升的，启动质量技术帮扶。',
    keywords: ['高风险', '启动判定', '监管触发'],
  },
  {
    id: 'guide-application',
    seed: '004',
    title: '经营主体申请触发',
    document: GUIDE,
    clause: '7.2.2（条款号为重建）',
    text: '经营主体申请。主动提出帮扶申请，说明质量需求、帮扶诉求及改进意愿。',
    keywords: ['申请', '帮扶申请', '申请触发'],
  },
  {
    id: 'guide-application-start',
    seed: '004',
    title: '申请触发：启动帮扶',
    document: GUIDE,
    clause: '7.2.2（条款号为重建）',
    text: '存在质量问题、技术瓶颈或质量提升需求，且经营主体具备改进意愿的，启动帮扶；',
    keywords: ['启动判定', '申请触发', '启动帮扶'],
  },
  {
    id: 'guide-application-reject',
    seed: '004',
    title: '申请触发：不启动帮扶',
    document: GUIDE,
    clause: '7.2.2（条款号为重建）',
    text: '对申请内容失实，或属于市场竞争、经营决策等非质量技术类问题，以及其他不属于帮扶范围的情况，不启动帮扶。',
    keywords: ['不启动', '申请触发', '帮扶范围'],
  },
  {
    id: 'incubation-tiers',
    seed: '000',
    title: '培育孵化：梯次培育',
    document: INCUBATION,
    clause: '四、组织实施（二）',
    text: '构建产品质量可靠性创新“最佳实践”梯次培育体系，将基本符合“最佳实践”推荐条件的纳入第一梯队，重点培育；将主要推荐条件尚有欠缺的纳入第二梯队，进行动态跟踪培育；将主要推荐条件缺失较大的纳入第三梯队，进行夯实基础培育。',
    keywords: ['梯队', '第一梯队', '第二梯队', '第三梯队', '培育孵化'],
  },
];
