import { z } from 'zod/v4';
import { assistanceApplicationSchema, assistanceKpiInputSchema, NON_QUALITY_MATTERS, RISK_FACTORS, SUPERVISION_TRIGGER_SOURCES } from '@kekao/core';
import { STATUSES } from '../workflow/statuses.js';

/**
 * Request and response bodies of /api/v1. The handlers validate with these schemas and the
 * OpenAPI document is generated from them (`z.toJSONSchema`), so the two cannot drift apart.
 */

const id = z.string().uuid('须为 UUID / must be a UUID');
const nonBlank = (zh: string, en: string, max = 2000) =>
  z.string().trim().min(1, `${zh}不能为空 / ${en} is required`).max(max, `${zh}不超过 ${max} 字 / ${en} is limited to ${max} characters`);

/** Path parameters: an entry or case is named by its UUID, a campaign by a short code such as `2025`. */
export const uuidParamsSchema = z.object({ id: z.uuid('须为 UUID / must be a UUID') });
export const campaignParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '活动编号只含字母、数字、_ 和 -（不超过 64 个）/ a campaign id has letters, digits, _ and - only (at most 64)'),
});

export const statusSchema = z.enum(STATUSES).meta({ description: '申报状态 / submission status' });

export const submissionQuerySchema = z.object({
  campaign: z.string().min(1).optional().meta({ description: '活动编号（默认：最新一年）/ campaign id, default the newest' }),
});

