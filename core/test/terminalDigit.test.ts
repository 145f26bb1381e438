import { describe, expect, it } from 'vitest';
import { inferredResolution, terminalDigitTest } from '../src/scoring/terminalDigit.js';
import { integrityFlags } from '../src/scoring/integrityFlags.js';
import { seededRandom } from '../src/stats/seededRandom.js';
import type { ReliabilitySubmission } from '../src/submission/reliabilitySubmission.js';

/** Honest measurements on a grid of step r: normal scatter (Box–Muller, seeded), rounded to the grid. */
function measured(n: number, mean: number, sd: number, r: number, seed: number): number[] {
  const u = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return Math.round((mean + sd * z) / r) * r;
  });
}

const submission = (values: number[], resolution?: number) =>
  ({
    rubric: 'reliability-2024',
    enterprise: { name: 'e' },
    product: { name: 'p' },
    ic: { parameters: [{ name: 'length', ...(resolution ? { resolution } : {}), stages: [{ stage: 't0', values }] }] },
  }) as unknown as ReliabilitySubmission;

const digitFlags = (values: number[], resolution?: number) => integrityFlags(submission(values, resolution)).filter((f) => f.kind === 'terminal-digit');

describe('terminal-digit flag on the recorded resolution', () => {
  it('data in sixteenths of an inch (0.0625 steps) raise no flag, though their decimals end in 5 or 0', () => {
    const v = measured(200, 3, 1.5, 1 / 16, 1);
    // The last decimal digit of a sixteenth is always 5 or 0 (…0625, …125, …1875, …25): a decimal
    // digit count would be far from uniform.
    expect(inferredResolution(v)).toBe(0.0625);
    expect(digitFlags(v)).toEqual([]);
  });

  it('0.5-step data raise no flag; with the resolution declared as 0.5 neither', () => {
    const v = measured(200, 50, 10, 0.5, 2);
    expect(inferredResolution(v)).toBe(0.5);
    expect(digitFlags(v)).toEqual([]);
    expect(digitFlags(v, 0.5)).toEqual([]);
  });

  it('hand-rounded values among 0.1-resolution data are still flagged', () => {
    // 0.1 resolution, but 70 % of the values were rounded to a whole number (last digit 0).
    const v = measured(300, 50, 10, 0.1, 3).map((x, i) => (i % 10 < 7 ? Math.round(x) : x));
    const [f] = digitFlags(v);
    expect(f?.message.zh).toContain('按记录分辨力 0.1 计');
    expect(f?.message.en).toContain('Ic parameter "length" stage t0');
  });

  it('values spread over fewer than 10 resolution steps are not tested (the digit follows the distribution)', () => {
    const v = measured(500, 10, 0.3, 0.1, 4); // SD 3 steps
    expect(terminalDigitTest(v)).toBeNull();
  });
});
