import { z } from 'zod/v4';
import { enterpriseSchema } from './common.js';

export { enterpriseSchema };

/**
 * The reliability-2024 submission: what an enterprise submits for the 最佳实践 programme.
 * This is a public contract (CLI `kekao assess`, the workbook reader, the REST API, the add-in).
 * Field names are English; all user-facing text comes from the rubric data.
 */

const finite = z.number().refine(Number.isFinite, { message: '必须是有限数值 / must be a finite number' });
const positive = finite.refine((v) => v > 0, { message: '必须大于 0 / must be greater than 0' });
const nonNegative = finite.refine((v) => v >= 0, { message: '不能为负数 / must not be negative' });

/**
 * A list of measurements, handed on as a densely packed array of plain numbers. zod builds the
 * arrays it returns as holey arrays of boxed numbers, so every metric loop would read each value
 * through a pointer; the copy (one pass at the boundary) lets V8 read them unboxed. Measured on
 * the benchmark submission: the Ic stages' moments about 4× faster, the integrity flags about 2×.
 */
const measurements = (element: z.ZodType<number, number>) => z.array(element).overwrite(packed);

function packed(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}

export const directionSchema = z.enum(['min', 'max']);
export type Direction = z.infer<typeof directionSchema>;

export const productSchema = z.object({
  name: z.string().min(1, '产品名称不能为空 / product name is required'),
  model: z.string().optional(),
  /** Product family selects the band policy (建议值（非官方）); default 'general'. */
  family: z.string().optional(),
});

/** Note (a) of the rubric: the seven basic requirements of the professional indicators. */
export const BASIC_REQUIREMENT_KEYS = ['parameterChoice', 'sampleState', 'sampleSize', 'fieldData', 'instruments', 'testPlan', 'resultData'] as const;
export type BasicRequirementKey = (typeof BASIC_REQUIREMENT_KEYS)[number];

export const basicRequirementsSchema = z.object({
  parameterChoice: z.boolean(),
  sampleState: z.boolean(),
  sampleSize: z.boolean(),
  fieldData: z.boolean(),
  instruments: z.boolean(),
  testPlan: z.boolean(),
  resultData: z.boolean(),
});

export const icStageSchema = z.object({
  /** 't0' = 出厂时 (t=0); any other label (e.g. 't1', 't2') = 使用一段时间后 (t>0). */
  stage: z.string().min(1),
  /** Usage (hours or the declared unit) before the measurement; 0 or absent for t0. */
  usageHours: nonNegative.optional(),
  values: measurements(finite),
});

export const icParameterSchema = z.object({
  name: z.string().min(1),
  unit: z.string().optional(),
  /** Instrument resolution: values finer than this are flagged (data-integrity check). */
  resolution: positive.optional(),
  stages: z.array(icStageSchema).min(1, '至少需要一个阶段 / at least one stage is required'),
});

export const degradationModelSchema = z.enum(['linear', 'exponential', 'power', 'logarithmic', 'auto']);
export type DegradationModelChoice = z.infer<typeof degradationModelSchema>;

export const idUnitSchema = z
  .object({
    id: z.string().min(1),
    times: measurements(nonNegative),
    values: measurements(finite),
  })
  .refine((u) => u.times.length === u.values.length, {
    message: 'times 与 values 长度必须相同 / times and values must have the same length',
    path: ['values'],
  });

export const idParameterSchema = z.object({
  name: z.string().min(1),
  unit: z.string().optional(),
  /** The spec limit the degradation must not cross (pseudo-failure threshold). */
  limit: finite,
  /** 'max': the value must stay ≤ limit (drift grows upward); 'min': must stay ≥ limit. */
  direction: directionSchema,
  /** Rated (design) life in the same time unit as `times`. */
  ratedLife: positive,
  /** Nominal/initial value the drift is measured from; default: each unit's value at its first time. */
  baseline: finite.optional(),
  model: degradationModelSchema.default('auto'),
  resolution: positive.optional(),
  units: z.array(idUnitSchema).min(1, '至少需要一个样品 / at least one unit is required'),
});

