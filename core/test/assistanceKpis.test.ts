import { describe, expect, it } from 'vitest';
import {
  ASSISTANCE_KPI_KEYS,
  DEFAULT_TARGETS,
  assistanceKpiInputSchema,
  assistanceKpis,
  closureCycleDays,
  type AssistanceKpi,
  type AssistanceKpiKey,
} from '../src/metrics/assistanceKpis.js';

function byKey(list: AssistanceKpi[]): Record<AssistanceKpiKey, AssistanceKpi> {
  return Object.fromEntries(list.map((k) => [k.key, k])) as Record<AssistanceKpiKey, AssistanceKpi>;
}

const CLOSURES = [
  { start: '2024-01-15', accepted: '2024-03-01' },
  { start: '2024-02-28', accepted: '2024-03-01' },
  { start: '2023-12-20', accepted: '2024-02-25' },
  { start: '2024-03-10', accepted: '2024-03-10' },
];

// Expected values: core/test/reference/assistanceKpis.py (plain Python, datetime for the days).
describe('assistanceKpis (guide table D.2)', () => {
  const kpis = byKey(
    assistanceKpis({
      tasks: { completed: 37, total: 40 },
      nodes: { onTime: 57, total: 60 },
      issues: { closed: 18, total: 20 },
      closures: CLOSURES,
      sampling: { passed: 96, sampled: 100 },
      training: { required: 30, trained: 28, examPassed: 26 },
      satisfaction: [5, 4, 4, 3, 5, 4.5],
      keyProcessCpk: { before: 0.92, after: 1.41 },
    }),
  );

  it('lists every indicator in a fixed order', () => {
    expect(assistanceKpis({}).map((k) => k.key)).toEqual([...ASSISTANCE_KPI_KEYS]);
  });

  it.each([
    ['taskCompletionRate', 0.925, true],
    ['timelinessRate', 0.95, true], // exactly on the ≥ 95 % target
    ['rectificationCompletionRate', 0.9, false],
    ['closureCycleDays', 67, false], // longest rectification 67 days > 60
    ['samplingPassRate', 0.96, true],
    ['trainingCoverage', 0.9333333333333333, false],
    ['examPassRate', 0.9285714285714286, true],
    ['satisfaction', 4.25, true],
    ['keyProcessCpk', 1.41, true],
  ] as const)('%s = %s, met %s', (key, value, met) => {
    expect(kpis[key].value).toBeCloseTo(value, 14);
    expect(kpis[key].met).toBe(met);
    expect(kpis[key].target).toEqual(DEFAULT_TARGETS[key]);
    expect(kpis[key].reason).toBeUndefined();
  });

  it('carries the guide formulas in Chinese, and labels the D.2 "CPK" formula as Cp', () => {
    expect(kpis.taskCompletionRate.formula).toBe('完成任务数/总任务数×100%');
    expect(kpis.timelinessRate.formula).toBe('按时完成节点数/总节点数×100%');
    expect(kpis.rectificationCompletionRate.formula).toBe('已闭环问题数/清单总问题数×100%');
    expect(kpis.closureCycleDays.formula).toBe('从整改启动到验收通过的自然日');
    expect(kpis.samplingPassRate.formula).toBe('抽样检测合格件数/总抽样件数×100%');
    expect(kpis.trainingCoverage.formula).toBe('参训人数/应训人数×100%');
    expect(kpis.examPassRate.formula).toBe('考核合格人数/参训人数×100%');
    expect(kpis.keyProcessCpk.formula).toContain('实为Cp');
  });

  it('default targets are the D.2 examples', () => {
    expect(DEFAULT_TARGETS).toEqual({
      taskCompletionRate: { op: '>=', value: 0.9 },
      timelinessRate: { op: '>=', value: 0.95 },
      rectificationCompletionRate: { op: '>=', value: 0.95 },
      closureCycleDays: { op: '<=', value: 60 },
      samplingPassRate: { op: '>=', value: 0.95 },
      trainingCoverage: { op: '>=', value: 1 },
      examPassRate: { op: '>=', value: 0.9 },
      satisfaction: { op: '>=', value: 4 },
      keyProcessCpk: { op: '>=', value: 1.33 },
    });
  });

  it('details: closure cycle mean/longest, Cpk before → after', () => {
    expect(kpis.closureCycleDays.detail?.zh).toBe('共 4 个问题，平均 28.75 天，最长 67 天');
    expect(kpis.keyProcessCpk.detail?.en).toBe('Cpk from 0.92 to 1.41');
  });
});

