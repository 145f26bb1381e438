import { note, type Note } from '../i18n/note.js';

/**
 * Degradation path models for the Id indicator (docs/architecture.md §3).
 *
 * Each model is fitted by ordinary least squares on the linearised form
 * (Meeker & Escobar 1998, *Statistical Methods for Reliability Data*, §13.2–13.3, simple
 * degradation paths; Montgomery, Peck & Vining, *Introduction to Linear Regression Analysis*,
 * §5.3 "transformations to a straight line"):
 *
 * | model        | path             | regression               | requirement             |
 * |--------------|------------------|--------------------------|-------------------------|
 * | linear       | y = a + b·t      | y on t                   | —                       |
 * | exponential  | y = a·e^(b·t)    | ln y on t  (a = e^c)     | every y > 0             |
 * | power        | y = a·t^b        | ln y on ln t (a = e^c)   | t > 0 and y > 0         |
 * | logarithmic  | y = a + b·ln t   | y on ln t                | t > 0                   |
 *
 * Points with t ≤ 0 are excluded (with a note) from the power and logarithmic fits, because
 * ln t is undefined there. Values ≤ 0 make the exponential/power forms not applicable.
 *
 * Goodness of fit:
 * - `r2` is the coefficient of determination on the ORIGINAL scale of the measurements,
 *   1 − SSE/SST with SSE = Σ(yᵢ − ŷᵢ)² of the back-transformed predictions and SST = Σ(yᵢ − ȳ)²
 *   (Kvålseth 1985, "Cautionary note about R²", Am. Stat. 39(4), eq. R²₁). Because every model
 *   is judged on the same y, the four forms compare fairly. For the transformed models it can
 *   be below the linearised R² and, in a bad fit, even negative.
 * - `r2Linearised` is the ordinary R² of the straight-line regression on the transformed scale
 *   (equal to `r2` for the linear model).
 * Both are `null` (with a note) when SST = 0, i.e. all values used are identical.
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
  /** R² on the original measurement scale (see module comment); null when SST = 0 or overflow. */
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

const finite = (v: number): boolean => Number.isFinite(v);
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function notApplicable(model: PathModel, reason: Note): PathNotApplicable {
  return { model, applicable: false, reason };
}

/**
 * One series of numbers divided by its largest magnitude (so that squares of extreme but finite
 * inputs cannot overflow), with the centred sums the least-squares line and the original-scale R²
 * need. Built at most once per unit and series and shared by every path form that uses it:
 * t by linear and exponential, ln t by power and logarithmic, ln y by exponential and (without
 * excluded points) power, y as regressand of linear/logarithmic and as the original scale of all
 * four. The arrays may be longer than `n` (reused scratch buffers); only the first `n` entries count.
 */
interface ScaledSeries {
  readonly n: number;
  readonly v: Float64Array;
  /** max |vᵢ| (0 when every value is 0). */
  readonly maxAbs: number;
  /** vᵢ / max|v| (vᵢ / 1 when max|v| = 0). Each quotient is computed once here, not in every pass. */
  readonly scaled: Float64Array;
  /** Mean of `scaled`. */
  readonly mean: number;
  /** Σ (scaledᵢ − mean)². */
  readonly ss: number;
  /** Every value equals the first. */
  readonly allEqual: boolean;
}

/** Scales the first n entries of v into `scaled` and sums them up (see ScaledSeries). */
function scaledSeries(v: Float64Array, n: number, scaled: Float64Array): ScaledSeries {
  const v0 = v[0]!;
  let maxAbs = 0;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    maxAbs = Math.max(maxAbs, Math.abs(x));
    if (x !== v0) allEqual = false;
  }
  const div = maxAbs === 0 ? 1 : maxAbs;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = v[i]! / div;
    scaled[i] = s;
    sum += s;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = scaled[i]! - mean;
    ss += d * d;
  }
  return { n, v, maxAbs, scaled, mean, ss, allEqual };
}

interface LineFit {
  intercept: number;
  slope: number;
  r2: number | null;
}

/**
 * Ordinary least-squares straight line Y = c + d·X (Draper & Smith 1998, *Applied Regression
 * Analysis*, §1.2): d = Sxy/Sxx, c = Ȳ − d·X̄, with centred sums of X and Y each divided by its
 * largest magnitude (ScaledSeries); the coefficients are rescaled afterwards. Returns 'flat-x'
 * when Sxx = 0 (all X equal) and null when a coefficient is not representable. The line's own R²
 * is computed only `withR2` (the linear form reports its original-scale R² in its place).
 */
