import { IntentClassifier, type Classification } from './classifier.js';
import type { Example } from './corpus.js';
import type { Decision } from './decide.js';
import { extractEntities } from './entities.js';
import { INTENTS, QUESTIONNAIRE_ONLY, type Intent } from './intents.js';
import { normalise } from './normalise.js';
import { decideIntent } from './understand.js';

/**
 * Stratified k-fold cross-validation of the classifier on the corpus: the j-th example of each
 * intent goes to fold j mod k, so every fold has every intent in proportion; each fold is
 * classified by a model trained on the other k − 1. Each example is classified in the context its
 * intent belongs to (answer/skip/continue inside the questionnaire, everything else outside).
 */

export interface Prediction {
  example: Example;
  classification: Classification;
  /** The decision with the entity rules (answer / clarify / fallback). */
  decision: Decision;
  /** The intent decided (the classifier's best, or what an entity rule says). */
  predicted: Intent | undefined;
}

export interface CrossValidation {
  folds: number;
  accuracy: number;
  predictions: Prediction[];
  /** Per intent: examples and how many were classified correctly. */
  byIntent: Record<string, { n: number; correct: number }>;
}

export function contextOfExample(e: Example): { inQuestionnaire: boolean } {
  return { inQuestionnaire: QUESTIONNAIRE_ONLY.has(e.intent) || e.intent === 'continue' };
}

export function crossValidate(examples: readonly Example[], folds = 10): CrossValidation {
  const fold = new Map<number, number>();
  const seen = new Map<Intent, number>();
  for (const e of examples) {
    const j = seen.get(e.intent) ?? 0;
    seen.set(e.intent, j + 1);
    fold.set(e.id, j % folds);
  }
  const predictions: Prediction[] = [];
  for (let k = 0; k < folds; k++) {
    const model = new IntentClassifier(examples.filter((e) => fold.get(e.id) !== k));
    for (const e of examples.filter((x) => fold.get(x.id) === k)) {
      const normalised = normalise(e.text);
      const { decision, classification } = decideIntent(model, normalised, extractEntities(normalised, e.text), contextOfExample(e));
      const rule = decision.intent !== classification.ranked[0]?.intent ? decision.intent : undefined;
      predictions.push({ example: e, classification, decision, predicted: rule ?? classification.ranked[0]?.intent });
    }
  }
  const byIntent: CrossValidation['byIntent'] = Object.fromEntries(INTENTS.map((i) => [i, { n: 0, correct: 0 }]));
  for (const p of predictions) {
    byIntent[p.example.intent]!.n++;
    if (p.predicted === p.example.intent) byIntent[p.example.intent]!.correct++;
  }
  const correct = predictions.filter((p) => p.predicted === p.example.intent).length;
  return { folds, accuracy: correct / predictions.length, predictions, byIntent };
}
