import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aggregatePanel, assess, assessInput, validateSubmission, type Assessment, type ReliabilitySubmissionInput } from '../src/index.js';

const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/best-practice.json', import.meta.url)), 'utf8'));

function run(input: unknown): Assessment {
  const r = assessInput(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.assessment;
}

/** Values with an exactly known sample mean and SD: mean ± sd·sqrt((n−1)/n) alternating (n even). */
function withCv(mean: number, cv: number, n = 20): number[] {
  const sd = cv * mean;
  const d = sd * Math.sqrt((n - 1) / n);
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? mean + d : mean - d));
}

function base(over: Partial<ReliabilitySubmissionInput> = {}): ReliabilitySubmissionInput {
  return {
    rubric: 'reliability-2024',
    enterprise: { name: '测试企业' },
    product: { name: '测试产品' },
    basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: true, resultData: true },
    ...over,
  };
}

const ind = (a: Assessment, code: string) => a.indicators.find((i) => i.code === code)!;

describe('assess — the public contract', () => {
  it('gives the six reliability indicators in order, each with every public contract field', () => {
    const a = run(example);
    expect(a.rubric).toBe('reliability-2024');
    expect(a.indicators.map((i) => i.code)).toEqual(['Ic', 'Id', 'Ir', 'W', 'C', 'G']);
    for (const i of a.indicators)
      for (const k of ['code', 'weight', 'metrics', 'suggestedBand', 'reasons', 'warnings', 'rawScore', 'weightedScore']) expect(i).toHaveProperty(k);
    expect(a.basicRequirements).toEqual({ met: true, missing: [] });
    const ic = ind(a, 'Ic').metrics as any;
    expect(Object.keys(ic.parameters[0].stages[0])).toEqual(expect.arrayContaining(['stage', 'n', 'mean', 'sd', 'cv', 'cvLower', 'cvUpper']));
    const id = ind(a, 'Id').metrics as any;
    expect(Object.keys(id.parameters[0].units[0])).toEqual(expect.arrayContaining(['id', 'model', 'r2', 'pseudoFailureTime']));
    const ir = ind(a, 'Ir').metrics as any;
    expect(ir.scenarioCount).toBe(5);
    expect(Object.keys(ir.scenarios[0])).toEqual(expect.arrayContaining(['name', 'worstMargin', 'pass']));
    const w = ind(a, 'W').metrics as any;
    for (const k of ['reduction', 'rateRatio', 'rateRatioLower', 'rateRatioUpper', 'pValue']) expect(w).toHaveProperty(k);
    expect(w.before.rate).toBeCloseTo(9 / 16660, 12);
    expect(w.after.rate).toBeCloseTo(2 / 17877, 12);
    // Weights of 附表: 20/25/25/15/5/10 %; total = Σ raw × weight computed by hand.
    expect(a.total).toBeCloseTo(85 * 0.2 + 80 * 0.25 + 78 * 0.25 + 75 * 0.15 + 70 * 0.05 + 72 * 0.1, 9);
    expect(a.flags).toEqual([]);
  });
});

