/**
 * Speed baselines for the assessment benches: the arithmetic an implementation cannot avoid, as
 * plain loops with nothing else — no input checks, no scaling of extreme data, no notes, no result
 * objects. kekao's time over these, measured in the same run, is the bench's ratio; what it does on
 * top (checks, explanations, model choice, life fit) is what the ratio measures. They run on the
 * submission as built (core.bench.ts), never on a validated copy, so the baseline does not change
 * with the validation either.
 */

interface Numbers {
  ic?: { parameters: ReadonlyArray<{ stages: ReadonlyArray<{ values: readonly number[] }> }> };
  id?: { parameters: ReadonlyArray<{ units: ReadonlyArray<{ times: readonly number[]; values: readonly number[] }> }> };
  ir?: { scenarios: ReadonlyArray<{ values: readonly number[] }> };
}

/** Mean and SD (two passes) of one list. */
function meanAndSd(v: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]!;
  const mean = sum / v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i]! - mean) * (v[i]! - mean);
  return Math.sqrt(ss / (v.length - 1)) / mean;
}

/** Slope, intercept and the original-scale SSE of y (or e^y) on x, for the first n points. */
function line(x: Float64Array, y: Float64Array, original: Float64Array, n: number, backTransform: boolean): number {
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) * (x[i]! - mx);
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  const b = sxy / sxx;
  const a = my - b * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const fitted = backTransform ? Math.exp(a + b * x[i]!) : a + b * x[i]!;
    sse += (original[i]! - fitted) * (original[i]! - fitted);
  }
  return sse;
}

/**
 * The four path forms per unit (linear, exponential, power, logarithmic: y or ln y on t or ln t,
 * the latter two over t > 0) with the residuals on the original scale.
 */
export function bareIdFits(units: ReadonlyArray<{ times: readonly number[]; values: readonly number[] }>): number {
  let sink = 0;
  const size = Math.max(0, ...units.map((u) => u.times.length));
  const t = new Float64Array(size);
  const y = new Float64Array(size);
  const lnY = new Float64Array(size);
  const lnTp = new Float64Array(size);
  const yP = new Float64Array(size);
  const lnYp = new Float64Array(size);
  for (const u of units) {
    const n = u.times.length;
    let m = 0;
    for (let i = 0; i < n; i++) {
      t[i] = u.times[i]!;
      y[i] = u.values[i]!;
      lnY[i] = Math.log(u.values[i]!);
      if (u.times[i]! > 0) {
        lnTp[m] = Math.log(u.times[i]!);
        yP[m] = y[i]!;
        lnYp[m] = lnY[i]!;
        m++;
      }
    }
    sink += line(t, y, y, n, false) + line(t, lnY, y, n, true) + line(lnTp, lnYp, yP, m, true) + line(lnTp, yP, yP, m, false);
  }
  return sink;
}

/** Ic: mean and SD of every stage; Id: the four path forms of every unit; Ir: mean and SD of every scenario. */
export function bareAssessment(s: Numbers): number {
  let sink = 0;
  for (const p of s.ic?.parameters ?? []) for (const stage of p.stages) sink += meanAndSd(stage.values);
  for (const p of s.id?.parameters ?? []) sink += bareIdFits(p.units);
  for (const scenario of s.ir?.scenarios ?? []) sink += meanAndSd(scenario.values);
  return sink;
}
