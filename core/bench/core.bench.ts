import { sampleStandardDeviation, mean as ssMean } from 'simple-statistics';
import { assess, coefficientOfVariation, validateSubmission, type ReliabilitySubmissionInput } from '../src/index.js';
import { median, timeRuns, type BenchResult } from '@kekao/test/bench';
import { seededRandom } from '../src/stats/seededRandom.js';

/** The naive single-pass CV (Σx, Σx²) — fast but numerically fragile; the speed baseline. */
function plainLoopCv(v: readonly number[]): number {
  let s = 0;
  let ss = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    s += x;
    ss += x * x;
  }
  const n = v.length;
  const m = s / n;
  return Math.sqrt((ss - n * m * m) / (n - 1)) / m;
}

export function largeSubmission(): ReliabilitySubmissionInput {
  const r = seededRandom(42);
  const noise = () => (r() + r() + r() - 1.5) * 0.2;
  const times = Array.from({ length: 100 }, (_, i) => i * 50);
  return {
    rubric: 'reliability-2024',
    enterprise: { name: '基准企业' },
    product: { name: '基准产品' },
    basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: true, resultData: true },
    ic: {
      parameters: Array.from({ length: 20 }, (_, p) => ({
        name: `参数${p + 1}`,
        stages: [
          { stage: 't0', values: Array.from({ length: 5000 }, () => Math.round((100 + noise()) * 1000) / 1000) },
          { stage: 't1', usageHours: 2000, values: Array.from({ length: 5000 }, () => Math.round((99.5 + noise() * 1.5) * 1000) / 1000) },
        ],
      })),
    },
    id: {
      parameters: [{
        name: '漂移', limit: 10, direction: 'max', ratedLife: 8000, baseline: 0, model: 'auto',
        units: Array.from({ length: 200 }, (_, u) => ({ id: `U${u + 1}`, times, values: times.map((t) => Math.max(0, t * (0.0008 + u * 0.000002) + noise() * 0.05)) })),
      }],
    },
    ir: {
      scenarios: Array.from({ length: 50 }, (_, s) => ({
        name: `场景${s + 1}`, stresses: [{ category: 'high-temperature' as const, level: 85 + s, rated: 70 }], limit: 11.4, direction: 'min' as const,
        values: Array.from({ length: 20 }, () => 12 + noise()),
      })),
    },
    w: { before: { failures: 9, exposure: 16660 }, after: { failures: 2, exposure: 17877 } },
  };
}

export async function bench(): Promise<BenchResult[]> {
  const r = seededRandom(1);
  const values = Array.from({ length: 1_000_000 }, () => 1e3 + r() * 10);
  let sink = 0;
  const plain = median(timeRuns(() => { sink += plainLoopCv(values); }, 15));
  const ours = median(timeRuns(() => { sink += coefficientOfVariation(values).cv ?? 0; }, 15));
  const ss = median(timeRuns(() => { sink += sampleStandardDeviation(values) / ssMean(values); }, 15));

  const v = validateSubmission(largeSubmission());
  if (!v.ok) throw new Error('benchmark submission invalid');
  const sub = v.submission;
  const assessTimes = timeRuns(() => { sink += assess(sub).total; }, 41, 5);
  const validateTimes = timeRuns(() => { sink += validateSubmission(largeSubmission()).ok ? 1 : 0; }, 5, 1);
  if (sink === 42) console.log('');
  return [
    { name: 'CV over 1e6 values: kekao (two-pass, corrected)', value: ours, unit: 'ms', ratio: ours / plain, baseline: `plain single-pass loop ${plain.toFixed(2)} ms`, target: '≤ 2×' },
    { name: 'CV over 1e6 values: simple-statistics', value: ss, unit: 'ms', ratio: ss / plain, baseline: 'plain single-pass loop' },
    { name: 'CV: kekao vs simple-statistics', value: ours, unit: 'ms', ratio: ours / ss, baseline: `simple-statistics ${ss.toFixed(2)} ms` },
    { name: 'assess large submission (20×2×5000 Ic; 200×100 Id; 50×20 Ir), median', value: median(assessTimes), unit: 'ms', target: '< 20 ms', note: `p90 ${[...assessTimes].sort((a, b) => a - b)[Math.floor(assessTimes.length * 0.9)]!.toFixed(1)} ms` },
    { name: 'validate (zod) + build the same submission, median', value: median(validateTimes), unit: 'ms', note: 'input validation at the boundary, not part of assess' },
  ];
}