function leastSquaresLine(x: ScaledSeries, y: ScaledSeries, withR2: boolean): LineFit | null | 'flat-x' {
  if (x.maxAbs === 0) return 'flat-x';
  const n = x.n;
  const xs = x.scaled;
  const ys = y.scaled;
  const mx = x.mean;
  const my = y.mean;
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (xs[i]! - mx) * (ys[i]! - my);
  const sxx = x.ss;
  if (!(sxx > 0)) return 'flat-x';
  const sx = x.maxAbs;
  const sy = y.maxAbs === 0 ? 1 : y.maxAbs;
  const dScaled = sxy / sxx;
  const cScaled = my - dScaled * mx;
  // Rescale: Y/sy = c' + d'·X/sx  ⇒  Y = c'·sy + (d'·sy/sx)·X.
  const slope = (dScaled * sy) / sx;
  const intercept = cScaled * sy;
  if (!finite(slope) || !finite(intercept) || !finite(dScaled)) return null;
  if (!withR2) return { intercept, slope, r2: null };
  // R² of the line on its own (transformed) scale: 1 − SSE/SST (Draper & Smith §1.3).
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i]! - (cScaled + dScaled * xs[i]!);
    sse += r * r;
  }
  const r2 = y.allEqual || !(y.ss > 0) ? null : orNull(1 - sse / y.ss);
  return { intercept, slope, r2 };
}

/** The series a path form regresses or is judged on (see the table in the module comment). */
const enum Series {
  Time,
  /** ln t over the points with t > 0. */
  LnTime,
  Value,
  LnValue,
  /** y over the points with t > 0. */
  ValueAtPositiveTime,
  /** ln y over the points with t > 0. */
  LnValueAtPositiveTime,
}
const SERIES_COUNT = 6;

/** Units up to this many points are prepared in the shared scratch buffers; longer ones get their own. */
const SCRATCH_MAX_POINTS = 4096;

/**
 * Buffers for preparing one unit: the input copied, ln t, ln y, the t > 0 subsets and one scaled
 * array per series. Allocating a dozen small typed arrays per unit cost more than the arithmetic,
 * so one workspace is reused for every unit (fits run synchronously, one unit at a time, and keep
 * only their coefficients — nothing in a result refers to these arrays).
 *
 * The time side (t, ln t and their scaled sums) depends on the times alone; it is kept from one
 * unit to the next while the times are identical (same length, same bits), as when every unit is
 * measured on the same schedule, so ln t and its sums are not recomputed per unit.
 */
class Workspace {
  readonly capacity: number;
  readonly t: Float64Array;
  readonly y: Float64Array;
  readonly lnT: Float64Array;
  readonly lnY: Float64Array;
  readonly yAtPositiveTime: Float64Array;
  readonly lnYAtPositiveTime: Float64Array;
  readonly scaled: Float64Array[];
  /** Number of times held in `t` (−1: none) and their time-side series, when computed. */
  timesLength = -1;
  time: ScaledSeries | undefined;
  lnTime: ScaledSeries | undefined;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.t = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.lnT = new Float64Array(capacity);
    this.lnY = new Float64Array(capacity);
    this.yAtPositiveTime = new Float64Array(capacity);
    this.lnYAtPositiveTime = new Float64Array(capacity);
    this.scaled = Array.from({ length: SERIES_COUNT }, () => new Float64Array(capacity));
  }
}

let sharedWorkspace: Workspace | undefined;

function workspaceFor(n: number): Workspace {
  if (n > SCRATCH_MAX_POINTS) return new Workspace(n);
  if (sharedWorkspace === undefined || sharedWorkspace.capacity < n) {
    sharedWorkspace = new Workspace(Math.min(SCRATCH_MAX_POINTS, Math.max(n, 128, 2 * (sharedWorkspace?.capacity ?? 0))));
  }
  return sharedWorkspace;
}

/**
 * A unit's measurements validated and transformed once for all four path forms: the checks run
 * in one pass, ln t (t > 0) and ln y are each taken at most once per point, the t > 0 subsets
 * are compacted once, and each series' scaled sums are memoised. Everything is computed on first
 * use, so a single-form `fitPath` does no work for the other forms. Lives in a Workspace: valid
 * only until the next unit is prepared.
 */
