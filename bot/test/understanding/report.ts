import type { CaseResult } from './evaluate.js';

/** Totals, per-category rates and the wrong answers, as text. */

export interface Totals {
  n: number;
  correct: number;
  clarify: number;
  wrong: number;
}

export function totals(results: readonly CaseResult[]): Totals {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  return { n: results.length, correct: count('correct'), clarify: count('clarify'), wrong: count('wrong') };
}

const pct = (k: number, n: number) => `${((100 * k) / (n || 1)).toFixed(1)} %`;

export function report(results: readonly CaseResult[]): string {
  const all = totals(results);
  const lines = [
    `messages: ${all.n}   correct: ${all.correct} (${pct(all.correct, all.n)})   clarify: ${all.clarify} (${pct(all.clarify, all.n)})   wrong: ${all.wrong} (${pct(all.wrong, all.n)})`,
    '',
    `${'category'.padEnd(22)} ${'n'.padStart(4)} ${'correct'.padStart(9)} ${'clarify'.padStart(9)} ${'wrong'.padStart(9)}`,
  ];
  const categories = [...new Set(results.map((r) => r.case.category))].sort();
  for (const cat of categories) {
    const t = totals(results.filter((r) => r.case.category === cat));
    lines.push(
      `${cat.padEnd(22)} ${String(t.n).padStart(4)} ${pct(t.correct, t.n).padStart(9)} ${pct(t.clarify, t.n).padStart(9)} ${pct(t.wrong, t.n).padStart(9)}`,
    );
  }
  const wrong = results.filter((r) => r.verdict === 'wrong');
  if (wrong.length) {
    lines.push('', 'wrong:');
    for (const r of wrong) {
      lines.push(
        `  ${r.case.id} [${r.case.context.role}${r.case.context.inQuestionnaire ? ` @${r.case.context.inQuestionnaire}` : ''}] “${r.case.text}” — ${r.why.join('; ')}`,
      );
      lines.push(`      reply: ${r.reply.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  }
  const clarify = results.filter((r) => r.verdict === 'clarify');
  if (clarify.length) {
    lines.push('', 'clarify:');
    for (const r of clarify) lines.push(`  ${r.case.id} “${r.case.text}” (expected ${r.case.expect.intent}) — ${r.why.join('; ')}`);
  }
  return lines.join('\n');
}