describe('Ic band — the rubric matrix of t=0 and t>0', () => {
  const param = (cv0: number, cv1: number | null) => ({
    name: '输出电压',
    stages: [{ stage: 't0', values: withCv(12, cv0) }, ...(cv1 === null ? [] : [{ stage: 't1', usageHours: 2000, values: withCv(12, cv1) }])],
  });
  const cases: Array<[number, number | null, number, number]> = [
    [0.005, 0.008, 91, 100], // both ≤ 1 %: 很好
    [0.02, 0.025, 71, 90], // both ≤ 3 %: 较好
    [0.005, 0.05, 41, 70], // t>0 poor, t=0 good
    [0.02, null, 41, 70], // no t>0 data
    [0.05, 0.005, 0, 40], // t=0 poor
  ];
  it.each(cases)('CV t0 %s, t1 %s → %s–%s', (cv0, cv1, min, max) => {
    const a = run(base({ ic: { parameters: [param(cv0, cv1)] } }));
    expect(ind(a, 'Ic').suggestedBand).toEqual({ min, max });
    const st = (ind(a, 'Ic').metrics as any).parameters[0].stages[0];
    expect(st.cv).toBeCloseTo(cv0, 12);
  });

  it('note (a): an unmet basic requirement holds Ic/Id/Ir to 0–40 and caps the raw score', () => {
    const a = run(
      base({
        basicRequirements: { parameterChoice: true },
        ic: { parameters: [param(0.005, 0.008)] },
        scores: { Ic: { raw: 95, reason: '专家判断' }, W: { raw: 80 } },
      }),
    );
    expect(a.basicRequirements.met).toBe(false);
    expect(a.basicRequirements.missing.map((m) => m.key)).toEqual(['sampleState', 'sampleSize', 'fieldData', 'instruments', 'testPlan', 'resultData']);
    expect(ind(a, 'Ic').suggestedBand).toEqual({ min: 0, max: 40 });
    expect(ind(a, 'Ic').weightedScore).toBeCloseTo(40 * 0.2, 12);
    expect(ind(a, 'W').weightedScore).toBeCloseTo(80 * 0.15, 12);
    expect(a.tier?.tier).toBe(3);
  });

  it('note (d): fraud sets the indicator to 0', () => {
    const a = run(base({ ic: { parameters: [param(0.005, 0.008)] }, scores: { Ic: { raw: 95 } }, fraud: { Ic: true } }));
    expect(ind(a, 'Ic').weightedScore).toBe(0);
    expect(ind(a, 'Ic').fraud).toBe(true);
  });

  it('a raw score outside the suggested band needs a reason', () => {
    const without = run(base({ ic: { parameters: [param(0.005, 0.008)] }, scores: { Ic: { raw: 60 } } }));
    expect(ind(without, 'Ic').scoreIssues.map((n) => n.key)).toEqual(['score.outsideBandNoReason']);
    const withReason = run(base({ ic: { parameters: [param(0.005, 0.008)] }, scores: { Ic: { raw: 60, reason: '样品来源存疑' } } }));
    expect(ind(withReason, 'Ic').scoreIssues).toEqual([]);
  });
});

describe('W band', () => {
  it('the published rate-ratio example is a 79 % reduction that is not significant at 5 %', () => {
    const a = run(base({ w: { before: { failures: 9, exposure: 16660 }, after: { failures: 2, exposure: 17877 } } }));
    const m = ind(a, 'W').metrics as any;
    expect(m.rateRatio).toBeCloseTo(0.20709, 5);
    expect(m.pValue).toBeCloseTo(0.0501, 4);
    expect(ind(a, 'W').suggestedBand).toEqual({ min: 71, max: 90 });
    expect(ind(a, 'W').warnings.map((w) => w.key)).toContain('w.notSignificant');
  });
  it('a large, significant reduction is 91–100', () => {
    const a = run(base({ w: { before: { failures: 60, exposure: 10000 }, after: { failures: 10, exposure: 10000 } } }));
    expect(ind(a, 'W').suggestedBand).toEqual({ min: 91, max: 100 });
  });
});

describe('Ir band', () => {
  const scenario = (name: string, category: any, values: number[]) => ({
    name,
    stresses: [{ category, level: 90, rated: 70 }],
    limit: 10,
    direction: 'min' as const,
    values,
  });
  it('fewer than 3 scenarios breaks the rubric minimum → 0–40, with a warning', () => {
    const a = run(base({ ir: { scenarios: [scenario('高温', 'high-temperature', [11, 12])] } }));
    expect(ind(a, 'Ir').suggestedBand).toEqual({ min: 0, max: 40 });
    expect(ind(a, 'Ir').warnings.length).toBeGreaterThan(0);
  });
  it('a failing scenario does not count toward coverage', () => {
    const a = run(
      base({ ir: { scenarios: [scenario('a', 'high-temperature', [11]), scenario('b', 'low-temperature', [11]), scenario('c', 'humidity', [9.5])] } }),
    );
    const m = ind(a, 'Ir').metrics as any;
    expect(m.scenarios[2].worstMargin).toBeCloseTo(-0.05, 12); // (9.5 − 10)/10
    expect(m.scenarios[2].pass).toBe(false);
    expect(ind(a, 'Ir').suggestedBand).toEqual({ min: 0, max: 40 });
  });
});

