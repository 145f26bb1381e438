import { afterAll, describe, expect, it } from 'vitest';
import { loadEvalCases } from './evalCases.js';
import { runEvaluation, type Evaluation } from './evaluate.js';
import { report, totals } from './report.js';

/**
 * The evaluation runner over the two dev sets (never used for training): every message through
 * the real conversation over PGlite. devset.jsonl (200) was written before any classifier existed;
 * devset2.jsonl (67) after the first had been looked at; devset3.jsonl (169, English, pinyin and
 * officers' questions) and devset4.jsonl (44 rubric and form questions, each with the words of the
 * clause its answer must quote) and devset5.jsonl (62: unregistered users, every questionnaire
 * step, off-topic errands) were written by the developers later, devset6.jsonl (355, voice-input
 * homophones among them) devset7.jsonl (381), devset8.jsonl (362) and devset9.jsonl (251) by developers who had not read the understanding code, and their failures guided
 * work, so none of them is a held-out measurement (HELDOUT*.md are). The held-out sets join them
 * once measured. Targets: ≥ 95 % correct, ≤ 2 % wrong.
 */

let evaluation: Evaluation | undefined;
afterAll(async () => {
  await evaluation?.world.db.close();
});

describe('understanding on the dev sets', () => {
  it('≥ 95 % correct and ≤ 2 % wrong, the rest clarifying', async () => {
    const file = (f: string) => new URL(f, import.meta.url).pathname;
    const sets = [
      'devset.jsonl',
      'devset2.jsonl',
      'devset3.jsonl',
      'devset4.jsonl',
      'devset5.jsonl',
      'devset6.jsonl',
      'devset7.jsonl',
      'devset8.jsonl',
      'devset9.jsonl',
    ];
    // Every held-out set, once measured (HELDOUT*.md records that one result), guards against regressions.
    const measured = ['heldout.jsonl', ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24].map((n) => `heldout${n}.jsonl`)];
    const cases = [...sets, ...measured].flatMap((f) => loadEvalCases(file(f)));
    evaluation = await runEvaluation(cases);
    console.log(report(evaluation.results));
    const t = totals(evaluation.results);
    expect(t.n).toBe(cases.length);
    expect(t.correct / t.n).toBeGreaterThanOrEqual(0.95);
    expect(t.wrong / t.n).toBeLessThanOrEqual(0.02);
  }, 600_000);
});
