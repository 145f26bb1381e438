import { note, type Note } from '../i18n/note.js';
import type { ReliabilitySubmission } from '../submission/reliabilitySubmission.js';
import type { Bilingual, IntegrityFlag } from './assessment.js';
import { terminalDigitMessage, terminalDigitTest } from './terminalDigit.js';

/**
 * Data-integrity red flags (rubric note (d) is about fraud; these only point a reviewer at data to
 * verify — 需核实 — and never change a score). Rules, each a common screening heuristic:
 * - duplicate rows: two series (stages, units, scenarios) with exactly the same values (n ≥ 3);
 * - identical values: every value of a series the same (n ≥ 5) — real measurements scatter;
 * - terminal-digit preference: the last digit, counted in steps of the recorded resolution, is far
 *   from uniform (χ² test, 9 df, α = 0.001, n ≥ 50; Preece 1981) — terminalDigit.ts;
 * - finer than resolution: values not on the instrument's resolution grid;
 * - impossible values: Id times out of order or repeated; failures above the units exposed.
 */
interface Series {
  indicator: string;
  path: string;
  place: Bilingual;
  values: readonly number[];
  resolution?: number;
}

function flag(kind: IntegrityFlag['kind'], at: { indicator: string; path: string; place: Bilingual }, message: Note): IntegrityFlag {
  return { kind, indicator: at.indicator, path: at.path, place: at.place.zh, placeEn: at.place.en, status: '需核实', message };
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

const idUnitPlace = (name: string, unit: string): Bilingual => ({ zh: `Id 参数“${name}”样品 ${unit}`, en: `Id parameter "${name}" unit ${unit}` });

function seriesOf(s: ReliabilitySubmission): Series[] {
  const out: Series[] = [];
  s.ic?.parameters.forEach((p, i) =>
    p.stages.forEach((st, j) =>
      out.push({
        indicator: 'Ic',
        path: `ic.parameters[${i}].stages[${j}]`,
        place: { zh: `Ic 参数“${p.name}”阶段 ${st.stage}`, en: `Ic parameter "${p.name}" stage ${st.stage}` },
        values: st.values,
        resolution: p.resolution,
      }),
    ),
  );
  s.id?.parameters.forEach((p, i) =>
    p.units.forEach((u, j) =>
      out.push({ indicator: 'Id', path: `id.parameters[${i}].units[${j}]`, place: idUnitPlace(p.name, u.id), values: u.values, resolution: p.resolution }),
    ),
  );
  s.ir?.scenarios.forEach((sc, i) =>
    out.push({
      indicator: 'Ir',
      path: `ir.scenarios[${i}]`,
      place: { zh: `Ir 场景“${sc.name}”`, en: `Ir scenario "${sc.name}"` },
      values: sc.values,
      resolution: sc.resolution,
    }),
  );
  return out;
}

function terminalDigitFlag(series: Series): IntegrityFlag | null {
  const test = terminalDigitTest(series.values, series.resolution);
  if (!test?.preferred) return null;
  return flag('terminal-digit', series, terminalDigitMessage(series.place, test, series.values.length));
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
  const { zh, en } = series.place;
  return flag(
    'finer-than-resolution',
    series,
    note(
      'flag.finerThanResolution',
      `${zh}：${off} 个数值比仪器分辨力 ${r} 更精细（如 ${example}）`,
      `${en}: ${off} values are finer than the instrument resolution ${r} (e.g. ${example})`,
    ),
  );
}

export function integrityFlags(s: ReliabilitySubmission): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  const seen = new Map<string, Series[]>();
  for (const series of seriesOf(s)) {
    const v = series.values;
    const { zh, en } = series.place;
    if (v.length >= 5 && allEqual(v)) {
      flags.push(
        flag(
          'identical-values',
          series,
          note(
            'flag.identicalValues',
            `${zh}：全部 ${v.length} 个测量值完全相同（${v[0]}），真实测量通常存在波动`,
            `${en}: all ${v.length} values are identical (${v[0]})`,
          ),
        ),
      );
    }
    if (v.length >= 3) {
      const key = fingerprint(series.indicator, v);
      const candidates = seen.get(key) ?? [];
      const first = candidates.find((c) => sameValues(c.values, v));
      if (!candidates.length) seen.set(key, candidates);
      if (first) {
        flags.push(
          flag(
            'duplicate-rows',
            series,
            note(
              'flag.duplicateRows',
              `${zh} 的 ${v.length} 个数值与 ${first.place.zh} 完全重复`,
              `${en} repeats the ${v.length} values of ${first.place.en} exactly`,
            ),
          ),
        );
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
          const place = idUnitPlace(p.name, u.id);
          flags.push(
            flag(
              'impossible-value',
              { indicator: 'Id', path: `id.parameters[${i}].units[${j}].times[${k}]`, place },
              note(
                'flag.timesNotIncreasing',
                `${place.zh}：第 ${k + 1} 个测量时间 ${u.times[k]} 不大于前一个 ${u.times[k - 1]}`,
                `${place.en}: time ${k + 1} (${u.times[k]}) does not follow ${u.times[k - 1]}`,
              ),
            ),
          );
          break;
        }
      }
    }),
  );
  if (s.w) {
    for (const period of ['before', 'after'] as const) {
      const x = s.w[period];
      if (x.exposureUnit === 'units' && x.failures > x.exposure) {
        const place = { zh: `W ${period === 'before' ? '提升前' : '提升后'}`, en: `W ${period}` };
        flags.push(
          flag(
            'impossible-value',
            { indicator: 'W', path: `w.${period}.failures`, place },
            note(
              'flag.failuresAboveUnits',
              `${place.zh}：故障数 ${x.failures} 大于售出台数 ${x.exposure}`,
              `${place.en}: ${x.failures} failures exceed the ${x.exposure} units sold`,
            ),
          ),
        );
      }
    }
  }
  return flags;
}
