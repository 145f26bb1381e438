import { z } from 'zod/v4';
import type { Note } from '@kekao/core/i18n';

/**
 * Tolerant readers of `IndicatorAssessment.metrics` (a `Record<string, unknown>` filled by the
 * metric modules). Each field is parsed on its own: a missing, null or mistyped value becomes
 * null (printed "—"), so one odd field never hides the rest of the report.
 */

const num = z
  .number()
  .nullish()
  .catch(null)
  .transform((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
const str = z
  .string()
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);
const bool = z
  .boolean()
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

/** A reason attached to a null metric: a Note, a plain string, or a list of either. */
const noteLike = z.union([z.object({ key: z.string().optional(), zh: z.string(), en: z.string() }), z.string()]);
const reasonField = z
  .union([noteLike, z.array(noteLike)])
  .nullish()
  .catch(null)
  .transform((v): Note[] => {
    if (v === null || v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((n) => (typeof n === 'string' ? { key: 'metric.undefined', zh: n, en: n } : { key: n.key ?? 'metric.undefined', zh: n.zh, en: n.en }));
  });

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((items) =>
      (items ?? [])
        .map((i) => item.safeParse(i))
        .filter((r) => r.success)
        .map((r) => r.data as z.output<T>),
    );

const icStageView = z.object({
  stage: z
    .union([z.string(), z.number()])
    .nullish()
    .catch(null)
    .transform((v) => (v === null || v === undefined ? '' : String(v))),
  usageHours: num,
  n: num,
  mean: num,
  sd: num,
  cv: num,
  cvLower: num,
  cvUpper: num,
  /** Confidence level of the interval (0.95), when the metric states it. */
  confidence: num,
  undefinedReason: reasonField,
  reason: reasonField,
  warnings: reasonField,
});
const icParameterView = z.object({ name: z.string().catch('?'), unit: str, stages: list(icStageView) });
export const icMetricsView = z.object({ parameters: list(icParameterView) });
export type IcMetricsView = z.output<typeof icMetricsView>;
export type IcStageView = z.output<typeof icStageView>;

const idUnitView = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  model: str,
  a: num,
  b: num,
  r2: num,
  pseudoFailureTime: num,
  driftAtRatedLife: num,
  driftShare: num,
  undefinedReason: reasonField,
  reason: reasonField,
  warnings: reasonField,
});
const idParameterView = z.object({
  name: z.string().catch('?'),
  unit: str,
  limit: num,
  direction: str,
  ratedLife: num,
  model: str,
  /** The effective degradation model: a model name, true/false, or null when there is none. */
  effectiveModel: z
    .union([z.string(), z.boolean()])
    .nullish()
    .catch(null)
    .transform((v) => v ?? null),
  units: list(idUnitView),
  undefinedReason: reasonField,
  reason: reasonField,
});
export const idMetricsView = z.object({ parameters: list(idParameterView) });
export type IdMetricsView = z.output<typeof idMetricsView>;
export type IdParameterView = z.output<typeof idParameterView>;
export type IdUnitView = z.output<typeof idUnitView>;

const irScenarioView = z.object({
  name: z.string().catch('?'),
  n: num,
  margins: z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((v) => (v ?? []).map((m) => (typeof m === 'number' && Number.isFinite(m) ? m : null))),
  worstMargin: num,
  pass: bool,
  undefinedReason: reasonField,
  reason: reasonField,
  warnings: reasonField,
});
export const irMetricsView = z.object({ scenarioCount: num, scenarios: list(irScenarioView) });
export type IrMetricsView = z.output<typeof irMetricsView>;

const ratePeriodView = z
  .object({ failures: num, exposure: num, rate: num, rateLower: num, rateUpper: num, undefinedReason: reasonField, reason: reasonField })
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);
export const wMetricsView = z.object({
  before: ratePeriodView,
  after: ratePeriodView,
  reduction: num,
  rateRatio: num,
  rateRatioLower: num,
  rateRatioUpper: num,
  pValue: num,
  confidence: num,
  undefinedReason: reasonField,
  reason: reasonField,
  reasons: reasonField,
});
export type WMetricsView = z.output<typeof wMetricsView>;
export type RatePeriodView = NonNullable<z.output<typeof ratePeriodView>>;

/** Parses metrics with a view schema; null when the metrics are not an object at all. */
export function readMetrics<T extends z.ZodType>(view: T, metrics: unknown): z.output<T> | null {
  if (metrics === null || typeof metrics !== 'object') return null;
  const parsed = view.safeParse(metrics);
  return parsed.success ? (parsed.data as z.output<T>) : null;
}

/**
 * The notes attached to a metric row: why it is undefined (`undefinedReason` / `reason` /
 * `reasons`, the spellings the metric modules use) and its own warnings (e.g. an extrapolated
 * pseudo-failure time). Duplicates (same key and text) are listed once.
 */
export function reasonsOf(v: { undefinedReason: Note[]; reason: Note[]; reasons?: Note[]; warnings?: Note[] } | null | undefined): Note[] {
  if (!v) return [];
  const all = [...v.undefinedReason, ...v.reason, ...(v.reasons ?? []), ...(v.warnings ?? [])];
  const seen = new Set<string>();
  return all.filter((n) => {
    const id = `${n.key}\u0000${n.zh}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
