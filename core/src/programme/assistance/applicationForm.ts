/** The Annex A.1 application form as questionnaire fields, and the schema of a completed application. */
import { z } from 'zod/v4';
import { ENTERPRISE_SIZES, enterpriseSizeOptions, NEED_TYPES, needOptions, PROBLEM_TYPES, problemTypeOptions } from './applicationOptions.js';
import type { Option } from './choiceOption.js';
import { PRODUCT_CATEGORIES, productCategoryOptions } from './productScope.js';

export type FormFieldType = 'text' | 'phone' | 'select' | 'multiselect' | 'boolean';

export interface AssistanceFormField {
  key: string;
  /** Label as printed on the form (zh) and its translation. */
  zh: string;
  en: string;
  required: boolean;
  type: FormFieldType;
  options?: readonly Option<string>[];
  /** Multi-line free text. */
  multiline?: boolean;
  /** Only asked when this other field has this value among its answers (e.g. 其他 ticked). */
  askWhen?: { field: string; includes: string };
  section: 'basic' | 'problem' | 'commitment' | 'remarks';
  /** 'A.1' = on the printed form; 'kekao' = added for the triage (not on the form). */
  origin: 'A.1' | 'kekao';
}

/**
 * Annex A.1 质量技术帮扶申请表 as questionnaire fields, in form order. The 质量问题及帮扶诉求 section
 * is marked 核心必填 on the form. `productCategory` is not on the form; kekao asks it because the
 * scope of term 3.1 decides whether the request can be taken at all.
 */
export const assistanceApplicationFields: readonly AssistanceFormField[] = [
  { key: 'orgName', zh: '单位名称（全称）', en: 'Organisation name (full)', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'address', zh: '生产 / 经营地址', en: 'Production / business address', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'contact', zh: '联系人/职务', en: 'Contact person / position', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'phone', zh: '联系电话', en: 'Phone', required: true, type: 'phone', section: 'basic', origin: 'A.1' },
  { key: 'industry', zh: '所属行业', en: 'Industry', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'size', zh: '企业规模', en: 'Enterprise size', required: true, type: 'select', options: enterpriseSizeOptions, section: 'basic', origin: 'A.1' },
  {
    key: 'productCategory',
    zh: '产品类别',
    en: 'Product category',
    required: true,
    type: 'select',
    options: productCategoryOptions,
    section: 'basic',
    origin: 'kekao',
  },
  {
    key: 'problemTypes',
    zh: '质量问题描述',
    en: 'Quality problem',
    required: true,
    type: 'multiselect',
    options: problemTypeOptions,
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'problemOther',
    zh: '其他（质量问题）',
    en: 'Other (quality problem)',
    required: false,
    type: 'text',
    askWhen: { field: 'problemTypes', includes: 'other' },
    section: 'problem',
    origin: 'A.1',
  },
  { key: 'problemDetails', zh: '具体表现', en: 'Details', required: true, type: 'text', multiline: true, section: 'problem', origin: 'A.1' },
  {
    key: 'needs',
    zh: '帮扶核心诉求',
    en: 'Core assistance needs',
    required: true,
    type: 'multiselect',
    options: needOptions,
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'needOther',
    zh: '其他（帮扶诉求）',
    en: 'Other (need)',
    required: false,
    type: 'text',
    askWhen: { field: 'needs', includes: 'other' },
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'measuresTaken',
    zh: '已采取的自查 / 整改措施（如有）',
    en: 'Self-inspection / rectification measures already taken (if any)',
    required: false,
    type: 'text',
    multiline: true,
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'willing',
    zh: '是否自愿配合帮扶工作并落实整改措施',
    en: 'Willing to cooperate with the assistance and carry out the rectification measures',
    required: true,
    type: 'boolean',
    section: 'commitment',
    origin: 'A.1',
  },
  {
    key: 'commitment',
    zh: '承诺：本单位所填信息真实有效，愿意提供必要的生产经营资料、配合现场核查及帮扶活动开展，执行帮扶方案中的改进要求。',
    en: 'Commitment: the information given is true and valid; we will provide the necessary production and business materials, cooperate with on-site verification and assistance activities, and carry out the improvement requirements of the assistance plan.',
    required: true,
    type: 'boolean',
    section: 'commitment',
    origin: 'A.1',
  },
  {
    key: 'evidence',
    zh: '附佐证材料清单（如检测报告、不合格通知书、企业自查报告等）',
    en: 'List of supporting evidence (e.g. test reports, nonconformity notices, self-inspection reports)',
    required: false,
    type: 'text',
    multiline: true,
    section: 'remarks',
    origin: 'A.1',
  },
];

/** Mainland China phone: mobile (1xxxxxxxxxx) or landline with area code, optional extension (*, -, 转). */
export function isChinesePhone(s: string): boolean {
  return /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}((\*|转|-|ext\.?)\d{1,6})?)$/.test(s.replace(/\s+/g, ''));
}

const requiredText = (label: string) => z.string().trim().min(1, `${label}不能为空 / ${label} is required`);

/** A completed A.1 application (validated answers to `assistanceApplicationFields`). */
export const assistanceApplicationSchema = z
  .object({
    orgName: requiredText('单位名称'),
    address: requiredText('生产/经营地址'),
    contact: requiredText('联系人/职务'),
    phone: z.string().refine(isChinesePhone, '联系电话格式不正确 / invalid phone number'),
    industry: requiredText('所属行业'),
    size: z.enum(ENTERPRISE_SIZES),
    productCategory: z.enum(PRODUCT_CATEGORIES),
    problemTypes: z.array(z.enum(PROBLEM_TYPES)).min(1, '请至少选择一项质量问题 / choose at least one quality problem'),
    problemOther: z.string().optional(),
    problemDetails: requiredText('具体表现'),
    needs: z.array(z.enum(NEED_TYPES)).min(1, '请至少选择一项帮扶诉求 / choose at least one need'),
    needOther: z.string().optional(),
    measuresTaken: z.string().optional(),
    willing: z.boolean(),
    commitment: z.boolean().refine((v) => v, '须确认承诺 / the commitment must be confirmed'),
    evidence: z.string().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.problemTypes.includes('other') && !a.problemOther?.trim()) {
      ctx.addIssue({ code: 'custom', message: '选择“其他”时须说明质量问题 / describe the other quality problem', path: ['problemOther'] });
    }
    if (a.needs.includes('other') && !a.needOther?.trim()) {
      ctx.addIssue({ code: 'custom', message: '选择“其他”时须说明帮扶诉求 / describe the other need', path: ['needOther'] });
    }
  });
export type AssistanceApplication = z.infer<typeof assistanceApplicationSchema>;