describe('FMEA and DB31/T 1368 assessments', () => {
  it('FMEA: total is the sum of item points; an item above its standard score is refused', () => {
    const scores = {
      background: 5,
      input: 4.5,
      objective: 4,
      team: 5,
      structureFunction: 4,
      failureRisk: 9,
      optimisation: 9.5,
      documentation: 4,
      goalAchievement: 9,
      lessonsLearned: 8,
      qualityImprovement: 9,
      innovation: 8,
      promotion: 4,
      level: 4,
    };
    const a = run({
      rubric: 'fmea-case-2025',
      enterprise: { name: 'E' },
      case: { name: '电机控制器 PFMEA' },
      scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { raw: v }])),
    });
    expect(a.total).toBeCloseTo(87, 12);
    expect(a.complete).toBe(true);
    expect(a.grade?.zh).toMatch(/较好/);
    const bad = run({ rubric: 'fmea-case-2025', enterprise: { name: 'E' }, case: { name: 'c' }, scores: { background: { raw: 6 } } });
    expect(bad.indicators[0]!.scoreIssues.map((i) => i.key)).toEqual(['score.outOfRange']);
  });

  it('DB31: economic items are suggested from the before/after figures and the enterprise size', () => {
    const a = run({
      rubric: 'db31-1368-2022',
      enterprise: { name: 'E', size: 'small' },
      project: { name: '高可靠连接器攻关' },
      financials: { before: { sales: 1000, profit: 100 }, after: { sales: 1080, profit: 112, costReduction: 80, forexSaving: 30 } },
      ecology: { before: 200, after: 185 },
    });
    const item = (id: string) => a.indicators.find((i) => i.code === id)!;
    // profit growth 12 % ≥ 10 % → 7–10; small firm 110 万元 ≥ 100 → 7–10; emissions −7.5 % → 2–3.
    expect(item('directEconomic').suggestedBand).toEqual({ min: 7, max: 10 });
    expect(item('indirectEconomic').suggestedBand).toEqual({ min: 7, max: 10 });
    expect(item('ecological').suggestedBand).toEqual({ min: 2, max: 3 });
    const large = run({
      rubric: 'db31-1368-2022',
      enterprise: { name: 'E', size: 'large' },
      project: { name: 'p' },
      financials: { before: {}, after: { costReduction: 80, forexSaving: 30 } },
    });
    expect(large.indicators.find((i) => i.code === 'indirectEconomic')!.suggestedBand).toEqual({ min: 4, max: 6 });
  });
});

describe('panel aggregation', () => {
  const weights = { Ic: 0.2, Id: 0.25, Ir: 0.25, W: 0.15, C: 0.05, G: 0.1 };
  const all = (v: number) => ({ Ic: v, Id: v, Ir: v, W: v, C: v, G: v });
  it('mean of reviewer totals below 5 reviewers; trimmed mean from 5 on', () => {
    const three = aggregatePanel(
      [
        { reviewerId: 'a', scores: all(80) },
        { reviewerId: 'b', scores: all(70) },
        { reviewerId: 'c', scores: all(90) },
      ],
      weights,
    );
    expect(three.method).toBe('mean');
    expect(three.score).toBeCloseTo(80, 12);
    const five = aggregatePanel(
      [60, 75, 80, 85, 99].map((v, i) => ({ reviewerId: `r${i}`, scores: all(v) })),
      weights,
    );
    expect(five.method).toBe('trimmed-mean');
    expect(five.score).toBeCloseTo((75 + 80 + 85) / 3, 12);
  });
  it('flags an indicator whose raw scores span more than the configured range', () => {
    const p = aggregatePanel(
      [
        { reviewerId: 'a', scores: { ...all(80), Id: 95 } },
        { reviewerId: 'b', scores: { ...all(80), Id: 60 } },
      ],
      weights,
      { disagreementRange: 20 },
    );
    expect(p.disagreement).toBe(true);
    expect(p.indicators.find((i) => i.code === 'Id')).toMatchObject({ min: 60, max: 95, range: 35, disagreement: true });
    expect(p.indicators.find((i) => i.code === 'Ic')!.disagreement).toBe(false);
  });
});

