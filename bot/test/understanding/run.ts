/**
 * `npm run eval:understanding -- FILE.jsonl`: runs an evaluation file (format: evalCases.ts)
 * through the real conversation and prints totals, per-category rates and the wrong answers.
 * Exits 1 when the file cannot be read.
 */
import { loadEvalCases } from './evalCases.js';
import { runEvaluation } from './evaluate.js';
import { report } from './report.js';

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: npm run eval:understanding -- FILE.jsonl');
  process.exit(1);
}
const cases = loadEvalCases(file);
const started = performance.now();
const { results, world } = await runEvaluation(cases);
console.log(report(results));
console.log(`\n(${cases.length} messages in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
await world.db.close();
