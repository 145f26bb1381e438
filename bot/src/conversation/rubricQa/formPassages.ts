import type { SeedPassage } from './seedPassages.js';

/**
 * What the 2025 notice says about the recommendation forms (三、推荐材料, and the fill-in notes of
 * the forms in 附件2 and 附件4), verbatim like the seed passages: which form to fill for which
 * kind of entry, and the length and content limits of its fields. They answer materials questions
 * ("FMEA案例填哪个表", "企业简介限多少字", "要不要附照片"), never rubric ones.
 */

const NOTICE = '2025年推荐通知';

export const FORM_PASSAGES: readonly SeedPassage[] = [
  {
    id: 'form-bp',
    seed: '001',
    title: '推荐材料：“最佳实践”',
    document: NOTICE,
    clause: '三、推荐材料（一）',
    text: '推荐单位及被推荐主体对照《产品质量可靠性评价通用要求》（附件1），填写《产品质量可靠性创新“最佳实践”推荐表》（附件2）。',
    keywords: ['最佳实践', '推荐表', '附件2', '附件1', '填哪个表', '表格', '模板', 'best practice', 'form'],
  },
  {
    id: 'form-fmea',
    seed: '001',
    title: '推荐材料：FMEA应用典型案例',
    document: NOTICE,
    clause: '三、推荐材料（二）',
    text: '推荐单位及被推荐主体对照《FMEA应用典型案例评价要求》（附件3），填写《FMEA应用典型案例推荐表》（附件4）。',
    keywords: ['FMEA', '推荐表', '附件4', '附件3', '填哪个表', '表格', '模板', 'form'],
  },
  {
    id: 'form-bp-instructions',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：填报说明',
    document: NOTICE,
    clause: '附件2 填报说明',
    text: '推荐企业应如实填写相应内容，并提供相关说明材料，作为附件一同提交。如没有相关信息，填写无。',
    keywords: ['填报说明', '没有', '空着', '不填', '说明材料', '附件'],
  },
  {
    id: 'form-bp-header',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：企业基本信息',
    document: NOTICE,
    clause: '附件2 表头',
    // The boxes at the head of the form, as printed one under another.
    text: '企业名称\n企业地址\n企业注册时间\n统一社会信用代码\n联系人\n联系电话',
    keywords: ['企业名称', '企业地址', '注册时间', '统一社会信用代码', '信用代码', '联系人', '联系电话'],
  },
  {
    id: 'form-bp-company',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：企业简介',
    document: NOTICE,
    clause: '附件2 企业简介',
    text: '（简要介绍企业概况，包含企业类型、发展状况、行业地位、市场占有率、获得奖项荣誉等，不超过500字）',
    keywords: ['企业简介', '公司简介', '公司介绍', '字数', '多少字', '荣誉', 'company profile', 'words'],
  },
  {
    id: 'form-bp-product',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：产品简介',
    document: NOTICE,
    clause: '附件2 产品简介',
    text: '（简要介绍产品情况，包含产品的名称、型号、功能、可靠性先进做法，产品的技术先进水平（国际/国内）、客户满意度（客诉率）等，不超过500字，并附产品照片）',
    keywords: ['产品简介', '产品介绍', '照片', '图片', '相片', '字数', '多少字', 'photo', 'picture', 'product description'],
  },
  {
    id: 'form-bp-technology',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：可靠性技术',
    document: NOTICE,
    clause: '附件2 可靠性技术',
    text: '（简要列举产品应用的可靠性技术、方法或工具的基本情况）',
    keywords: ['可靠性技术', '方法', '工具'],
  },
  {
    id: 'form-bp-performance',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：关键性能',
    document: NOTICE,
    clause: '附件2 关键性能',
    text: '（介绍产品质量可靠性关键性能指标情况、竞品分析结果等，不超过1000字）',
    keywords: ['关键性能', '竞品', '字数', '多少字'],
  },
  {
    id: 'form-bp-benefit',
    seed: '001',
    title: '“最佳实践”推荐表（附件2）：工作效益',
    document: NOTICE,
    clause: '附件2 工作效益',
    text: '（介绍开展产品质量可靠性取得成效，不超过1000字）',
    keywords: ['工作效益', '成效', '字数', '多少字'],
  },
  {
    id: 'form-pledge',
    seed: '001',
    title: '推荐表：企业承诺申明',
    document: NOTICE,
    clause: '附件2、附件4 企业承诺申明',
    // The pledge with what follows it on the form: the head of the company signs and the company seals.
    text: '本企业提交的所有材料，均真实、有效，如有违反，愿承担由此产生的相应责任。\n企业负责人（签字）：\n（企业公章）',
    keywords: ['承诺', '申明', '签字', '负责人', '公章'],
  },
  {
    id: 'form-recommender-opinion',
    seed: '001',
    title: '推荐表：推荐单位栏',
    document: NOTICE,
    clause: '附件2 推荐单位意见',
    // The last box of the form, below the company's pledge and seal: the recommending bureau's opinion and seal.
    text: '推荐单位意见\n（推荐单位公章）',
    keywords: ['推荐单位', '推荐单位意见', '推荐单位公章', '盖章', '公章', '意见'],
  },
  {
    id: 'form-fmea-summary',
    seed: '001',
    title: 'FMEA应用典型案例推荐表（附件4）：案例简介',
    document: NOTICE,
    clause: '附件4 一、案例简介',
    text: '总体情况介绍，500字以内',
    keywords: ['FMEA', '案例简介', '字数', '多少字'],
  },
  {
    id: 'form-fmea-content',
    seed: '001',
    title: 'FMEA应用典型案例推荐表（附件4）：案例内容',
    document: NOTICE,
    clause: '附件4 二、案例内容',
    text: '（3000字以内）',
    keywords: ['FMEA', '案例内容', '案例策划', '案例实施', '案例成效', '案例先进性', '字数', '多少字'],
  },
];