describe('data-integrity flags', () => {
  it('flags identical values, duplicated series, finer-than-resolution values and digit preference', () => {
    const same = Array(8).fill(12.0);
    const copied = [12.01, 11.98, 12.03, 12.0];
    const digits = Array.from({ length: 100 }, (_, i) => 12 + (i % 10 === 0 ? 0.01 : 0.05) + Math.floor(i / 10) * 0.1);
    const a = run(
      base({
        ic: {
          parameters: [
            {
              name: 'A',
              resolution: 0.01,
              stages: [
                { stage: 't0', values: same },
                { stage: 't1', usageHours: 500, values: [12.001, 12.02, 12.03] },
              ],
            },
            {
              name: 'B',
              stages: [
                { stage: 't0', values: copied },
                { stage: 't1', usageHours: 500, values: copied },
              ],
            },
            { name: 'C', stages: [{ stage: 't0', values: digits }] },
          ],
        },
      }),
    );
    const kinds = a.flags.map((f) => `${f.kind}@${f.path}`);
    expect(kinds).toContain('identical-values@ic.parameters[0].stages[0]');
    expect(kinds).toContain('finer-than-resolution@ic.parameters[0].stages[1]');
    expect(kinds).toContain('duplicate-rows@ic.parameters[1].stages[1]');
    expect(kinds).toContain('terminal-digit@ic.parameters[2].stages[0]');
    for (const f of a.flags) expect(f.status).toBe('需核实');
    // Flags never change a score.
    expect(a.indicators.every((i) => !i.fraud)).toBe(true);
  });
  it('does not flag ordinary measurements', () => {
    const a = run(example);
    expect(a.flags).toEqual([]);
  });
});

describe('validation', () => {
  it('rejects an unknown rubric with a bilingual message', () => {
    const v = validateSubmission({ rubric: 'nope' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]!.zh).toMatch(/rubric/);
  });
});

describe('suggestBand from key figures agrees with assess', () => {
  it('gives the same bands as assess for the worked example', async () => {
    const { suggestBand } = await import('../src/index.js');
    const a = run(example);
    const ic = (ind(a, 'Ic').metrics as any).parameters as Array<{ stages: Array<{ isInitial: boolean; cv: number }> }>;
    const worst = (initial: boolean) => Math.max(...ic.flatMap((p) => p.stages.filter((s) => s.isInitial === initial).map((s) => s.cv)));
    expect(suggestBand({ code: 'Ic', cvInitial: worst(true), cvLater: worst(false) }, { family: 'electronic' }).band).toEqual(ind(a, 'Ic').suggestedBand);
    const id = (ind(a, 'Id').metrics as any).parameters[0];
    expect(suggestBand({ code: 'Id', worstDriftShare: id.worstDriftShare, effectiveModel: id.effectiveModel }).band).toEqual(ind(a, 'Id').suggestedBand);
    const w = ind(a, 'W').metrics as any;
    expect(suggestBand({ code: 'W', reduction: w.reduction, pValue: w.pValue }).band).toEqual(ind(a, 'W').suggestedBand);
    expect(suggestBand({ code: 'Ir', passingScenarios: 5, categories: 5, minSamples: 3, meanSeverity: 1.3 }).band).toEqual(ind(a, 'Ir').suggestedBand);
    expect(suggestBand({ code: 'Ir', passingScenarios: 9, categories: 7, minSamples: 3, meanSeverity: 1.3 }, { basicRequirementsMet: false }).band).toEqual({
      min: 0,
      max: 40,
    });
  });
});
