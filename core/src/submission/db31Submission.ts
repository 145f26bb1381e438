import { z } from 'zod/v4';
import { enterpriseSchema, rawScoreInPointsSchema } from './common.js';

const money = z.number().refine(Number.isFinite, { message: '必须是有限数值 / must be a finite number' });

/** 12-month financial figures (万元) before and after the project — DB31/T 1368 Table A.1. */
export const db31FinancialsSchema = z.object({
  sales: money.optional(),
  profit: money.optional(),
  /** 节能降耗 / cost reduction (counts toward the indirect economic benefit). */
  costReduction: money.optional(),
  /** 创汇节汇 / foreign-exchange earned or saved, in RMB. */
  forexSaving: money.optional(),
  other: money.optional(),
});

/**
 * A DB31/T 1368—2022 quality-breakthrough (质量攻关) project submission.
 */
export const db31SubmissionSchema = z.object({
  rubric: z.literal('db31-1368-2022'),
  enterprise: enterpriseSchema,
  project: z.object({
    name: z.string().min(1, '项目名称不能为空 / project name is required'),
    category: z.string().optional(),
    investment: money.optional(),
    level: z.enum(['international-or-domestic-leading', 'above-industry', 'industry-average']).optional(),
  }),
  financials: z.object({ before: db31FinancialsSchema, after: db31FinancialsSchema }).optional(),
  /** Resource use / pollutant / carbon figure before and after (same unit); reduction is computed. */
  ecology: z.object({ indicator: z.string().optional(), before: money, after: money }).optional(),
  scores: z.record(z.string(), rawScoreInPointsSchema).optional(),
  fraud: z.boolean().optional(),
});
export type Db31Submission = z.infer<typeof db31SubmissionSchema>;
