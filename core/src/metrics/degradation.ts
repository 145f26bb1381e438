/**
 * Id (退化) metrics: per-unit degradation paths, pseudo-failure times, projection to the rated
 * life, and across units a life distribution of the failure times — the degradation-path /
 * pseudo-failure-time approach of Meeker & Escobar 1998, *Statistical Methods for Reliability
 * Data*, §13.7. The parts: degradation/ (one file per step) and pathModels/ (the four path forms).
 */
export { unitDegradation, type UnitDegradation } from './degradation/unitDegradation.js';
export {
  parameterDegradation,
  type BetterModel,
  type ParameterDegradation,
  type ParameterDegradationOptions,
} from './degradation/parameterDegradation.js';
export { CLEARLY_BETTER_MEAN_R2, POOR_UNIT_R2, type ModelCandidate } from './degradation/modelChoice.js';
export { MIN_LIFE_UNITS, type LifeFit } from './degradation/lifeFit.js';
export type { MeasuredExceedance } from './degradation/measurements.js';
