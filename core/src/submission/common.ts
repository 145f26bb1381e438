import { z } from 'zod/v4';

export const finiteNumber = z.number().refine(Number.isFinite, { message: '必须是有限数值 / must be a finite number' });

export const enterpriseSchema = z.object({
  name: z.string().min(1, '企业名称不能为空 / enterprise name is required'),
  uscc: z.string().optional(),
  province: z.string().optional(),
  city: z.string().optional(),
  district: z.string().optional(),
  address: z.string().optional(),
  /** Enterprise size (DB31/T 1368 Table B.1 indirect-benefit thresholds differ for small/micro). */
  size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** A score in points entered by a person (FMEA and DB31 items); the item maximum is checked by scoring. */
export const rawScoreInPointsSchema = z.object({
  raw: finiteNumber.refine((v) => v >= 0, { message: '得分不能为负 / score must not be negative' }),
  reason: z.string().optional(),
});
