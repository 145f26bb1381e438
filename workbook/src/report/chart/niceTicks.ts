/**
 * "Nice numbers for graph labels" (Heckbert, Graphics Gems I, 1990, pp. 61–63): axis ticks at
 * 1, 2 or 5 × 10^k so a reader can interpolate between them.
 */

/** A nice number near `range`: rounded (nearest of 1, 2, 5, 10 × 10^k) or ceiling (≥ range). */
export function niceNumber(range: number, round: boolean): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const exponent = Math.floor(Math.log10(range));
  const power = 10 ** exponent;
  const fraction = range / power;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface NiceTicks {
  /** Axis start (a multiple of step, ≤ the data minimum). */
  min: number;
  /** Axis end (a multiple of step, ≥ the data maximum). */
  max: number;
  step: number;
  ticks: number[];
  /** Decimals needed to print every tick exactly (from the step). */
  decimals: number;
}

/** Decimal places that print multiples of `step` without loss (0.25 → 2, 5 → 0, 2e-4 → 4). */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/**
 * Ticks covering [lo, hi] with at most about `maxTicks` ticks. A degenerate range (lo = hi) is
 * widened around the value; non-finite input gives the axis 0–1.
 */
export function niceTicks(lo: number, hi: number, maxTicks = 6): NiceTicks {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    a = 0;
    b = 1;
  }
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    a -= pad;
    b += pad;
  }
  const span = niceNumber(b - a, false);
  const step = niceNumber(span / Math.max(1, maxTicks - 1), true);
  const decimals = stepDecimals(step);
  const first = Math.floor(a / step + 1e-9);
  const last = Math.ceil(b / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(roundTo(k * step, decimals));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks, decimals };
}

/** Rounds to `decimals` places and turns −0 into 0 (so labels never read "-0"). */
export function roundTo(value: number, decimals: number): number {
  const r = Number(value.toFixed(Math.min(20, Math.max(0, decimals))));
  return r === 0 ? 0 : r;
}

/** A tick label: fixed decimals from the step, thousands not grouped (axes stay compact). */
export function formatTick(value: number, decimals: number): string {
  return roundTo(value, decimals).toFixed(Math.min(20, decimals));
}