export const listQuerySchema = z.object({
  campaign: z.string().min(1).optional(),
  status: statusSchema.optional(),
  kind: z.enum(['reliability-2024', 'fmea-case-2025', 'db31-1368-2022']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const transitionBodySchema = z
  .object({
    to: statusSchema,
    note: z.string().trim().max(2000, '备注不超过 2000 字 / the note is limited to 2000 characters').optional(),
    /** Officers only: moves a deadline-bound step after the campaign deadline. */
    override: z.object({ reason: nonBlank('超期办理理由', 'override reason') }).optional(),
    /** Optimistic concurrency: the version the caller saw; refused with 409 if it moved on. */
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict();
export type TransitionBody = z.infer<typeof transitionBodySchema>;

export const assignmentBodySchema = z.object({ reviewerId: id }).strict();

export const reviewScoreSchema = z
  .object({
    raw: z.number().refine(Number.isFinite, '必须是有限数值 / must be a finite number'),
    reason: z.string().trim().max(2000).optional(),
    /** Rubric note (d): data fraud sets this indicator to 0; a person decides it. */
    fraud: z.boolean().optional(),
  })
  .strict();

export const reviewBodySchema = z
  .object({
    scores: z.record(z.string().min(1).max(20), reviewScoreSchema).refine((s) => Object.keys(s).length > 0, '至少给出一项评分 / give at least one score'),
  })
  .strict();
export type ReviewBody = z.infer<typeof reviewBodySchema>;

const placeSchema = z.object({
  province: nonBlank('省份', 'province', 20),
  city: z.string().trim().max(40).optional(),
  district: z.string().trim().max(40).optional(),
});

export const assistanceCreateSchema = z
  .object({
    enterprise: placeSchema.extend({ uscc: z.string().trim().max(18).optional() }),
    /** Annex A.1 质量技术帮扶申请表. */
    application: assistanceApplicationSchema,
    trigger: z.enum(['application', 'supervision']),
    supervision: z
      .object({
        supervisionSources: z.array(z.enum(SUPERVISION_TRIGGER_SOURCES)).default([]),
        riskFactors: z.array(z.enum(RISK_FACTORS)).default([]),
        riskGrade: z.enum(['high', 'low']).optional(),
      })
      .optional(),
    /** What the officer found when checking an application (guide §7.2.2). */
    review: z.object({ claimsVerified: z.boolean().optional(), nonQualityMatter: z.enum(NON_QUALITY_MATTERS).optional() }).optional(),
  })
  .strict();
export type AssistanceCreateBody = z.infer<typeof assistanceCreateSchema>;

/** A 帮扶清单 line (guide table D.1) with its quantitative target (table D.2). */
export const assistanceItemSchema = z
  .object({
    serviceType: nonBlank('服务类型', 'service type', 100),
    problemTypes: z.array(z.string().trim().min(1)).default([]),
    content: nonBlank('服务内容', 'service content'),
    responsible: nonBlank('负责机构/专家', 'responsible body/expert', 200),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }).refine((p) => p.to >= p.from, {
      message: '结束日期不能早于开始日期 / the end date cannot precede the start date',
      path: ['to'],
    }),
    targets: z
      .array(
        z.object({
          indicator: nonBlank('量化指标', 'indicator', 200),
          op: z.enum(['>=', '<=']),
          value: z.number().refine(Number.isFinite, '必须是有限数值 / must be a finite number'),
          unit: z.string().trim().max(20).optional(),
          actual: z.number().refine(Number.isFinite, '必须是有限数值 / must be a finite number').optional(),
        }),
      )
      .min(1, '每项须至少有一个量化目标 / each item needs at least one quantitative target'),
    verification: z.string().trim().max(500).optional(),
    supervisingDepartment: z.string().trim().max(200).optional(),
    status: z.enum(['planned', 'in-progress', 'done']).default('planned'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

const recordSection = z.object({ status: z.enum(['已完成', '待改进']), text: z.string().trim().max(5000).default('') });

/** 帮扶工作记录表 (guide table E.1). */
export const assistanceRecordSchema = z
  .object({
    visitDate: z.iso.date(),
    experts: z.array(z.string().trim().min(1)).min(1, '请填写专家组成员 / list the expert team'),
    diagnosis: recordSection,
    nonconformingProducts: recordSection,
    rectification: recordSection,
    managementImprovement: recordSection,
    recheck: z.object({ status: z.enum(['无需复查', '尚未复查', '复查合格', '复查不合格']), text: z.string().trim().max(5000).default('') }),
    suggestions: z.array(z.string().trim().min(1)).default([]),
    improvement: z.string().trim().max(5000).default(''),
  })
  .strict();

export const assistanceUpdateSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    addItems: z.array(assistanceItemSchema).max(100).optional(),
    updateItems: z
      .array(z.object({ id, item: assistanceItemSchema }))
      .max(100)
      .optional(),
    addRecords: z.array(assistanceRecordSchema).max(50).optional(),
    kpiInput: assistanceKpiInputSchema.optional(),
    close: z.object({ reason: nonBlank('结案说明', 'closing note') }).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), '请求中没有任何修改 / the request changes nothing');
export type AssistanceUpdateBody = z.infer<typeof assistanceUpdateSchema>;

export const exportQuerySchema = z.object({
  campaign: z.string().min(1).optional(),
  kind: z.enum(['reliability-2024', 'fmea-case-2025', 'db31-1368-2022']).default('reliability-2024'),
  /** Narrow an officer's or the secretariat's scope to one province. */
  province: z.string().min(1).optional(),
});

// ─── responses (documentation) ───

export const errorResponseSchema = z.object({
  error: z.object({
    key: z.string().meta({ description: '稳定的英文标识 / stable English key' }),
    zh: z.string(),
    en: z.string(),
    path: z.string().optional().meta({ description: '出错字段的路径 / path of the offending field' }),
    issues: z.array(z.object({ path: z.string(), key: z.string(), zh: z.string(), en: z.string() })).optional(),
  }),
});

export const historyEntrySchema = z.object({
  from: statusSchema.nullable(),
  to: statusSchema,
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  at: z.string(),
  note: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const submissionSummarySchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string().nullable() }),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  subjectName: z.string(),
  recommendingUnit: z.string().nullable(),
  status: statusSchema,
  version: z.number().int(),
  total: z.number(),
  nextStatuses: z.array(statusSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const submissionDetailSchema = submissionSummarySchema.extend({
  evidence: z.record(z.string(), z.unknown()).meta({ description: '申报内容（submission）' }),
  assessment: z.record(z.string(), z.unknown()).meta({ description: 'core 的评估结果 / the core assessment' }),
  registryCheck: z
    .array(
      z.object({
        field: z.enum(['enterprise.name', 'enterprise.uscc']),
        stated: z.string(),
        registered: z.string(),
        zh: z.string(),
        en: z.string(),
      }),
    )
    .meta({
      description:
        '需核实：申报材料与登记信息不一致之处（导出以登记信息为准） / where the evidence differs from the registered organisation (exports show the registered data)',
    }),
  readWarnings: z.array(z.record(z.string(), z.unknown())),
  source: z.enum(['json', 'xlsx']),
  fileName: z.string().nullable(),
  history: z.array(historyEntrySchema),
});

export const statusResponseSchema = z.object({
  id: z.string(),
  status: statusSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  nextStatuses: z.array(statusSchema),
  deadline: z.object({ date: z.string(), passed: z.boolean(), daysLeft: z.number().int() }),
});