class PreparedPath {
  /** Points in the unit, and those with t > 0 (the ones the ln-time forms use). */
  readonly n: number;
  readonly positiveTimes: number;
  /** Some y ≤ 0 (exponential not applicable); some y ≤ 0 at t > 0 (power not applicable). */
  readonly nonPositiveValue: boolean;
  readonly nonPositiveValueAtPositiveTime: boolean;
  private readonly ws: Workspace;
  private lnYReady = false;
  private readonly valueSeries: (ScaledSeries | undefined)[] = [undefined, undefined, undefined, undefined];

  constructor(times: readonly number[], values: readonly number[]) {
    const n = times.length;
    const ws = workspaceFor(n);
    const t = ws.t;
    const y = ws.y;
    // The time side carries over only when every time is bit-identical (Object.is: 0 and −0 differ).
    let sameTimes = ws.timesLength === n;
    let positiveTimes = 0;
    let nonPositiveValue = false;
    let nonPositiveValueAtPositiveTime = false;
    for (let i = 0; i < n; i++) {
      const ti = times[i]!;
      const yi = values[i]!;
      if (sameTimes && !Object.is(t[i], ti)) sameTimes = false;
      t[i] = ti;
      y[i] = yi;
      if (!(yi > 0)) nonPositiveValue = true;
      if (ti > 0) {
        positiveTimes++;
        if (!(yi > 0)) nonPositiveValueAtPositiveTime = true;
      }
    }
    if (!sameTimes) {
      ws.timesLength = n;
      ws.time = undefined;
      ws.lnTime = undefined;
    }
    this.ws = ws;
    this.n = n;
    this.positiveTimes = positiveTimes;
    this.nonPositiveValue = nonPositiveValue;
    this.nonPositiveValueAtPositiveTime = nonPositiveValueAtPositiveTime;
  }

  series(kind: Series): ScaledSeries {
    const ws = this.ws;
    switch (kind) {
      case Series.Time:
        return (ws.time ??= scaledSeries(ws.t, this.n, ws.scaled[Series.Time]!));
      case Series.LnTime:
        return (ws.lnTime ??= scaledSeries(this.lnTimes(), this.positiveTimes, ws.scaled[Series.LnTime]!));
    }
    // Without points at t ≤ 0 the t > 0 subsets are the full series: share them.
    if (this.positiveTimes === this.n) {
      if (kind === Series.ValueAtPositiveTime) kind = Series.Value;
      else if (kind === Series.LnValueAtPositiveTime) kind = Series.LnValue;
    }
    const slot = kind - Series.Value;
    return (this.valueSeries[slot] ??= this.valueSide(kind));
  }

  private valueSide(kind: Series): ScaledSeries {
    const ws = this.ws;
    const out = ws.scaled[kind]!;
    switch (kind) {
      case Series.LnValue:
        return scaledSeries(this.lnValues(), this.n, out);
      case Series.ValueAtPositiveTime:
        return scaledSeries(this.atPositiveTime(ws.y, ws.yAtPositiveTime), this.positiveTimes, out);
      case Series.LnValueAtPositiveTime:
        return scaledSeries(this.atPositiveTime(this.lnValues(), ws.lnYAtPositiveTime), this.positiveTimes, out);
      default:
        return scaledSeries(ws.y, this.n, out);
    }
  }

  /** ln t at the points with t > 0, in order. */
  private lnTimes(): Float64Array {
    const { t, lnT } = this.ws;
    for (let i = 0, k = 0; i < this.n; i++) if (t[i]! > 0) lnT[k++] = Math.log(t[i]!);
    return lnT;
  }

  /** ln y for every point (NaN/−∞ where y ≤ 0; the forms that need ln y check that first). */
  private lnValues(): Float64Array {
    const { y, lnY } = this.ws;
    if (!this.lnYReady) {
      for (let i = 0; i < this.n; i++) lnY[i] = Math.log(y[i]!);
      this.lnYReady = true;
    }
    return lnY;
  }

  /** The entries of `src` at the points with t > 0, in order, written to `out`. */
  private atPositiveTime(src: Float64Array, out: Float64Array): Float64Array {
    const t = this.ws.t;
    for (let i = 0, k = 0; i < this.n; i++) if (t[i]! > 0) out[k++] = src[i]!;
    return out;
  }
}

