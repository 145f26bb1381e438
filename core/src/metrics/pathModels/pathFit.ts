import { note, type Note } from '../../i18n/note.js';

/**
 * What every degradation path form returns (the forms: linear.ts, exponential.ts, power.ts,
 * logarithmic.ts; the method and sources: fitPath.ts).
 */
export type PathModel = 'linear' | 'exponential' | 'power' | 'logarithmic';

/** The four path forms, simplest first (ties in model selection go to the earlier one). */
export const PATH_MODELS: readonly PathModel[] = ['linear', 'exponential', 'power', 'logarithmic'];

export const PATH_MODEL_LABELS: Record<PathModel, { zh: string; en: string; formula: string }> = {
  linear: { zh: '线性', en: 'linear', formula: 'y = a + b·t' },
  exponential: { zh: '指数', en: 'exponential', formula: 'y = a·e^(b·t)' },
  power: { zh: '幂函数', en: 'power', formula: 'y = a·t^b' },
  logarithmic: { zh: '对数', en: 'logarithmic', formula: 'y = a + b·ln t' },
};

/** Minimum number of points for a path fit (two parameters plus one degree of freedom). */
export const MIN_PATH_POINTS = 3;

export interface PathFit {
  model: PathModel;
  applicable: true;
  a: number;
  b: number;
  /** R² on the original measurement scale (see fitPath.ts); null when SST = 0 or overflow. */
  r2: number | null;
  /** R² of the straight-line regression on the transformed scale; null when SST = 0. */
  r2Linearised: number | null;
  /** Number of points used in the fit (after exclusions). */
  n: number;
  /** Number of points excluded (t ≤ 0 for power and logarithmic). */
  excluded: number;
  /** Exclusions and undefined-metric explanations. */
  notes: Note[];
  /** The fitted path at time t; null where the model is undefined (t ≤ 0 for power/log) or overflows. */
  predict(t: number): number | null;
  /**
   * The time at which the fitted path equals y (each form is monotone in t, so there is at most
   * one); null when the path is flat, never takes the value y, or the time is not representable.
   * The result may be negative for linear/exponential paths (a crossing before t = 0).
   */
  solveTime(y: number): number | null;
}

export interface PathNotApplicable {
  model: PathModel;
  applicable: false;
  reason: Note;
}

export type PathFitResult = PathFit | PathNotApplicable;

export function notApplicable(model: PathModel, reason: Note): PathNotApplicable {
  return { model, applicable: false, reason };
}

export function orNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export const tooFewPoints = (model: PathModel, usable: number): Note =>
  note(
    'path.tooFewPoints',
    `拟合${PATH_MODEL_LABELS[model].zh}退化路径至少需要 ${MIN_PATH_POINTS} 个测量点，可用的只有 ${usable} 个。`,
    `a ${model} degradation path needs at least ${MIN_PATH_POINTS} points; only ${usable} usable.`,
  );

export const nonPositiveValue = (model: PathModel): Note =>
  note(
    'path.nonPositiveValue',
    `${PATH_MODEL_LABELS[model].zh}模型需要对测量值取对数，所有测量值必须大于 0。`,
    `the ${model} model takes ln of the values; every value must be greater than 0.`,
  );

export const excludedNonPositiveTime = (model: PathModel, excluded: number): Note =>
  note(
    'path.excludedNonPositiveTime',
    `${PATH_MODEL_LABELS[model].zh}模型需要 ln t，已排除 ${excluded} 个 t ≤ 0 的点（如 t = 0 的初始值）。`,
    `the ${model} model needs ln t; ${excluded} point(s) with t ≤ 0 (such as the initial value at t = 0) were excluded.`,
  );

export const constantTime = (): Note =>
  note('path.constantTime', '所有测量时间都相同，无法估计退化速率。', 'all measurement times are the same; the degradation rate cannot be estimated.');

export const overflow = (): Note =>
  note('path.overflow', '拟合系数超出可表示的数值范围。', 'the fitted coefficients are outside the representable number range.');
