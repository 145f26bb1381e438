import { afterAll, describe, expect, it } from 'vitest';
import { loadEvalCases } from './evalCases.js';
import { runEvaluation, type Evaluation } from './evaluate.js';
import { report, totals } from './report.js';

/**
 * The evaluation runner over the two dev sets (never used for training): every message through
 * the real conversation over PGlite. devset.jsonl (200) was written before any classifier existed;
 * devset2.jsonl (67) after the first had been looked at. Targets: ≥ 95 % correct, ≤ 2 % wrong.
 */

let evaluation: Evaluation | undefined;
afterAll(async () => {
  await evaluation?.world.db.close();
});

describe('understanding on the dev sets', () => {
  it('≥ 95 % correct and ≤ 2 % wrong, the rest clarifying', async () => {
    const file = (f: string) => new URL(f, import.meta.url).pathname;
    const cases = [...loadEvalCases(file('devset.jsonl')), ...loadEvalCases(file('devset2.jsonl'))];
    evaluation = await runEvaluation(cases);
    console.log(report(evaluation.results));
    const t = totals(evaluation.results);
    expect(t.n).toBe(cases.length);
    expect(t.correct / t.n).toBeGreaterThanOrEqual(0.95);
    expect(t.wrong / t.n).toBeLessThanOrEqual(0.02);
  }, 600_000);
});