describe('closureCycleDays', () => {
  it('natural days per issue, across a leap day and a year end (datetime: 46, 2, 67, 0)', () => {
    expect(closureCycleDays(CLOSURES)).toEqual({ days: [46, 2, 67, 0], mean: 28.75, max: 67 });
  });
  it('no issues → null', () => {
    expect(closureCycleDays([])).toEqual({ days: [], mean: null, max: null });
  });
});

describe('missing and undefined data', () => {
  it('a KPI with no input is null with 未提供数据', () => {
    for (const k of assistanceKpis({})) {
      expect(k.value).toBeNull();
      expect(k.met).toBeNull();
      expect(k.reason?.zh).toBe('未提供数据');
    }
  });
  it('zero denominators → null with their own reason', () => {
    const k = byKey(assistanceKpis({ tasks: { completed: 0, total: 0 }, training: { required: 0, trained: 0, examPassed: 0 } }));
    expect(k.taskCompletionRate.value).toBeNull();
    expect(k.taskCompletionRate.reason?.key).toBe('kpi.zeroDenominator');
    expect(k.trainingCoverage.reason?.key).toBe('kpi.zeroDenominator');
    expect(k.examPassRate.reason?.key).toBe('kpi.zeroDenominator');
  });
  it('exam pass rate without training coverage', () => {
    const k = byKey(assistanceKpis({ training: { trained: 20, examPassed: 19 } }));
    expect(k.examPassRate.value).toBe(0.95);
    expect(k.trainingCoverage.reason?.key).toBe('kpi.noData');
  });
});

describe('targets and Cpk from data', () => {
  it('overrides one target, keeps the others', () => {
    const k = byKey(assistanceKpis({ tasks: { completed: 37, total: 40 } }, { taskCompletionRate: { op: '>=', value: 0.95 } }));
    expect(k.taskCompletionRate.met).toBe(false);
    expect(k.closureCycleDays.target).toEqual({ op: '<=', value: 60 });
  });
  it('computes Cpk from process data (reference/capability.py: 0.9199123287671326)', () => {
    const values = [10.02, 9.98, 10.05, 10.01, 9.97, 10.03, 10.0, 9.99, 10.04, 10.02, 9.96, 10.01, 10.03, 9.98, 10.0, 10.02, 9.99, 10.01, 10.04, 9.97];
    const k = byKey(assistanceKpis({ keyProcessCpk: { data: { values, lsl: 9.9, usl: 10.1 } } }));
    expect(k.keyProcessCpk.value).toBeCloseTo(0.9199123287671326, 12);
    expect(k.keyProcessCpk.met).toBe(false);
  });
  it('Cpk data without limits → null with the capability reason', () => {
    const k = byKey(assistanceKpis({ keyProcessCpk: { data: { values: [1, 2, 3] } } }));
    expect(k.keyProcessCpk.value).toBeNull();
    expect(k.keyProcessCpk.reason?.key).toBe('capability.noLimits');
  });
});

describe('assistanceKpiInputSchema', () => {
  it.each([
    [{ tasks: { completed: 5, total: 4 } }, ['tasks', 'completed']],
    [{ tasks: { completed: 1.5, total: 4 } }, ['tasks', 'completed']],
    [{ nodes: { onTime: -1, total: 4 } }, ['nodes', 'onTime']],
    [{ closures: [{ start: '2024-03-01', accepted: '2024-02-01' }] }, ['closures', 0, 'accepted']],
    [{ closures: [{ start: '2023-02-29', accepted: '2023-03-01' }] }, ['closures', 0, 'start']],
    [{ satisfaction: [6] }, ['satisfaction', 0]],
    [{ training: { trained: 5, examPassed: 6 } }, ['training', 'examPassed']],
  ])('rejects %j at the field', (input, path) => {
    const r = assistanceKpiInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(path);
    expect(r.error!.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('assistanceKpis throws the validation error on bad input', () => {
    expect(() => assistanceKpis({ sampling: { passed: 11, sampled: 10 } })).toThrow();
  });
});
