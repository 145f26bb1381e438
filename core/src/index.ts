/**
 * kekao core: rubrics as data, metrics, scoring and programme rules. Pure TypeScript — no I/O,
 * no Node-only APIs — so it runs unchanged in Node, a browser page and Excel's JS runtime.
 */
export * from './i18n/note.js';
export { BilingualError } from './i18n/bilingualError.js';
export * from './submission/index.js';
export * from './scoring/assessment.js';
export { assess, assessInput, validateSubmission, submissionJsonSchema, issuesFromZod, formatPath } from './scoring/assess.js';
export type { AssessOptions, AssessInputResult, ValidationResult } from './scoring/assess.js';
export { DEFAULT_BAND_POLICIES, bandPolicySchema, resolveBandPolicy } from './scoring/bandPolicy.js';
export type { BandPolicy, BandPolicyOverride } from './scoring/bandPolicy.js';
export { aggregatePanel, panelReviewSchema, TRIMMED_MEAN_FROM } from './scoring/panel.js';
export type { PanelAggregate, PanelIndicator, PanelReview } from './scoring/panel.js';
export { checkRawScore } from './scoring/rawScore.js';
export { integrityFlags } from './scoring/integrityFlags.js';
export { suggestTier } from './scoring/incubationTier.js';
export { icBand } from './scoring/reliability/icBand.js';
export { idBand } from './scoring/reliability/idBand.js';
export { irBand } from './scoring/reliability/irBand.js';
export { wBand } from './scoring/reliability/wBand.js';
export { rubricBand, LEVEL_LABEL } from './scoring/bandSuggestion.js';
export type { Level, BandSuggestion } from './scoring/bandSuggestion.js';

export * from './stats/moments.js';
export * from './stats/quantiles.js';
export * from './metrics/consistency.js';
export * from './metrics/cvInterval.js';
export * from './metrics/degradationPath.js';
export * from './metrics/degradation.js';
export * from './metrics/lifeDistribution.js';
export * from './metrics/margin.js';
export * from './metrics/stressCategories.js';
export * from './metrics/failureRate.js';
export * from './metrics/capability.js';
export * from './metrics/assistanceKpis.js';

export * from './rubrics/index.js';
export * from './programme/campaign.js';
export * from './programme/contacts.js';
export * from './programme/incubationTiers.js';
export * from './programme/assistance.js';
export * from './programme/organisationName.js';
export * from './programme/registryMismatch.js';
export { suggestBand } from './scoring/suggestBand.js';
export type { IndicatorSummary, SuggestedBand } from './scoring/suggestBand.js';
export { cvLevel, icMatrix } from './scoring/reliability/icBand.js';
export { idShareLevel } from './scoring/reliability/idBand.js';
export { irCoverageLevel } from './scoring/reliability/irBand.js';
export type { IrCoverage } from './scoring/reliability/irBand.js';
export { wReductionLevel } from './scoring/reliability/wBand.js';
