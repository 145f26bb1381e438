import type { Note } from '../../i18n/note.js';
import type { DegradationModelChoice, Direction, IdParameter } from '../../submission/reliabilitySubmission.js';
import { fitAllUnits, type PathModel } from '../degradationPath.js';
import { effectiveModelReasons, worstDriftShare } from './effectiveModel.js';
import { lifeFit, type LifeFit } from './lifeFit.js';
import { lifeObservations } from './lifeObservations.js';
import { chooseModel, clearlyBetterModel, modelCandidates, type ModelCandidate } from './modelChoice.js';
import { unitDegradation, type UnitDegradation } from './unitDegradation.js';

export interface ParameterDegradationOptions {
  /** R² bound every unit must reach for an effective degradation model (default 0.9). */
  minR2?: number;
}

/** What another, clearly better fitting form would give (reviewers decide which to believe). */
export interface BetterModel {
  model: PathModel;
  meanR2: number;
  declaredMeanR2: number | null;
  declaredMinR2: number | null;
  worstDriftShare: number | null;
  /** Units out of spec at the rated life under this form (measured or projected). */
  outOfSpecAtRatedLife: number;
  effectiveModel: boolean;
}

export interface ParameterDegradation {
  name: string;
  unit: string | undefined;
  limit: number;
  direction: Direction;
  ratedLife: number;
  /** What the submission declared ('auto' lets kekao choose). */
  declaredModel: DegradationModelChoice;
  /** The one path form used for every unit of this parameter. */
  model: PathModel;
  modelSelection: ModelCandidate[];
  units: UnitDegradation[];
  minR2: number;
  /** 有效退化模型: the form fits every unit with R² ≥ minR2 and every unit is within spec at rated life. */
  effectiveModel: boolean;
  /** Why the model is not effective (empty when it is). */
  effectiveModelReasons: Note[];
  /** Largest drift share over the units; null when none is defined. */
  worstDriftShare: number | null;
  /** Units within spec at the start, measured at or beyond the limit by the rated life: failed within life. */
  measuredExceedances: { count: number; unitCount: number; units: Array<{ id: string; time: number; value: number }> };
  /** Units whose baseline is already at or beyond the limit. */
  baselineBeyondLimit: { count: number; unitCount: number; ids: string[] };
  /** A form that fits clearly better than the declared one (modelChoice.ts), and what it gives. */
  betterModel: BetterModel | null;
  lifeDistribution: LifeFit | null;
  lifeDistributionReason?: Note;
  warnings: Note[];
}

/**
 * Id for one key parameter: one path form for all units (modelChoice.ts), per-unit results
 * (unitDegradation.ts), what was measured regardless of the form, the 有效退化模型 verdict, a
 * clearly better form if there is one, and the life distribution of the units' failure times
 * (Meeker & Escobar 1998 §13.7; censored units as in lifeObservations.ts).
 */
export function parameterDegradation(param: IdParameter, options: ParameterDegradationOptions = {}): ParameterDegradation {
  const minR2 = options.minR2 !== undefined && Number.isFinite(options.minR2) ? options.minR2 : 0.9;
  const declared: DegradationModelChoice = param.model ?? 'auto';
  // Every form is fitted to every unit once; the chosen form's fits are reused for the units.
  const unitFits = fitAllUnits(param.units);
  const modelSelection = modelCandidates(unitFits);
  const { model, warnings } = chooseModel(declared, modelSelection);
  const unitsUnder = (m: PathModel) => param.units.map((u, i) => unitDegradation(param, u, m, unitFits[i]![m]));
  const units = unitsUnder(model);
  const reasons = effectiveModelReasons(units, model, param, minR2);

  // Units within spec at the start and measured at or beyond the limit by the rated life; units
  // that start beyond the limit are counted apart (the cause there is the start, not the drift).
  const exceeded = units.filter((u) => !u.baselineBeyondLimit && u.measuredExceedance !== null && u.measuredExceedance.time <= param.ratedLife);
  const beyondAtStart = units.filter((u) => u.baselineBeyondLimit);

  let betterModel: BetterModel | null = null;
  const better = declared === 'auto' ? null : clearlyBetterModel(model, modelSelection);
  if (better) {
    const alt = unitsUnder(better.candidate);
    const own = modelSelection.find((c) => c.candidate === model)!;
    betterModel = {
      model: better.candidate,
      meanR2: better.meanR2!,
      declaredMeanR2: own.meanR2,
      declaredMinR2: own.minR2,
      worstDriftShare: worstDriftShare(alt),
      outOfSpecAtRatedLife: alt.filter((u) => !u.withinSpecAtRatedLife).length,
      effectiveModel: effectiveModelReasons(alt, better.candidate, param, minR2).length === 0,
    };
  }

  const entered = lifeObservations(units, (i) => param.units[i]!.times);
  const life = lifeFit(
    entered.observations,
    entered.leftOut.map((l) => l.reason),
  );

  return {
    name: param.name,
    unit: param.unit,
    limit: param.limit,
    direction: param.direction,
    ratedLife: param.ratedLife,
    declaredModel: declared,
    model,
    modelSelection,
    units,
    minR2,
    effectiveModel: reasons.length === 0,
    effectiveModelReasons: reasons,
    worstDriftShare: worstDriftShare(units),
    measuredExceedances: {
      count: exceeded.length,
      unitCount: units.length,
      units: exceeded.map((u) => ({ id: u.id, time: u.measuredExceedance!.time, value: u.measuredExceedance!.value })),
    },
    baselineBeyondLimit: { count: beyondAtStart.length, unitCount: units.length, ids: beyondAtStart.map((u) => u.id) },
    betterModel,
    lifeDistribution: life.fit,
    ...(life.reason ? { lifeDistributionReason: life.reason } : {}),
    warnings,
  };
}
