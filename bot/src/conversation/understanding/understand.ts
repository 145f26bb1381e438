import { IntentClassifier, type Classification } from './classifier.js';
import { loadCorpus } from './corpus.js';
import { allowedIntents } from './context.js';
import { decide, type Decision } from './decide.js';
import { extractEntities, type Entities } from './entities.js';
import { normalise } from './normalise.js';

/**
 * Understanding one message, for every channel: normalise → classify → extract → decide. The
 * classifier is trained from the corpus once per process, on first use (deterministic; a few
 * hundred milliseconds), so the corpus file is the only source of truth and no generated model can
 * go stale. After that, one message takes well under a millisecond (bench: understanding.bench.ts).
 */

export interface UnderstandContext {
  /** Inside the assistance questionnaire: answer/skip/continue are possible, ack is not. */
  inQuestionnaire: boolean;
}

export interface Understanding extends Decision {
  text: string;
  normalised: string;
  confidence: number;
  classification: Classification;
  entities: Entities;
}

let model: IntentClassifier | undefined;

/** Words that make a message a question (then a number in it is not a score being entered). */
export const QUESTION = /[?？]|吗|呢|什么|怎么|怎样|如何|哪|几|谁|多少|多久|是否|能否|有没有|是不是|对不对|对吗|(?:是|对|占)[^，,。]{0,12}吧$|(?<![a-z])(how|what|when|who|which|where|why)(?![a-z])/i;

/** The process's classifier (trained on first use). */
export function classifier(): IntentClassifier {
  model ??= new IntentClassifier(loadCorpus());
  return model;
}

/**
 * The intent of a normalised message with the entity rules applied on top of the classifier (the
 * same for understanding and for cross-validation): an indicator with a score, not asked as a
 * question, is a score entry; a case number asks about that case.
 */
export function decideIntent(model: IntentClassifier, normalised: string, entities: Entities, context: UnderstandContext): { decision: Decision; classification: Classification } {
  const classification = model.classify(normalised, { allowed: allowedIntents(context) });
  let decision = decide(classification.ranked);
  if (!context.inQuestionnaire && entities.score && (decision.kind !== 'answer' || decision.intent !== 'scoreEntry') && !QUESTION.test(normalised)) {
    decision = { kind: 'answer', intent: 'scoreEntry', candidates: [] };
  }
  if (!context.inQuestionnaire && entities.caseRefs.length && decision.intent !== 'assistance.status') {
    decision = { kind: 'answer', intent: 'assistance.status', candidates: [] };
  }
  return { decision, classification };
}

export function understand(text: string, context: UnderstandContext = { inQuestionnaire: false }): Understanding {
  const normalised = normalise(text);
  const entities = extractEntities(normalised, text);
  const { decision, classification } = decideIntent(classifier(), normalised, entities, context);
  return {
    ...decision,
    text,
    normalised,
    confidence: classification.ranked[0]?.confidence ?? 0,
    classification,
    entities,
  };
}
