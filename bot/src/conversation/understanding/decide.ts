import type { RankedIntent } from './classifier.js';
import type { Intent } from './intents.js';

/**
 * Step 4: answer, ask one clarifying question, or say briefly what kekao can do. A wrong answer is
 * worse than a question, so the bar to answer is high. The thresholds were chosen on the corpus's
 * cross-validated predictions (crossValidation.ts), never on the dev set: on the 10-fold
 * predictions of the corpus they answer ~96 % of messages, ask ~4 % and answer ~1.6 % wrongly (the
 * best intent must be twice as likely as the second: with 1.5 the corpus answered 1.9 % wrongly
 * and asked 2.9 %; a wrong answer costs more than a question)
 * (bot/test/understanding/classifier.test.ts prints the current rates and fails above 2 % wrong).
 */

export type DecisionKind = 'answer' | 'clarify' | 'fallback';

export interface Decision {
  kind: DecisionKind;
  intent: Intent;
  /** For `clarify`: the two (or three) candidates offered as buttons, best first. */
  candidates: Intent[];
}

export const THRESHOLDS = {
  /** Answer when the best intent has at least this probability … */
  answer: 0.4,
  /** … and beats the second by at least this factor. */
  ratio: 2,
  /** Ask between the best candidates when together they have at least this probability (below it, a
   * vague message such as "我想问问那个" gets the short "I can help with …" line, not two guesses). */
  clarify: 0.5,
  /** A candidate is offered only with at least this probability. */
  candidate: 0.12,
};

/** Offered as a clarifying button only when it is something to do; small talk never is. */
const NOT_A_CHOICE: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'ack', 'offTopic', 'answer']);

export function decide(ranked: readonly RankedIntent[]): Decision {
  const [first, second] = ranked;
  if (!first) return { kind: 'fallback', intent: 'offTopic', candidates: [] };
  const p2 = second?.confidence ?? 0;
  if (first.confidence >= THRESHOLDS.answer && first.confidence >= THRESHOLDS.ratio * p2) {
    return { kind: 'answer', intent: first.intent, candidates: [] };
  }
  const candidates = ranked.filter((r) => r.confidence >= THRESHOLDS.candidate && !NOT_A_CHOICE.has(r.intent)).slice(0, 3);
  const mass = candidates.reduce((n, r) => n + r.confidence, 0);
  if (candidates.length >= 2 && mass >= THRESHOLDS.clarify) {
    return { kind: 'clarify', intent: first.intent, candidates: candidates.map((c) => c.intent) };
  }
  return { kind: 'fallback', intent: first.intent, candidates: candidates.map((c) => c.intent) };
}
