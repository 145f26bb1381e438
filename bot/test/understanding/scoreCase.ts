import type { TurnTrace } from '../../src/conversation/trace.js';
import { INTAKE_FIELDS } from '../../src/conversation/intakeFields.js';
import type { EvalCase } from './evalCases.js';

/**
 * One message's verdict: correct (the decided intent is the expected one and every given
 * expectation holds), clarify (the bot asked a clarifying question or gave the short "I can help
 * with …" line instead of answering) or wrong (anything else). Texts are compared after Unicode
 * NFKC (full-width and half-width forms alike) with whitespace removed, so "不少于 3 种" and
 * "不少于3种", "91～100" and "91~100" count as the same words.
 */

export type Verdict = 'correct' | 'clarify' | 'wrong';

export function comparable(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** An option's names in both languages: a label says 中型 in a Chinese conversation and Medium in an English one. */
function optionNames(field: string, value: string): string[] {
  const o = INTAKE_FIELDS.find((f) => f.key === field)?.options?.find((x) => x.value === value);
  return o ? [o.zh, o.en] : [];
}

function valueMatches(expected: unknown, answer: NonNullable<TurnTrace['answer']>): boolean {
  const want = comparable(String(expected));
  const v = answer.value;
  const values = Array.isArray(v) ? v.map(String) : [String(v)];
  const candidates = [answer.label, ...values, ...values.flatMap((x) => optionNames(answer.field, x))];
  if (v === true) candidates.push('yes', '是', 'true');
  if (v === false) candidates.push('no', '否', 'false');
  return candidates.some((c) => {
    const have = comparable(c);
    return have === want || (have.length >= 2 && want.includes(have)) || (want.length >= 2 && have.includes(want));
  });
}

export function scoreCase(c: EvalCase, trace: TurnTrace, reply: string): { verdict: Verdict; why: string[] } {
  if (trace.kind === 'clarify' || trace.kind === 'fallback') return { verdict: 'clarify', why: [`${trace.kind}: ${(trace.candidates ?? []).join(' / ')}`] };
  const e = c.expect;
  const why: string[] = [];
  if (trace.intent !== e.intent) why.push(`intent ${trace.intent ?? '—'} ≠ ${e.intent}`);
  if (e.place !== undefined) {
    const places = trace.places ?? [];
    if (e.place === 'none' ? places.length > 0 : !places.includes(e.place)) why.push(`place [${places.join(',')}] ≠ ${e.place}`);
  }
  if (e.indicators) {
    const have = new Set([...(trace.indicators ?? []), ...(trace.score ? [trace.score.indicator] : [])]);
    const missing = e.indicators.filter((i) => !have.has(i));
    if (missing.length) why.push(`indicators missing ${missing.join(',')} (have ${[...have].join(',')})`);
  }
  if (e.score) {
    const s = trace.score;
    if (!s || s.indicator !== e.score.indicator || s.raw !== e.score.raw || (e.score.entry !== undefined && s.entry !== e.score.entry)) {
      why.push(`score ${s ? `${s.entry ?? '?'} ${s.indicator} ${s.raw}` : 'none'} ≠ ${e.score.entry ?? '?'} ${e.score.indicator} ${e.score.raw}`);
    }
  }
  if (e.enterprise !== undefined) {
    const want = comparable(e.enterprise);
    const ok = (trace.enterprises ?? []).some((n) => comparable(n).includes(want) || want.includes(comparable(n)));
    if (!ok) why.push(`enterprise [${(trace.enterprises ?? []).join(',')}] ≠ ${e.enterprise}`);
  }
  for (const s of e.answerContains ?? []) if (!comparable(reply).includes(comparable(s))) why.push(`reply lacks “${s}”`);
  if (e.value !== undefined && (!trace.answer || !valueMatches(e.value, trace.answer))) {
    why.push(`value ${trace.answer ? JSON.stringify(trace.answer.value) : 'not accepted'} ≠ ${JSON.stringify(e.value)}`);
  }
  return { verdict: why.length ? 'wrong' : 'correct', why };
}
