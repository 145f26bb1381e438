import type { Script } from '../scriptFormat.js';
import { cardsZh, outOfScope, unregisteredApplicant } from './cards.js';
import { closedZh } from './closedCampaign.js';
import { anyoneMayApplyEn, cardsEn, questionnaireNaturalEn, statusAndClosedEn } from './english.js';
import { cancelWords, questionnaireEn, questionnaireZh } from './questionnaire.js';
import { reviewerEn, reviewerZh } from './reviewers.js';
import { rubricEn, rubricZh } from './rubric.js';
import { statusByName, understandingEn, understandingZh } from './understanding.js';

/** Every script, for every channel's driver. */
export const SCRIPTS: readonly Script[] = [
  understandingZh, understandingEn, statusByName, rubricZh, rubricEn, questionnaireZh, cancelWords, questionnaireEn,
  cardsZh, unregisteredApplicant, outOfScope, reviewerZh, reviewerEn, closedZh,
  questionnaireNaturalEn, cardsEn, anyoneMayApplyEn, statusAndClosedEn,
];
