/**
 * Ordinary least-squares straight line Y = c + d·X (Draper & Smith 1998, *Applied Regression
 * Analysis*, 3rd ed., §1.2):
 *
 *   d = Sxy / Sxx,   c = Ȳ − d·X̄,   Sxy = Σ(Xᵢ − X̄)(Yᵢ − Ȳ),   Sxx = Σ(Xᵢ − X̄)²,
 *   R² = 1 − SSE/SST,   SSE = Σ(Yᵢ − c − d·Xᵢ)²,   SST = Σ(Yᵢ − Ȳ)²   (§1.3).
 *
 * For extreme but finite data (magnitudes beyond 1e100 or below 1e-100, whose squares could
 * overflow or underflow) the centred sums are taken on X/sx and Y/sy, sx and sy the largest
 * magnitudes, and the coefficients scaled back afterwards (Y/sy = c′ + d′·X/sx  ⇒  d = d′·sy/sx,
 * c = c′·sy); ordinary data are used as they are (scale 1). R² is scale-free.
 */
export interface Line {
  intercept: number;
  slope: number;
  /** R² of the line on its own scale; null when SST = 0 (all Y equal). */
  r2: number | null;
}

/** 'flat-x': every X is the same (Sxx = 0), no slope exists; null: a coefficient is not representable. */
export type LineResult = Line | 'flat-x' | null;

/**
 * The divisor that keeps squares and sums of v representable: its largest magnitude when that is
 * beyond 1e100 or (when not 0) below 1e-100, else 1.
 */
export function safeScale(v: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  return max > 1e100 || (max > 0 && max < 1e-100) ? max : 1;
}

export function fitLine(x: readonly number[], y: readonly number[]): LineResult {
  const n = x.length;
  const sx = safeScale(x);
  const sy = safeScale(y);
  let xMean = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    xMean += x[i]! / sx;
    yMean += y[i]! / sy;
  }
  xMean /= n;
  yMean /= n;

  let sxx = 0;
  let sxy = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! / sx - xMean;
    const dy = y[i]! / sy - yMean;
    sxx += dx * dx;
    sxy += dx * dy;
    sst += dy * dy;
  }
  if (!(sxx > 0)) return 'flat-x';

  const slopeScaled = sxy / sxx;
  const interceptScaled = yMean - slopeScaled * xMean;
  const slope = (slopeScaled * sy) / sx;
  const intercept = interceptScaled * sy;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept) || !Number.isFinite(slopeScaled)) return null;

  let sse = 0;
  for (let i = 0; i < n; i++) {
    const residual = y[i]! / sy - (interceptScaled + slopeScaled * (x[i]! / sx));
    sse += residual * residual;
  }
  const r2 = sst > 0 && !allEqual(y) ? 1 - sse / sst : null;
  return { intercept, slope, r2: r2 !== null && Number.isFinite(r2) ? r2 : null };
}

export function allEqual(v: readonly number[]): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}