export const STRESS_CATEGORIES = [
  'high-temperature',
  'low-temperature',
  'thermal-cycling',
  'thermal-shock',
  'humidity',
  'vibration',
  'mechanical-shock',
  'drop',
  'salt-spray',
  'low-pressure',
  'supply-voltage',
  'overload',
  'emc',
  'esd',
  'dust-water',
  'uv',
  'chemical',
  'other',
] as const;
export type StressCategory = (typeof STRESS_CATEGORIES)[number];

export const stressSchema = z.object({
  category: z.enum(STRESS_CATEGORIES),
  level: finite.optional(),
  rated: finite.optional(),
  unit: z.string().optional(),
});

export const irScenarioSchema = z.object({
  name: z.string().min(1),
  stresses: z.array(stressSchema).default([]),
  /** The key-performance limit the samples are judged against in this scenario. */
  limit: finite,
  direction: directionSchema,
  parameter: z.string().optional(),
  unit: z.string().optional(),
  values: measurements(finite),
  resolution: positive.optional(),
});

export const exposureUnitSchema = z.enum(['units', 'unit-hours', 'unit-years']);

export const failurePeriodSchema = z.object({
  label: z.string().optional(),
  // An integer beyond 2^53 − 1 fails zod's int check as too_big: left to the parse's error map
  // ("too large"), since calling it "not an integer" would be wrong.
  failures: z
    .number()
    .int({ error: (iss) => (iss.code === 'too_big' || iss.code === 'too_small' ? undefined : '故障数必须是整数 / failures must be an integer') })
    .nonnegative('故障数不能为负 / failures must not be negative'),
  exposure: positive,
  exposureUnit: exposureUnitSchema.default('units'),
});

export const rawScoreSchema = z.object({
  raw: finite.refine((v) => v >= 0 && v <= 100, { message: '原始得分须在 0–100 之间 / raw score must be within 0–100' }),
  reason: z.string().optional(),
});

export const INDICATOR_CODES = ['Ic', 'Id', 'Ir', 'W', 'C', 'G'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export const reliabilitySubmissionSchema = z.object({
  rubric: z.literal('reliability-2024'),
  enterprise: enterpriseSchema,
  product: productSchema,
  recommendingUnit: z.string().optional(),
  basicRequirements: basicRequirementsSchema.partial().optional(),
  ic: z.object({ parameters: z.array(icParameterSchema) }).optional(),
  id: z.object({ parameters: z.array(idParameterSchema) }).optional(),
  ir: z.object({ scenarios: z.array(irScenarioSchema) }).optional(),
  w: z
    .object({
      before: failurePeriodSchema,
      after: failurePeriodSchema,
      /** Optional target for the after-period rate (band policy otherwise). */
      targetRate: positive.optional(),
    })
    .optional(),
  /** Free-text evidence for C (创新性) and G (可推广性); they are judged by a person. */
  narrative: z.object({ innovation: z.string().optional(), promotion: z.string().optional() }).optional(),
  scores: z.partialRecord(z.enum(INDICATOR_CODES), rawScoreSchema).optional(),
  fraud: z.partialRecord(z.enum(INDICATOR_CODES), z.boolean()).optional(),
});

export type ReliabilitySubmission = z.infer<typeof reliabilitySubmissionSchema>;
export type ReliabilitySubmissionInput = z.input<typeof reliabilitySubmissionSchema>;
export type IcParameter = z.infer<typeof icParameterSchema>;
export type IdParameter = z.infer<typeof idParameterSchema>;
export type IdUnit = z.infer<typeof idUnitSchema>;
export type IrScenario = z.infer<typeof irScenarioSchema>;
export type FailurePeriod = z.infer<typeof failurePeriodSchema>;
export type RawScore = z.infer<typeof rawScoreSchema>;
