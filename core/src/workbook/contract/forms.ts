/**
 * The form fields of the 推荐表 sheet, one per row: 附件2 (best practice), 附件4 (FMEA case) and
 * DB31/T 1368—2022 表A.1 (breakthrough project).
 */
import { DB31_CATEGORY_OPTIONS, DB31_LEVEL_OPTIONS, DB31_SIZE_OPTIONS, FMEA_TYPE_OPTIONS, PROVINCE_OPTIONS, YES_NO_OPTIONS } from './enumOptions.js';
import type { EnumOption, FormFieldSpec, FormFieldType } from './specTypes.js';

type FieldDef = Omit<FormFieldSpec, 'cell' | 'labelCell' | 'counterCell'>;
export const FORM_FIRST_ROW = 4;

function field(
  key: string,
  label: string,
  labelEn: string,
  type: FormFieldType,
  opts: { required?: boolean; maxLength?: number; enumValues?: readonly EnumOption[]; target?: string; hint?: string } = {},
): FieldDef {
  return {
    key,
    label,
    labelEn,
    type,
    required: opts.required ?? false,
    maxLength: opts.maxLength,
    enumValues: opts.enumValues,
    target: opts.target,
    hint: opts.hint ?? '',
  };
}

/** Lays the fields out one per row from FORM_FIRST_ROW: label in A, value in B, counter/check in C. */
function layout(defs: FieldDef[]): FormFieldSpec[] {
  return defs.map((d, i) => {
    const row = FORM_FIRST_ROW + i;
    const hasCounter = d.maxLength !== undefined || d.type === 'uscc';
    return { ...d, cell: `B${row}`, labelCell: `A${row}`, counterCell: hasCounter ? `C${row}` : undefined };
  });
}

const commonContact = (): FieldDef[] => [
  field('contact', '联系人', 'Contact person', 'text'),
  field('phone', '联系电话', 'Phone', 'text'),
  field('position', '职务/职称', 'Position / title', 'text'),
  field('email', '电子邮箱', 'E-mail', 'text'),
];

const location = (): FieldDef[] => [
  field('province', '所在省（市）', 'Province', 'enum', { enumValues: PROVINCE_OPTIONS, target: 'enterprise.province' }),
  field('city', '所在市', 'City', 'text', { target: 'enterprise.city' }),
  field('district', '所在区（县）', 'District', 'text', { target: 'enterprise.district' }),
];

