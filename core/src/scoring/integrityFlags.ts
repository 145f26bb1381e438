import { note } from '../i18n/note.js';
import { chiSquareQuantile } from '../stats/quantiles.js';
import type { ReliabilitySubmission } from '../submission/reliabilitySubmission.js';
import type { IntegrityFlag } from './assessment.js';

/**
 * Data-integrity red flags (rubric note (d) is about fraud; these only point a reviewer at data to
 * verify — 需核实 — and never change a score). Rules, each a common screening heuristic:
 * - duplicate rows: two series (stages, units, scenarios) with exactly the same values (n ≥ 3);
 * - identical values: every value of a series the same (n ≥ 5) — real measurements scatter;
 * - terminal-digit preference: the last recorded digit is far from uniform (χ² test, 9 df,
 *   α = 0.001, n ≥ 50) — the classic check for made-up numbers (Preece 1981);
 * - finer than resolution: values not on the instrument's resolution grid;
 * - impossible values: Id times out of order or repeated; failures above the units exposed.
 */
const DIGIT_TEST_MIN_N = 50;
const DIGIT_TEST_ALPHA = 0.001;
const DIGIT_PLACES_SAMPLE = 16;
const DIGIT_CRITICAL = chiSquareQuantile(1 - DIGIT_TEST_ALPHA, 9);

interface Series {
  indicator: string;
  path: string;
  place: string;
  values: readonly number[];
  resolution?: number;
}

/** A cheap fingerprint of a series; equal series have equal fingerprints (then compared exactly). */
function fingerprint(indicator: string, v: readonly number[]): string {
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i]!;
    weighted += v[i]! * ((i % 97) + 1);
  }
  return `${indicator}|${v.length}|${sum}|${weighted}`;
}

function allEqual(v: readonly number[]): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function seriesOf(s: ReliabilitySubmission): Series[] {
  const out: Series[] = [];
  s.ic?.parameters.forEach((p, i) =>
    p.stages.forEach((st, j) =>
      out.push({ indicator: 'Ic', path: `ic.parameters[${i}].stages[${j}]`, place: `Ic 参数“${p.name}”阶段 ${st.stage}`, values: st.values, resolution: p.resolution }),
    ),
  );
  s.id?.parameters.forEach((p, i) =>
    p.units.forEach((u, j) =>
      out.push({ indicator: 'Id', path: `id.parameters[${i}].units[${j}]`, place: `Id 参数“${p.name}”样品 ${u.id}`, values: u.values, resolution: p.resolution }),
    ),
  );
  s.ir?.scenarios.forEach((sc, i) =>
    out.push({ indicator: 'Ir', path: `ir.scenarios[${i}]`, place: `Ir 场景“${sc.name}”`, values: sc.values, resolution: sc.resolution }),
  );
  return out;
}

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

function terminalDigitFlag(series: Series): IntegrityFlag | null {
  const v = series.values;
  if (v.length < DIGIT_TEST_MIN_N) return null;
  // The recording precision, read from the first values (String() on every value would dominate
  // the cost of assessing a large submission; a later value with more decimals still yields a digit).
  let places = 0;
  for (let i = 0; i < Math.min(v.length, DIGIT_PLACES_SAMPLE); i++) places = Math.max(places, decimals(v[i]!));
  const scale = 10 ** places;
  const counts = new Int32Array(10);
  for (let i = 0; i < v.length; i++) {
    const r = Math.round(Math.abs(v[i]!) * scale);
    // r mod 10 without fmod (slow on doubles); exact for integers below 2^53.
    counts[r - Math.floor(r * 0.1) * 10]!++;
  }
  const expected = v.length / 10;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  const critical = DIGIT_CRITICAL;
  if (chi2 <= critical) return null;
  const top = counts.indexOf(Math.max(...Array.from(counts)));
  return {
    kind: 'terminal-digit',
    indicator: series.indicator,
    path: series.path,
    place: series.place,
    status: '需核实',
    message: note('flag.terminalDigit', `${series.place}：末位数字分布明显不均匀（χ² = ${chi2.toFixed(1)} > ${critical.toFixed(1)}，末位“${top}”出现 ${counts[top]} 次/共 ${v.length} 个），可能存在人为取整或编造`, `${series.place}: the last digit is far from uniform (χ² = ${chi2.toFixed(1)} > ${critical.toFixed(1)}; digit ${top} appears ${counts[top]} of ${v.length} times)`),
  };
}