/** Validates a unit's input once: a reason it cannot be fitted by any form, or the prepared data. */
function preparePath(times: readonly number[], values: readonly number[]): PreparedPath | (() => Note) {
  if (times.length !== values.length) {
    return () =>
      note(
        'path.lengthMismatch',
        `时间与测量值的个数不同（${times.length} 与 ${values.length}）。`,
        `times and values differ in length (${times.length} vs ${values.length}).`,
      );
  }
  let allFinite = true;
  for (let i = 0; i < times.length; i++) if (!finite(times[i]!) || !finite(values[i]!)) allFinite = false;
  if (!allFinite) {
    return () => note('path.nonFinite', '时间或测量值中含有非有限数值。', 'times or values contain a non-finite number.');
  }
  return new PreparedPath(times, values);
}

/**
 * Fits one degradation path model to a unit's (time, value) measurements by least squares on
 * the linearised form (see the module comment for the method and sources).
 */
export function fitPath(times: readonly number[], values: readonly number[], model: PathModel): PathFitResult {
  return fitPrepared(preparePath(times, values), model);
}

/**
 * All four path forms fitted to one unit — the same results as `fitPath` for each form, with the
 * validation, logarithms and scaled sums computed once for the unit instead of once per form.
 */
export function fitAllPaths(times: readonly number[], values: readonly number[]): Record<PathModel, PathFitResult> {
  const data = preparePath(times, values);
  return {
    linear: fitPrepared(data, 'linear'),
    exponential: fitPrepared(data, 'exponential'),
    power: fitPrepared(data, 'power'),
    logarithmic: fitPrepared(data, 'logarithmic'),
  };
}

function fitPrepared(data: PreparedPath | (() => Note), model: PathModel): PathFitResult {
  if (!(data instanceof PreparedPath)) return notApplicable(model, data());

  const notes: Note[] = [];
  const logTime = model === 'power' || model === 'logarithmic';
  const logValue = model === 'exponential' || model === 'power';

  // ln t is undefined at t ≤ 0: for the ln-time forms those points are excluded from the fit.
  const kept = logTime ? data.positiveTimes : data.n;
  const excluded = data.n - kept;
  if (excluded > 0) {
    notes.push(
      note(
        'path.excludedNonPositiveTime',
        `${PATH_MODEL_LABELS[model].zh}模型需要 ln t，已排除 ${excluded} 个 t ≤ 0 的点（如 t = 0 的初始值）。`,
        `the ${model} model needs ln t; ${excluded} point(s) with t ≤ 0 (such as the initial value at t = 0) were excluded.`,
      ),
    );
  }

  if (kept < MIN_PATH_POINTS) {
    return notApplicable(
      model,
      note(
        'path.tooFewPoints',
        `拟合${PATH_MODEL_LABELS[model].zh}退化路径至少需要 ${MIN_PATH_POINTS} 个测量点，可用的只有 ${kept} 个。`,
        `a ${model} degradation path needs at least ${MIN_PATH_POINTS} points; only ${kept} usable.`,
      ),
    );
  }

  if (logValue && (logTime ? data.nonPositiveValueAtPositiveTime : data.nonPositiveValue)) {
    return notApplicable(
      model,
      note(
        'path.nonPositiveValue',
        `${PATH_MODEL_LABELS[model].zh}模型需要对测量值取对数，所有测量值必须大于 0。`,
        `the ${model} model takes ln of the values; every value must be greater than 0.`,
      ),
    );
  }

  const x = data.series(logTime ? Series.LnTime : Series.Time);
  const ys = data.series(logTime ? Series.ValueAtPositiveTime : Series.Value);
  const yLin = logValue ? data.series(logTime ? Series.LnValueAtPositiveTime : Series.LnValue) : ys;

  const line = leastSquaresLine(x, yLin, model !== 'linear');
  if (line === 'flat-x') {
    return notApplicable(
      model,
      note(
        'path.constantTime',
        '所有测量时间都相同，无法估计退化速率。',
        'all measurement times are the same; the degradation rate cannot be estimated.',
      ),
    );
  }
  if (line === null) {
    return notApplicable(
      model,
      note(
        'path.overflow',
        '拟合系数超出可表示的数值范围。',
        'the fitted coefficients are outside the representable number range.',
      ),
    );
  }

  // Back-transform the intercept: a = e^c for the log-value models.
  const a = logValue ? Math.exp(line.intercept) : line.intercept;
  const b = line.slope;
  if (!finite(a) || (logValue && a === 0)) {
    return notApplicable(
      model,
      note('path.overflow', '拟合系数超出可表示的数值范围。', 'the fitted coefficients are outside the representable number range.'),
    );
  }

  const predict = makePredict(model, a, b);
  const solveTime = makeSolveTime(model, a, b);

  // R² on the original scale (Kvålseth 1985 R²₁), computed on y scaled by max|y| to avoid overflow.
  let r2: number | null = null;
  if (ys.allEqual) {
    notes.push(
      note(
        'path.r2ConstantValues',
        '所有测量值相同（总平方和为 0），决定系数 R² 无定义。',
        'all values are identical (total sum of squares is 0); R² is undefined.',
      ),
    );
  } else {
    const scale = ys.maxAbs;
    const yScaled = ys.scaled;
    const xv = x.v;
    const c = line.intercept;
    const d = line.slope;
    let sse = 0;
    let predictable = true;
    // Fitted values from the linearised line directly (e^(c + d·x) for the ln-value forms — the
    // same as predict(t), without a closure call or Math.pow per point).
    for (let i = 0; i < kept; i++) {
      const lin = c + d * xv[i]!;
      const p = logValue ? Math.exp(lin) : lin;
      if (!finite(p)) {
        predictable = false;
        break;
      }
      const r = yScaled[i]! - p / scale;
      sse += r * r;
    }
    // SST = Σ(yᵢ/scale − ȳ/scale)², shared by the forms judged on the same points.
    const sst = ys.ss;
    r2 = predictable && sst > 0 ? orNull(1 - sse / sst) : null;
    if (r2 === null) {
      notes.push(
        note(
          'path.r2Undefined',
          '拟合值超出可表示的数值范围，原尺度 R² 无法计算。',
          'fitted values are outside the representable range; R² on the original scale cannot be computed.',
        ),
      );
    }
  }

  return {
    model,
    applicable: true,
    a,
    b,
    r2,
    r2Linearised: model === 'linear' ? r2 : line.r2,
    n: kept,
    excluded,
    notes,
    predict,
    solveTime,
  };
}

