import { note, type Note } from '../i18n/note.js';
import { chiSquareQuantile } from '../stats/quantiles.js';
import type { Bilingual } from '../i18n/bilingual.js';

/**
 * Terminal-digit preference (Preece 1981, "Distributions of final digits in data", The Statistician
 * 30(1):31–60): in honest measurements the last recorded digit is close to uniform; made-up or
 * hand-rounded numbers favour some digits. The test is a χ² goodness of fit over the ten digits
 * (9 degrees of freedom, α = 0.001, n ≥ 50).
 *
 * The digit is counted in units of the RECORDED RESOLUTION, not of the decimal notation: a value
 * x on a grid of step r is the integer k = x/r, and the digit is k mod 10. Data recorded in halves
 * (10.0, 10.5, 11.0 …) or in fractions of an inch (0.0625 = 1/16 …) therefore test the digit of k,
 * not the 0s and 5s their decimals must end in. The resolution is the declared instrument
 * resolution when there is one, else inferred as the grid the values lie on: with d decimals, the
 * greatest common divisor of the integers x·10^d, times 10^−d.
 *
 * The last digit is uniform only when the values spread over many resolution steps (for a normal
 * spread of s steps the digit frequencies deviate by about 2·exp(−2π²s²/100), Preece 1981 §3), so
 * the test runs only when the SD of the values is at least MIN_SPREAD_STEPS steps (10: deviation
 * below 1e-8).
 */
export const DIGIT_TEST_MIN_N = 50;
export const DIGIT_TEST_ALPHA = 0.001;
export const MIN_SPREAD_STEPS = 10;
const DIGIT_CRITICAL = chiSquareQuantile(1 - DIGIT_TEST_ALPHA, 9);
const DIGIT_PLACES_SAMPLE = 16;

/**
 * Decimal places needed to write x as it was entered (0–10): the smallest k with x·10^k an
 * integer, up to binary rounding. Arithmetic, not String(x): this runs on every series.
 */
function decimals(x: number): number {
  if (!Number.isFinite(x)) return 0;
  let scaled = Math.abs(x);
  for (let k = 0; k < 10; k++) {
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, scaled)) return k;
    scaled *= 10;
  }
  return 10;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The grid step the values are recorded on (see the module comment). */
export function inferredResolution(values: readonly number[]): number {
  // The recording precision, read from the first values (String() on every value would dominate
  // the cost of assessing a large submission).
  let places = 0;
  for (let i = 0; i < Math.min(values.length, DIGIT_PLACES_SAMPLE); i++) places = Math.max(places, decimals(values[i]!));
  const scale = 10 ** places;
  let g = 0;
  for (let i = 0; i < values.length && g !== 1; i++) g = gcd(g, Math.round(Math.abs(values[i]!) * scale));
  return (g === 0 ? 1 : g) / scale;
}

export interface DigitTest {
  resolution: number;
  counts: number[];
  chi2: number;
  critical: number;
  /** True when the digits are far from uniform. */
  preferred: boolean;
}

/** The χ² test on the last digit of x/resolution; null when it does not apply (too few or too narrow). */
export function terminalDigitTest(values: readonly number[], declaredResolution?: number): DigitTest | null {
  const n = values.length;
  if (n < DIGIT_TEST_MIN_N) return null;
  const resolution = declaredResolution ?? inferredResolution(values);
  // One pass: the digit counts, and the spread of the step numbers k (shifted by the first one,
  // so that the sum of squares does not cancel when k is large and the spread small).
  const counts = new Array<number>(10).fill(0);
  const k0 = Math.round(Math.abs(values[0]!) / resolution);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.round(Math.abs(values[i]!) / resolution);
    // k mod 10 without fmod on doubles; exact for integers below 2^53.
    counts[k - Math.floor(k * 0.1) * 10]!++;
    sum += k - k0;
    sumSquares += (k - k0) * (k - k0);
  }
  const spreadSteps = Math.sqrt(Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)));
  if (!(spreadSteps >= MIN_SPREAD_STEPS)) return null;
  const expected = n / 10;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  return { resolution, counts, chi2, critical: DIGIT_CRITICAL, preferred: chi2 > DIGIT_CRITICAL };
}

/** The flag's message, naming the place, the statistic and the resolution used. */
export function terminalDigitMessage(place: Bilingual, t: DigitTest, n: number): Note {
  const top = t.counts.indexOf(Math.max(...t.counts));
  return note(
    'flag.terminalDigit',
    `${place.zh}：按记录分辨力 ${t.resolution} 计，末位数字分布明显不均匀（χ² = ${t.chi2.toFixed(1)} > ${t.critical.toFixed(1)}，末位“${top}”出现 ${t.counts[top]} 次/共 ${n} 个），可能存在人为取整或编造`,
    `${place.en}: counted in steps of the recorded resolution ${t.resolution}, the last digit is far from uniform (χ² = ${t.chi2.toFixed(1)} > ${t.critical.toFixed(1)}; digit ${top} appears ${t.counts[top]} of ${n} times)`,
  );
}
