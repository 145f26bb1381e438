import type { Intent } from './understanding/intents.js';
import type { ParsedScore } from './understanding/scores.js';

/**
 * What the conversation decided for one turn, for the evaluation runner and the logs: the intent
 * acted on (or the candidates of a clarifying question), and what was taken from the message.
 * Never shown to users.
 */
export interface TurnTrace {
  kind: 'answer' | 'clarify' | 'fallback' | 'card';
  intent?: Intent;
  candidates?: Intent[];
  confidence?: number;
  /** Province short names the answer used (contacts), e.g. ['河北']. */
  places?: string[];
  indicators?: string[];
  score?: ParsedScore;
  /** Organisation names the answer was about (matched in the asker's scope). */
  enterprises?: string[];
  /** The accepted questionnaire answer: the stored value and how it was echoed. */
  answer?: { field: string; value: unknown; label: string };
}

export type TraceSink = (t: TurnTrace) => void;
