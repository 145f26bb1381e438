import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess, validateSubmission, type ReliabilitySubmissionInput } from '../src/index.js';

/** Walks any JSON-like value and reports the path of the first NaN or ±Infinity. */
function findNonFinite(v: unknown, path = '$'): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNonFinite(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'function') continue;
      const p = findNonFinite(x, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true, noDefaultInfinity: true });
const values = fc.array(finite, { maxLength: 25 });
const raw = fc.record({ raw: fc.double({ min: 0, max: 100, noNaN: true }), reason: fc.option(fc.string(), { nil: undefined }) });

const submissionArb: fc.Arbitrary<ReliabilitySubmissionInput> = fc.record({
  rubric: fc.constant('reliability-2024' as const),
  enterprise: fc.record({ name: fc.string({ minLength: 1 }) }),
  product: fc.record({ name: fc.string({ minLength: 1 }), family: fc.constantFrom('general', 'electronic', 'mechanical', 'unknown-family') }),
  basicRequirements: fc.record({
    parameterChoice: fc.boolean(),
    sampleState: fc.boolean(),
    sampleSize: fc.boolean(),
    fieldData: fc.boolean(),
    instruments: fc.boolean(),
    testPlan: fc.boolean(),
    resultData: fc.boolean(),
  }),
  ic: fc.record({
    parameters: fc.array(
      fc.record({
        name: fc.string({ minLength: 1 }),
        stages: fc.array(
          fc.record({
            stage: fc.constantFrom('t0', 't1', 't2'),
            usageHours: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
            values,
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    ),
  }),
  id: fc.record({
    parameters: fc.array(
      fc.record({
        name: fc.string({ minLength: 1 }),
        limit: finite,
        direction: fc.constantFrom('min' as const, 'max' as const),
        ratedLife: positive,
        model: fc.constantFrom('linear' as const, 'exponential' as const, 'power' as const, 'logarithmic' as const, 'auto' as const),
        units: fc.array(
          fc.integer({ min: 0, max: 8 }).chain((n) =>
            fc.record({
              id: fc.string({ minLength: 1 }),
              times: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: n, maxLength: n }),
              values: fc.array(finite, { minLength: n, maxLength: n }),
            }),
          ),
          { minLength: 1, maxLength: 7 },
        ),
      }),
      { maxLength: 2 },
    ),
  }),
  ir: fc.record({
    scenarios: fc.array(
      fc.record({
        name: fc.string({ minLength: 1 }),
        stresses: fc.array(
          fc.record({
            category: fc.constantFrom('high-temperature' as const, 'vibration' as const, 'humidity' as const),
            level: fc.option(finite, { nil: undefined }),
            rated: fc.option(finite, { nil: undefined }),
          }),
          { maxLength: 2 },
        ),
        limit: finite,
        direction: fc.constantFrom('min' as const, 'max' as const),
        values,
      }),
      { maxLength: 6 },
    ),
  }),
  w: fc.option(
    fc.record({
      before: fc.record({ failures: fc.nat(1000), exposure: positive }),
      after: fc.record({ failures: fc.nat(1000), exposure: positive }),
    }),
    { nil: undefined },
  ),
  scores: fc.record({ Ic: raw, Id: raw, Ir: raw, W: raw, C: raw, G: raw }, { requiredKeys: [] }),
  fraud: fc.record({ Ic: fc.boolean(), Id: fc.boolean(), W: fc.boolean() }, { requiredKeys: [] }),
});

describe('assessment properties (fast-check)', () => {
  it('the generator produces valid submissions (so the properties below are not vacuous)', () => {
    const samples = fc.sample(submissionArb, 200);
    const valid = samples.filter((s) => validateSubmission(s).ok).length;
    expect(valid).toBe(200);
  });

  it('never lets NaN or Infinity reach an assessment; undefined metrics carry a reason', () => {
    fc.assert(
      fc.property(submissionArb, (input) => {
        const v = validateSubmission(input);
        if (!v.ok) return; // generated names may be fine; invalid ones are covered below
        const a = assess(v.submission);
        expect(findNonFinite(JSON.parse(JSON.stringify(a, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? `NONFINITE:${x}` : x))))).toBeNull();
        expect(JSON.stringify(a)).not.toContain('NONFINITE');
        for (const ind of a.indicators) {
          for (const p of (ind.metrics.parameters as Array<{ stages?: Array<{ cv: number | null; undefinedReason?: unknown }> }> | undefined) ?? []) {
            for (const st of p.stages ?? []) if (st.cv === null) expect(st.undefinedReason).toBeDefined();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('total equals the sum of the weighted scores', () => {
    fc.assert(
      fc.property(submissionArb, (input) => {
        const v = validateSubmission(input);
        if (!v.ok) return;
        const a = assess(v.submission);
        const sum = a.indicators.reduce((s, i) => s + (i.weightedScore ?? 0), 0);
        expect(a.total).toBeCloseTo(sum, 9);
        expect(a.total).toBeGreaterThanOrEqual(0);
        expect(a.total).toBeLessThanOrEqual(100 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('a bad submission fails validation with the path of the bad field', () => {
    const corruptions: Array<{ mutate: (s: Record<string, any>) => void; path: string }> = [
      { mutate: (s) => (s.ic.parameters[0].stages[0].values[1] = 'abc'), path: 'ic.parameters[0].stages[0].values[1]' },
      { mutate: (s) => (s.w = { before: { failures: -1, exposure: 10 }, after: { failures: 1, exposure: 10 } }), path: 'w.before.failures' },
      { mutate: (s) => (s.scores = { Ic: { raw: 101 } }), path: 'scores.Ic.raw' },
      { mutate: (s) => delete s.enterprise.name, path: 'enterprise.name' },
      {
        mutate: (s) => (s.id = { parameters: [{ name: 'x', limit: 1, direction: 'up', ratedLife: 1, units: [{ id: 'a', times: [0], values: [0] }] }] }),
        path: 'id.parameters[0].direction',
      },
      {
        mutate: (s) => (s.id = { parameters: [{ name: 'x', limit: 1, direction: 'max', ratedLife: 1, units: [{ id: 'a', times: [0, 1], values: [0] }] }] }),
        path: 'id.parameters[0].units[0].values',
      },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...corruptions), fc.string({ minLength: 1 }), (c, name) => {
        const s: Record<string, any> = {
          rubric: 'reliability-2024',
          enterprise: { name },
          product: { name: 'p' },
          ic: { parameters: [{ name: 'v', stages: [{ stage: 't0', values: [1, 2, 3] }] }] },
        };
        c.mutate(s);
        const v = validateSubmission(s);
        expect(v.ok).toBe(false);
        if (!v.ok) expect(v.errors.map((e) => e.path)).toContain(c.path);
      }),
      { numRuns: 60 },
    );
  });
});