function resolutionFlag(series: Series): IntegrityFlag | null {
  const r = series.resolution;
  if (r === undefined) return null;
  let off = 0;
  let example: number | null = null;
  for (const x of series.values) {
    const steps = x / r;
    if (Math.abs(steps - Math.round(steps)) > 1e-6 * Math.max(1, Math.abs(steps))) {
      off++;
      example ??= x;
    }
  }
  if (off === 0) return null;
  return {
    kind: 'finer-than-resolution',
    indicator: series.indicator,
    path: series.path,
    place: series.place,
    status: '需核实',
    message: note('flag.finerThanResolution', `${series.place}：${off} 个数值比仪器分辨力 ${r} 更精细（如 ${example}）`, `${series.place}: ${off} values are finer than the instrument resolution ${r} (e.g. ${example})`),
  };
}

export function integrityFlags(s: ReliabilitySubmission): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  const all = seriesOf(s);
  const seen = new Map<string, Series[]>();
  for (const series of all) {
    const v = series.values;
    if (v.length >= 5 && allEqual(v)) {
      flags.push({ kind: 'identical-values', indicator: series.indicator, path: series.path, place: series.place, status: '需核实', message: note('flag.identicalValues', `${series.place}：全部 ${v.length} 个测量值完全相同（${v[0]}），真实测量通常存在波动`, `${series.place}: all ${v.length} values are identical (${v[0]})`) });
    }
    if (v.length >= 3) {
      const key = fingerprint(series.indicator, v);
      const candidates = seen.get(key) ?? [];
      const first = candidates.find((c) => sameValues(c.values, v));
      if (!candidates.length) seen.set(key, candidates);
      if (first) {
        flags.push({ kind: 'duplicate-rows', indicator: series.indicator, path: series.path, place: series.place, status: '需核实', message: note('flag.duplicateRows', `${series.place} 的 ${v.length} 个数值与 ${first.place} 完全重复`, `${series.place} repeats the ${v.length} values of ${first.place} exactly`) });
      } else candidates.push(series);
    }
    const digit = terminalDigitFlag(series);
    if (digit) flags.push(digit);
    const res = resolutionFlag(series);
    if (res) flags.push(res);
  }
  s.id?.parameters.forEach((p, i) =>
    p.units.forEach((u, j) => {
      for (let k = 1; k < u.times.length; k++) {
        if (u.times[k]! <= u.times[k - 1]!) {
          flags.push({ kind: 'impossible-value', indicator: 'Id', path: `id.parameters[${i}].units[${j}].times[${k}]`, place: `Id 参数“${p.name}”样品 ${u.id}`, status: '需核实', message: note('flag.timesNotIncreasing', `Id 参数“${p.name}”样品 ${u.id}：第 ${k + 1} 个测量时间 ${u.times[k]} 不大于前一个 ${u.times[k - 1]}`, `Id parameter "${p.name}" unit ${u.id}: time ${k + 1} (${u.times[k]}) does not follow ${u.times[k - 1]}`) });
          break;
        }
      }
    }),
  );
  if (s.w) {
    for (const period of ['before', 'after'] as const) {
      const x = s.w[period];
      if (x.exposureUnit === 'units' && x.failures > x.exposure) {
        flags.push({ kind: 'impossible-value', indicator: 'W', path: `w.${period}.failures`, place: `W ${period === 'before' ? '提升前' : '提升后'}`, status: '需核实', message: note('flag.failuresAboveUnits', `W ${period === 'before' ? '提升前' : '提升后'}：故障数 ${x.failures} 大于售出台数 ${x.exposure}`, `W ${period}: ${x.failures} failures exceed the ${x.exposure} units sold`) });
      }
    }
  }
  return flags;
}
