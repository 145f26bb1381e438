import { INTENTS, OUTSIDE_ONLY, QUESTIONNAIRE_ONLY, type Intent } from './intents.js';

/** Which intents a message can have where it is said: inside the questionnaire or not. */
export function allowedIntents(context: { inQuestionnaire: boolean }): ReadonlySet<Intent> {
  return context.inQuestionnaire ? INSIDE : OUTSIDE;
}
const INSIDE: ReadonlySet<Intent> = new Set(INTENTS.filter((i) => !OUTSIDE_ONLY.has(i)));
const OUTSIDE: ReadonlySet<Intent> = new Set(INTENTS.filter((i) => !QUESTIONNAIRE_ONLY.has(i)));
