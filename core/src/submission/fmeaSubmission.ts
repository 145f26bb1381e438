import { z } from 'zod/v4';
import { enterpriseSchema, rawScoreInPointsSchema } from './common.js';

/**
 * The FMEA typical-case submission (2025 notice, Annex 3/4). Scores are in points of each
 * item's standard score (5 or 10); the rubric's percentage bands apply per item.
 */
export const fmeaSubmissionSchema = z.object({
  rubric: z.literal('fmea-case-2025'),
  enterprise: enterpriseSchema,
  case: z.object({
    name: z.string().min(1, '案例名称不能为空 / case name is required'),
    type: z.enum(['DFMEA', 'PFMEA', 'other']).optional(),
    summary: z.string().max(500, '案例简介不超过500字 / case summary is limited to 500 characters').optional(),
    content: z.string().max(3000, '案例内容不超过3000字 / case content is limited to 3000 characters').optional(),
  }),
  recommendingUnit: z.string().optional(),
  /** Per item id (see core/src/rubrics/fmeaCase2025.ts): points awarded by a person. */
  scores: z.record(z.string(), rawScoreInPointsSchema).optional(),
  fraud: z.boolean().optional(),
});
export type FmeaSubmission = z.infer<typeof fmeaSubmissionSchema>;
