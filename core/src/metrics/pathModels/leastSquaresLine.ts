/**
 * Ordinary least-squares straight line Y = c + d·X (Draper & Smith 1998, *Applied Regression
 * Analysis*, 3rd ed., §1.2):
 *
 *   d = Sxy / Sxx,   c = Ȳ − d·X̄,   Sxy = Σ(Xᵢ − X̄)(Yᵢ − Ȳ),   Sxx = Σ(Xᵢ − X̄)²,
 *   R² = 1 − SSE/SST,   SSE = Σ(Yᵢ − c − d·Xᵢ)²,   SST = Σ(Yᵢ − Ȳ)²   (§1.3).
 *
 * X̄ and Sxx depend on X alone: they are taken once per X (`regressor`) and shared by every line
 * fitted on it — the forms that regress on t or on ln t, and every unit measured at the same times.
 *
 * For extreme but finite data (magnitudes beyond 1e100 or below 1e-100, whose squares could
 * overflow or underflow) the centred sums are taken on X/sx and Y/sy, sx and sy the largest
 * magnitudes, and the coefficients scaled back afterwards (Y/sy = c′ + d′·X/sx  ⇒  d = d′·sy/sx,
 * c = c′·sy); ordinary data are used as they are (scale 1, no division). R² is scale-free.
 */
export interface Line {
  intercept: number;
  slope: number;
  /** R² of the line on its own scale; null when SST = 0 (all Y equal). */
  r2: number | null;
}

/** 'flat-x': every X is the same (Sxx = 0), no slope exists; null: a coefficient is not representable. */
export type LineResult = Line | 'flat-x' | null;

/** The X side of a line: X, its scale sx (see above), X/sx, and the mean and Sxx of X/sx. */
export interface Regressor {
  readonly values: readonly number[];
  readonly scale: number;
  readonly scaled: readonly number[];
  readonly mean: number;
  readonly sxx: number;
}

/**
 * The divisor that keeps squares and sums of v representable: its largest magnitude when that is
 * beyond 1e100 or (when not 0) below 1e-100, else 1.
 */
export function safeScale(v: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) {
    const magnitude = Math.abs(v[i]!);
    if (magnitude > max) max = magnitude;
  }
  return max > 1e100 || (max > 0 && max < 1e-100) ? max : 1;
}

/** v divided by its safe scale (v itself when that is 1), and the scale. */
export function scaledBySafeScale(v: readonly number[]): { scale: number; scaled: readonly number[] } {
  const scale = safeScale(v);
  return { scale, scaled: scale === 1 ? v : v.map((x) => x / scale) };
}

export function regressor(x: readonly number[]): Regressor {
  const n = x.length;
  const { scale, scaled } = scaledBySafeScale(x);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += scaled[i]!;
  mean /= n;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = scaled[i]! - mean;
    sxx += dx * dx;
  }
  return { values: x, scale, scaled, mean, sxx };
}

export function fitLine(x: Regressor, y: readonly number[]): LineResult {
  if (!(x.sxx > 0)) return 'flat-x';
  const n = y.length;
  const xs = x.scaled;
  const { scale: sy, scaled: ys } = scaledBySafeScale(y);
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += ys[i]!;
  yMean /= n;

  let sxy = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - x.mean;
    const dy = ys[i]! - yMean;
    sxy += dx * dy;
    sst += dy * dy;
  }

  const slopeScaled = sxy / x.sxx;
  const interceptScaled = yMean - slopeScaled * x.mean;
  const slope = (slopeScaled * sy) / x.scale;
  const intercept = interceptScaled * sy;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept) || !Number.isFinite(slopeScaled)) return null;

  let sse = 0;
  for (let i = 0; i < n; i++) {
    const residual = ys[i]! - (interceptScaled + slopeScaled * xs[i]!);
    sse += residual * residual;
  }
  const r2 = sst > 0 && !allEqual(y) ? 1 - sse / sst : null;
  return { intercept, slope, r2: r2 !== null && Number.isFinite(r2) ? r2 : null };
}

export function allEqual(v: readonly number[]): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}
