/**
 * Readers for `IndicatorAssessment.metrics`, which core types loosely (Record<string, unknown>):
 * the task pane's tables, the 评分表 summary and the chart blocks all read it through these, so a
 * missing or mistyped field is skipped the same way everywhere.
 */
export type MetricObject = Record<string, unknown>;

/** A list of metric objects; anything that is not an array reads as empty. */
export function metricList(v: unknown): MetricObject[] {
  return Array.isArray(v) ? (v as MetricObject[]) : [];
}

/** A finite number, else null (printed "—"). */
export function metricNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
