/** The degradation path forms of the Id indicator: see pathModels/fitPath.ts for the method. */
export { fitAllPaths, fitAllUnits, fitPath, pathIncreasing } from './pathModels/fitPath.js';
export {
  MIN_PATH_POINTS,
  PATH_MODEL_LABELS,
  PATH_MODELS,
  type PathFit,
  type PathFitResult,
  type PathModel,
  type PathNotApplicable,
} from './pathModels/pathFit.js';