function makePredict(model: PathModel, a: number, b: number): (t: number) => number | null {
  switch (model) {
    case 'linear':
      return (t) => (finite(t) ? orNull(a + b * t) : null);
    case 'exponential':
      // a·e^(b·t); if the product over/underflows in that order, evaluate as e^(ln a + b·t) (a > 0).
      return (t) => {
        if (!finite(t)) return null;
        const direct = a * Math.exp(b * t);
        return finite(direct) && direct !== 0 ? direct : orNull(Math.exp(Math.log(a) + b * t));
      };
    case 'power':
      // a·t^b; at t = 0 the limit is 0 for b > 0 and a for b = 0; undefined for t < 0.
      return (t) => {
        if (!finite(t) || t < 0) return null;
        if (t === 0) return b > 0 ? 0 : b === 0 ? a : null;
        const direct = a * Math.pow(t, b);
        return finite(direct) && direct !== 0 ? direct : orNull(Math.exp(Math.log(a) + b * Math.log(t)));
      };
    case 'logarithmic':
      return (t) => (finite(t) && t > 0 ? orNull(a + b * Math.log(t)) : null);
  }
}

/** ln-time models live on t > 0: an exp() that underflowed to 0 or overflowed is not representable. */
function positiveTime(t: number): number | null {
  return t > 0 && Number.isFinite(t) ? t : null;
}

function makeSolveTime(model: PathModel, a: number, b: number): (y: number) => number | null {
  return (y) => {
    if (!finite(y) || b === 0) return null;
    switch (model) {
      case 'linear':
        // y = a + b·t  ⇒  t = (y − a)/b
        return orNull((y - a) / b);
      case 'exponential':
        // y = a·e^(b·t)  ⇒  t = (ln y − ln a)/b, needs y > 0 (a > 0 by construction)
        return y > 0 ? orNull((Math.log(y) - Math.log(a)) / b) : null;
      case 'power':
        // y = a·t^b  ⇒  t = e^((ln y − ln a)/b), needs y > 0 (a > 0 by construction)
        return y > 0 ? positiveTime(Math.exp((Math.log(y) - Math.log(a)) / b)) : null;
      case 'logarithmic':
        // y = a + b·ln t  ⇒  t = e^((y − a)/b)
        return positiveTime(Math.exp((y - a) / b));
    }
  };
}

/** True when the fitted path increases with t (all four forms are monotone in t). */
export function pathIncreasing(fit: PathFit): boolean {
  // linear/logarithmic: sign of b; exponential/power: a > 0 by construction, so also sign of b.
  return fit.model === 'linear' || fit.model === 'logarithmic' ? fit.b > 0 : fit.a * fit.b > 0;
}
