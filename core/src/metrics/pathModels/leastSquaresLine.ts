/**
 * Ordinary least-squares straight line Y = c + d·X (Draper & Smith 1998, *Applied Regression
 * Analysis*, 3rd ed., §1.2):
 *
 *   d = Sxy / Sxx,   c = Ȳ − d·X̄,   Sxy = Σ(Xᵢ − X̄)(Yᵢ − Ȳ),   Sxx = Σ(Xᵢ − X̄)²,
 *   R² = 1 − SSE/SST,   SSE = Σ(Yᵢ − c − d·Xᵢ)²,   SST = Σ(Yᵢ − Ȳ)²   (§1.3).
 *
 * The centred sums are taken on X/sx and Y/sy, where sx and sy are the largest magnitudes, so that
 * squares of extreme but finite data (say 1e200) cannot overflow; the coefficients are scaled back
 * afterwards (Y/sy = c′ + d′·X/sx  ⇒  d = d′·sy/sx, c = c′·sy). R² is scale-free.
 */
export interface Line {
  intercept: number;
  slope: number;
  /** R² of the line on its own scale; null when SST = 0 (all Y equal). */
  r2: number | null;
}

/** 'flat-x': every X is the same (Sxx = 0), no slope exists; null: a coefficient is not representable. */
export type LineResult = Line | 'flat-x' | null;

/** Largest |vᵢ|, or 1 when every value is 0 (nothing to scale). */
export function largestMagnitude(v: readonly number[]): number {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  return max === 0 ? 1 : max;
}

export function mean(v: readonly number[]): number {
  let sum = 0;
  for (const x of v) sum += x;
  return sum / v.length;
}

/** Σ(vᵢ − v̄)² on v already scaled, v̄ its mean. */
export function sumOfSquares(v: readonly number[], vMean: number): number {
  let ss = 0;
  for (const x of v) ss += (x - vMean) * (x - vMean);
  return ss;
}

export function fitLine(x: readonly number[], y: readonly number[]): LineResult {
  const sx = largestMagnitude(x);
  const sy = largestMagnitude(y);
  const xs = x.map((v) => v / sx);
  const ys = y.map((v) => v / sy);
  const xMean = mean(xs);
  const yMean = mean(ys);

  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i]! - xMean) * (xs[i]! - xMean);
    sxy += (xs[i]! - xMean) * (ys[i]! - yMean);
  }
  if (!(sxx > 0)) return 'flat-x';

  const slopeScaled = sxy / sxx;
  const interceptScaled = yMean - slopeScaled * xMean;
  const slope = (slopeScaled * sy) / sx;
  const intercept = interceptScaled * sy;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept) || !Number.isFinite(slopeScaled)) return null;

  const sst = sumOfSquares(ys, yMean);
  let sse = 0;
  for (let i = 0; i < xs.length; i++) {
    const residual = ys[i]! - (interceptScaled + slopeScaled * xs[i]!);
    sse += residual * residual;
  }
  const r2 = sst > 0 && !allEqual(y) ? 1 - sse / sst : null;
  return { intercept, slope, r2: r2 !== null && Number.isFinite(r2) ? r2 : null };
}

export function allEqual(v: readonly number[]): boolean {
  for (const x of v) if (x !== v[0]) return false;
  return true;
}
