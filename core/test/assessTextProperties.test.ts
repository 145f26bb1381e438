import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, validateSubmission, type Assessment, type ReliabilitySubmissionInput } from '../src/index.js';
import { num, pct } from '../src/i18n/numberText.js';

/**
 * Properties of the assessment text (fast-check; the generator aims at every Id and W rule:
 * paths toward and away from the limit, baselines beyond it, measured exceedances, failure rates
 * that fall or rise):
 *  - no text contains a negative percentage;
 *  - every reason's number is the metric it cites, formatted as the reason formats it.
 */
const NEGATIVE_PERCENT = /[-−]\s*\d+(?:\.\d+)?\s*%/;

function texts(v: unknown, out: { zh: string; en: string; key?: string }[] = []) {
  if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') out.push({ zh: o.zh, en: o.en, key: o.key as string | undefined });
    for (const x of Object.values(o)) if (typeof x !== 'function') texts(x, out);
  }
  return out;
}

/** Units starting near `base`, drifting linearly (up or down) with a little noise. */
const unitsNear = (base: number) =>
  fc.integer({ min: 3, max: 9 }).chain((n) =>
    fc.array(
      fc
        .record({
          id: fc.integer({ min: 1, max: 999 }).map(String),
          start: fc.double({ min: base * 0.9, max: base * 1.1, noNaN: true }),
          slope: fc.double({ min: -0.004, max: 0.01, noNaN: true }),
          noise: fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: n, maxLength: n }),
        })
        .map((u) => {
          const times = Array.from({ length: n }, (_, i) => i * 100);
          return { id: u.id, times, values: times.map((t, i) => Math.max(0.01, u.start + u.slope * t + u.noise[i]!)) };
        }),
      { minLength: 1, maxLength: 6 },
    ),
  );

const parameterArb = fc
  .record({ base: fc.double({ min: 1, max: 10, noNaN: true }), offset: fc.double({ min: -6, max: 12, noNaN: true }) })
  .chain(({ base, offset }) =>
    fc.record({
      name: fc.integer({ min: 1, max: 99 }).map((i) => `P${i}`),
      limit: fc.constant(base + offset),
      direction: fc.constantFrom('min' as const, 'max' as const),
      ratedLife: fc.constantFrom(300, 800, 2000, 5000),
      model: fc.constantFrom('linear' as const, 'exponential' as const, 'power' as const, 'logarithmic' as const, 'auto' as const),
      units: unitsNear(base),
    }),
  );

const submissionArb: fc.Arbitrary<ReliabilitySubmissionInput> = fc.record({
  rubric: fc.constant('reliability-2024' as const),
  enterprise: fc.constant({ name: 'E1' }),
  product: fc.constant({ name: 'P1' }),
  basicRequirements: fc.constant({
    parameterChoice: true,
    sampleState: true,
    sampleSize: true,
    fieldData: true,
    instruments: true,
    testPlan: true,
    resultData: true,
  }),
  id: fc.record({ parameters: fc.array(parameterArb, { minLength: 1, maxLength: 3 }) }),
  w: fc.record({
    before: fc.record({ failures: fc.nat(60), exposure: fc.constantFrom(100, 1000, 5000) }),
    after: fc.record({ failures: fc.nat(60), exposure: fc.constantFrom(100, 1000, 5000) }),
  }),
});

function assessed(input: ReliabilitySubmissionInput): Assessment | null {
  const v = validateSubmission(input);
  return v.ok ? assess(v.submission) : null;
}

describe('assessment text properties (fast-check)', () => {
  it('the generator produces valid submissions that reach the rules (not vacuous)', () => {
    const keys = new Set<string>();
    for (const s of fc.sample(submissionArb, { numRuns: 400, seed: 20240613 })) {
      const a = assessed(s);
      expect(a).not.toBeNull();
      for (const i of a!.indicators) for (const r of i.reasons) keys.add(r.key);
    }
    for (const k of ['id.rule.measuredExceedance', 'id.rule.large', 'id.rule.small', 'id.baselineBeyondLimit', 'w.reduction']) expect(keys).toContain(k);
  });

  it('no assessment text contains a negative percentage', () => {
    fc.assert(
      fc.property(submissionArb, (input) => {
        const a = assessed(input)!;
        for (const t of texts(a)) {
          expect(t.zh, t.key).not.toMatch(NEGATIVE_PERCENT);
          expect(t.en, t.key).not.toMatch(NEGATIVE_PERCENT);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("every Id and W reason's number matches the metric it cites", () => {
    fc.assert(
      fc.property(submissionArb, (input) => {
        const a = assessed(input)!;
        const id = a.indicators.find((i) => i.code === 'Id')!;
        const params = (id.metrics as { parameters: any[] }).parameters;
        // The rule reasons of each parameter (what was measured, else the drift share), in order.
        const rules = id.reasons.filter((r) => r.key.startsWith('id.rule.') || r.key === 'id.noShare' || r.key === 'id.baselineBeyondLimit');
        const owners = params.flatMap((p) => {
          const measured = (p.baselineBeyondLimit.count > 0 ? 1 : 0) + (p.measuredExceedances.count > 0 ? 1 : 0);
          return Array.from({ length: Math.max(measured, 1) }, () => p);
        });
        expect(rules).toHaveLength(owners.length);
        rules.forEach((r, k) => {
          const p = owners[k];
          expect(r.en).toContain(`Parameter "${p.name}"`);
          if (r.key === 'id.rule.measuredExceedance') {
            expect(r.zh).toContain(`${p.measuredExceedances.count}/${p.measuredExceedances.unitCount} 个样品`);
            expect(r.en).toContain(`${p.measuredExceedances.count}/${p.measuredExceedances.unitCount} units`);
            expect(p.measuredExceedances.count).toBeGreaterThan(0);
          } else if (r.key === 'id.baselineBeyondLimit') {
            expect(r.en).toContain(`${p.baselineBeyondLimit.count}/${p.baselineBeyondLimit.unitCount} units`);
          } else if (r.key !== 'id.noShare') {
            const cited = r.en.match(/(\d+)%/)?.[1];
            if (p.worstDriftShare > 0) expect(`${cited}%`).toBe(pct(p.worstDriftShare, 0));
            else expect(r.en).toContain('the drift runs opposite to the limit');
          }
        });
        const w = a.indicators.find((i) => i.code === 'W')!;
        const m = w.metrics as any;
        const red = w.reasons.find((r) => r.key === 'w.reduction');
        if (red) {
          expect(red.en).toContain(`Failure rate ${num(m.before.rate)} → ${num(m.after.rate)}`);
          expect(red.en).toContain(m.reduction >= 0 ? `reduction ${pct(m.reduction, 1)}` : `increase of ${pct(-m.reduction, 1)}`);
          if (m.rateRatio !== null) expect(red.en).toContain(`rate ratio ${num(m.rateRatio)}`);
          if (m.pValue !== null) expect(red.en).toContain(`p = ${num(m.pValue, 3)}`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
