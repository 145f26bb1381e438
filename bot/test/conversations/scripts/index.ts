import type { Script } from '../scriptFormat.js';
import { campaignZh } from './campaign.js';
import { cardsZh, outOfScope, unregisteredApplicant } from './cards.js';
import { closedZh } from './closedCampaign.js';
import { anyoneMayApplyEn, cardsEn, questionnaireNaturalEn, statusAndClosedEn } from './english.js';
import { cancelWords, questionnaireChoicesZh, questionnaireEn, questionnaireZh } from './questionnaire.js';
import { reviewerEn, reviewerZh, scoreEntryZh } from './reviewers.js';
import { rubricEn, rubricZh } from './rubric.js';
import { statusByName, understandingEn, understandingZh } from './understanding.js';

/** Every script, for every channel's driver. */
export const SCRIPTS: readonly Script[] = [
  understandingZh,
  understandingEn,
  statusByName,
  rubricZh,
  rubricEn,
  questionnaireZh,
  questionnaireChoicesZh,
  cancelWords,
  questionnaireEn,
  cardsZh,
  unregisteredApplicant,
  outOfScope,
  reviewerZh,
  reviewerEn,
  scoreEntryZh,
  campaignZh,
  closedZh,
  questionnaireNaturalEn,
  cardsEn,
  anyoneMayApplyEn,
  statusAndClosedEn,
];
