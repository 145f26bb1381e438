import { z } from 'zod/v4';

/**
 * Band policy: the numeric thresholds kekao uses to SUGGEST a band. The rubric (沪市监产质〔2024〕124号
 * 附表) gives only words (很好 / 较好 / 较大 …); these numbers are kekao's defaults, shown in the UI as
 * 建议值（非官方）, and every one is configurable per product family.
 */
export const bandPolicySchema = z.object({
  family: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  ic: z.object({
    /** CV at or below this is 很好 (very good consistency). */
    excellentCv: z.number().positive(),
    /** CV at or below this is 较好 (good consistency). */
    goodCv: z.number().positive(),
    /** Fewer samples than this in a stage draws a small-sample warning. */
    minSamples: z.number().int().positive(),
    /** A t>0 stage counts only after at least this much use (hours). */
    minUsageHours: z.number().nonnegative(),
  }),
  id: z.object({
    /** Minimum R² for a path form to count as an effective degradation model. */
    minR2: z.number().min(0).max(1),
    /** Share of the allowed drift consumed at rated life: ≤ this is 很小. */
    verySmallShare: z.number().positive(),
    /** ≤ this is 较小 (does not affect function and performance). */
    smallShare: z.number().positive(),
    /** Units below this count draw a warning. */
    minUnits: z.number().int().positive(),
    /** Test duration below this fraction of rated life draws an extrapolation warning. */
    minDurationShare: z.number().min(0).max(1),
  }),
  ir: z.object({
    excellent: z.object({ scenarios: z.number().int(), categories: z.number().int(), samples: z.number().int(), meanSeverity: z.number() }),
    good: z.object({ scenarios: z.number().int(), categories: z.number().int(), samples: z.number().int() }),
    /** The rubric's own minimum: 极限应用场景不少于 3 种. */
    minimumScenarios: z.number().int(),
  }),
  w: z.object({
    /** Reduction of the failure rate (1 − after/before) at or above this, and significant, is 很少. */
    excellentReduction: z.number().min(0).max(1),
    goodReduction: z.number().min(0).max(1),
    /** Significance level for "the reduction is real" (exact rate-ratio test). */
    alpha: z.number().min(0).max(1),
  }),
  confidence: z.number().min(0.5).max(0.999),
});
export type BandPolicy = z.infer<typeof bandPolicySchema>;

const UNOFFICIAL = { zh: '建议值（非官方）', en: 'suggested values (unofficial)' };

const generalPolicy: BandPolicy = {
  family: 'general',
  label: UNOFFICIAL,
  ic: { excellentCv: 0.01, goodCv: 0.03, minSamples: 10, minUsageHours: 100 },
  id: { minR2: 0.9, verySmallShare: 0.3, smallShare: 0.7, minUnits: 5, minDurationShare: 0.2 },
  ir: {
    excellent: { scenarios: 8, categories: 6, samples: 3, meanSeverity: 1.1 },
    good: { scenarios: 5, categories: 4, samples: 2 },
    minimumScenarios: 3,
  },
  w: { excellentReduction: 0.5, goodReduction: 0.3, alpha: 0.05 },
  confidence: 0.95,
};

/** Default policies per product family; `general` applies when the family is unknown. */
export const DEFAULT_BAND_POLICIES: Record<string, BandPolicy> = {
  general: generalPolicy,
  electronic: { ...generalPolicy, family: 'electronic', ic: { ...generalPolicy.ic, excellentCv: 0.005, goodCv: 0.02 } },
  mechanical: { ...generalPolicy, family: 'mechanical', ic: { ...generalPolicy.ic, excellentCv: 0.02, goodCv: 0.05 } },
  material: { ...generalPolicy, family: 'material', ic: { ...generalPolicy.ic, excellentCv: 0.03, goodCv: 0.08 } },
};

export type BandPolicyOverride = {
  [K in keyof BandPolicy]?: BandPolicy[K] extends Record<string, unknown> ? Partial<BandPolicy[K]> : BandPolicy[K];
};

/** The policy for a product family, with optional overrides (validated, so a bad config fails loudly). */
export function resolveBandPolicy(family: string | undefined, override?: BandPolicyOverride): BandPolicy {
  const base = DEFAULT_BAND_POLICIES[family ?? 'general'] ?? generalPolicy;
  if (!override) return base;
  const merged = {
    ...base,
    ...override,
    ic: { ...base.ic, ...override.ic },
    id: { ...base.id, ...override.id },
    ir: { ...base.ir, ...override.ir },
    w: { ...base.w, ...override.w },
    label: base.label,
  };
  return bandPolicySchema.parse(merged);
}