/** 附件2 产品质量可靠性创新“最佳实践”推荐表. */
export const BEST_PRACTICE_FORM: readonly FormFieldSpec[] = layout([
  field('productName', '推荐产品', 'Recommended product', 'text', { required: true, target: 'product.name' }),
  field('productModel', '产品型号', 'Model', 'text', { target: 'product.model' }),
  field('productFamily', '产品族（评分建议口径）', 'Product family (band policy)', 'text', { target: 'product.family', hint: '留空 = general（通用）' }),
  field('enterpriseName', '企业名称', 'Enterprise name', 'text', { required: true, target: 'enterprise.name' }),
  field('recommendingUnit', '推荐单位', 'Recommending unit', 'text', { target: 'recommendingUnit' }),
  ...location(),
  field('address', '企业地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('registeredOn', '企业注册时间', 'Registered on', 'date'),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  ...commonContact(),
  field('enterpriseIntro', '企业简介', 'Enterprise profile', 'multiline', {
    maxLength: 500,
    hint: '企业类型、发展状况、行业地位、市场占有率、获得奖项荣誉等，不超过500字',
  }),
  field('productIntro', '产品简介', 'Product profile', 'multiline', {
    maxLength: 500,
    hint: '名称、型号、功能、可靠性先进做法、技术先进水平、客户满意度等，不超过500字，并附产品照片',
  }),
  field('reliabilityTechniques', '可靠性技术', 'Reliability techniques', 'multiline', { hint: '简要列举产品应用的可靠性技术、方法或工具' }),
  field('keyPerformance', '关键性能', 'Key performance', 'multiline', { maxLength: 1000, hint: '关键性能指标情况、竞品分析结果等，不超过1000字' }),
  field('benefits', '工作效益', 'Benefits', 'multiline', { maxLength: 1000, hint: '开展产品质量可靠性工作取得的成效，不超过1000字' }),
  field('innovation', '创新性说明（C）', 'Innovation evidence (C)', 'multiline', { target: 'narrative.innovation', hint: '评分依据：可靠性技术与方法的创新' }),
  field('promotion', '可推广性说明（G）', 'Promotability evidence (G)', 'multiline', {
    target: 'narrative.promotion',
    hint: '评分依据：对行业的引领和借鉴意义',
  }),
  field('otherNotes', '其他说明', 'Other notes', 'multiline', { hint: '其他与本次推荐产品相关的说明' }),
]);

/** 附件4 FMEA应用典型案例推荐表. */
export const FMEA_FORM: readonly FormFieldSpec[] = layout([
  field('caseName', '案例名称', 'Case name', 'text', { required: true, target: 'case.name' }),
  field('caseType', '案例类型', 'Case type', 'enum', { enumValues: FMEA_TYPE_OPTIONS, target: 'case.type' }),
  field('enterpriseName', '推荐企业', 'Enterprise', 'text', { required: true, target: 'enterprise.name' }),
  field('recommendingUnit', '推荐单位', 'Recommending unit', 'text', { target: 'recommendingUnit' }),
  ...location(),
  field('address', '企业地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  ...commonContact(),
  field('summary', '案例简介', 'Case summary', 'multiline', { maxLength: 500, target: 'case.summary', hint: '总体情况介绍，500字以内' }),
  field('content', '案例内容', 'Case content', 'multiline', {
    maxLength: 3000,
    target: 'case.content',
    hint: '案例策划、案例实施、案例成效、案例先进性、其他说明（3000字以内）',
  }),
]);

/** DB31/T 1368—2022 表A.1 上海市重点产品质量攻关项目登记表. */
export const BREAKTHROUGH_FORM: readonly FormFieldSpec[] = layout([
  field('projectName', '项目名称', 'Project name', 'text', { required: true, target: 'project.name' }),
  field('category', '项目类别', 'Project category', 'enum', { enumValues: DB31_CATEGORY_OPTIONS, target: 'project.category' }),
  field('enterpriseName', '单位名称（全称）', 'Organisation (full name)', 'text', { required: true, target: 'enterprise.name' }),
  field('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', { target: 'enterprise.uscc', hint: '18位，GB 32100—2015 校验' }),
  field('legalRepresentative', '法人代表', 'Legal representative', 'text'),
  field('organisationType', '组织性质', 'Type of organisation', 'text'),
  field('size', '组织规模', 'Organisation size', 'enum', {
    enumValues: DB31_SIZE_OPTIONS,
    target: 'enterprise.size',
    hint: '小微企业的间接经济效益门槛不同（表B.1）',
  }),
  field('industry', '所属行业', 'Industry', 'text'),
  field('strategicEmerging', '是否属于战略性新兴产业', 'Strategic emerging industry', 'boolean', { enumValues: YES_NO_OPTIONS }),
  field('district', '所在区', 'District', 'text', { target: 'enterprise.district' }),
  field('address', '单位地址', 'Address', 'text', { target: 'enterprise.address' }),
  field('phone', '电话', 'Phone', 'text'),
  field('contact', '联系人', 'Contact person', 'text'),
  field('mobile', '手机', 'Mobile', 'text'),
  field('email', '邮箱', 'E-mail', 'text'),
  field('level', '项目先进水平', 'Project level', 'enum', { enumValues: DB31_LEVEL_OPTIONS, target: 'project.level' }),
  field('intro', '组织及攻关产品基本情况介绍', 'Organisation and product', 'multiline'),
  field('background', '项目背景意义', 'Background and significance', 'multiline'),
  field('objective', '质量攻关目标', 'Objectives', 'multiline'),
  field('investment', '项目投资（万元）', 'Investment (10k CNY)', 'number', { target: 'project.investment', hint: '与提高产品质量有直接关系的攻关费用' }),
  field('qualityLevel', '产品质量水平', 'Product quality level', 'multiline'),
  field('innovationText', '质量创新程度（含技术路线）', 'Quality innovation (incl. technical route)', 'multiline', {
    hint: '主要问题及技术路线、攻关成果及创新点',
  }),
  field('directBenefit', '直接经济效益', 'Direct economic benefit', 'multiline'),
  field('indirectBenefit', '间接经济效益', 'Indirect economic benefit', 'multiline'),
  field('green', '绿色指标', 'Green indicators', 'multiline'),
  field('social', '社会效益', 'Social benefit', 'multiline'),
]);
