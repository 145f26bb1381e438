import { note, type Note } from '../i18n/note.js';
import { significant } from '../i18n/numberText.js';
import type { Direction, DegradationModelChoice, IdParameter, IdUnit } from '../submission/reliabilitySubmission.js';
import { fitAllPaths, fitPath, PATH_MODELS, PATH_MODEL_LABELS, pathIncreasing, type PathFit, type PathFitResult, type PathModel } from './degradationPath.js';
import { b10Life, fitLognormal, fitWeibull, lognormalQuantile, type LognormalFit, type WeibullFit } from './lifeDistribution.js';

/**
 * Id (退化) metrics: per-unit degradation paths, pseudo-failure times, projection to the rated
 * life, and across units a life distribution of the pseudo-failure times.
 *
 * Method: the degradation-path / pseudo-failure-time approach of Meeker & Escobar 1998,
 * *Statistical Methods for Reliability Data*, §13.7 (approximate degradation analysis): fit a
 * path to each unit separately, extrapolate it to the failure threshold to obtain a
 * "pseudo failure time" per unit, then fit a life distribution to those times as if they were
 * observed failure times.
 */

export interface UnitDegradation {
  id: string;
  model: PathModel;
  /** False when the path form cannot be fitted to this unit (see `fitReason`). */
  applicable: boolean;
  fitReason?: Note;
  /** Points used in the fit. */
  n: number;
  a: number | null;
  b: number | null;
  /** R² on the original scale (see degradationPath.ts). */
  r2: number | null;
  r2Linearised: number | null;
  /** The value drift is measured from: `param.baseline`, else the unit's value at its earliest time. */
  baseline: number | null;
  /** The fitted path at the rated life. */
  predictedAtRatedLife: number | null;
  /** Smallest t ≥ 0 at which the fitted path reaches the limit in the limit's direction. */
  pseudoFailureTime: number | null;
  pseudoFailureReason?: Note;
  /**
   * Drift at the rated life, predicted(ratedLife) − baseline, signed so that a positive drift
   * moves toward the limit ('max': upward, 'min': downward).
   */
  driftAtRatedLife: number | null;
  /** |limit − baseline|: the drift the spec allows. */
  allowedDrift: number | null;
  /**
   * Share of the allowed drift consumed at the rated life,
   * (predicted(ratedLife) − baseline) / (limit − baseline); > 1 means out of spec at rated life.
   */
  driftShare: number | null;
  /** predicted(ratedLife) ≤ limit ('max') or ≥ limit ('min'); false when unknown. */
  withinSpecAtRatedLife: boolean;
  warnings: Note[];
}

/** Does value v violate (reach or cross) the limit in its direction? */
function reaches(v: number, limit: number, direction: Direction): boolean {
  return direction === 'max' ? v >= limit : v <= limit;
}

/** Baseline: the declared one, else the mean of the unit's values at its earliest time. */
function unitBaseline(param: IdParameter, unit: IdUnit): number | null {
  if (param.baseline !== undefined) return param.baseline;
  const { times, values } = unit;
  if (times.length === 0) return null;
  let t0 = Infinity;
  for (let i = 0; i < times.length; i++) t0 = Math.min(t0, times[i]!);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (times[i] === t0) count++;
  if (count === 0) return null;
  // Mean as Σ (vᵢ / count), in order.
  let mean = 0;
  for (let i = 0; i < values.length; i++) if (times[i] === t0) mean += values[i]! / count;
  return Number.isFinite(mean) ? mean : null;
}

interface PseudoFailure {
  time: number | null;
  reason?: Note;
  warning?: Note;
}

/** Built only when reported (most units cross the limit after t = 0). */
function alreadyOut(): Note {
  return note(
    'id.outOfSpecAtStart',
    '拟合路径在 t = 0 时已超出规格限，伪失效时间记为 0。',
    'the fitted path is already beyond the limit at t = 0; the pseudo-failure time is 0.',
  );
}

/**
 * Pseudo-failure time (Meeker & Escobar 1998 §13.7.1): the smallest t ≥ 0 at which the fitted
 * path reaches the limit. Every path form is monotone in t, so it crosses a level at most once:
 * - crossing at t* ≥ 0 while moving toward the limit → t*;
 * - the path is beyond the limit already at t = 0 (or as t → 0⁺) → 0, with a warning;
 * - otherwise (flat, moving away, or crossing only before t = 0) → null with a reason.
 */
function pseudoFailure(fit: PathFit, limit: number, direction: Direction, probeTime: number): PseudoFailure {
  const toward = fit.b !== 0 && (direction === 'max' ? pathIncreasing(fit) : !pathIncreasing(fit));
  const tStar = fit.solveTime(limit);
  if (tStar !== null && tStar >= 0) {
    return toward ? { time: tStar } : { time: 0, warning: alreadyOut() };
  }
  // No crossing at t ≥ 0: the path is either beyond the limit for every t ≥ 0 or never reaches it.
  const probe = fit.predict(probeTime);
  if (probe !== null && reaches(probe, limit, direction)) return { time: 0, warning: alreadyOut() };
  const why =
    fit.b === 0
      ? note('id.flatPath', '拟合路径是水平的（斜率为 0），永远不会到达规格限。', 'the fitted path is flat (zero slope) and never reaches the limit.')
      : !toward
        ? note(
            'id.pathAwayFromLimit',
            '拟合路径朝远离规格限的方向变化，永远不会到达规格限。',
            'the fitted path moves away from the limit and never reaches it.',
          )
        : note(
            'id.pathNeverReachesLimit',
            '拟合路径在可表示的时间范围内不会到达规格限。',
            'the fitted path does not reach the limit within the representable time range.',
          );
  return { time: null, reason: why };
}

/**
 * Degradation of one unit under one path form: fit, pseudo-failure time, projection to the
 * rated life and share of the allowed drift consumed.
 */
export function unitDegradation(param: IdParameter, unit: IdUnit, model: PathModel, precomputed?: PathFitResult): UnitDegradation {
  const { limit, direction, ratedLife } = param;
  const warnings: Note[] = [];
  const baseline = unitBaseline(param, unit);
  // The model selection already fitted every form to every unit; reuse that fit when given.
  const fit = precomputed && precomputed.model === model ? precomputed : fitPath(unit.times, unit.values, model);

  if (!fit.applicable) {
    return {
      id: unit.id,
      model,
      applicable: false,
      fitReason: fit.reason,
      n: unit.times.length,
      a: null,
      b: null,
      r2: null,
      r2Linearised: null,
      baseline,
      predictedAtRatedLife: null,
      pseudoFailureTime: null,
      pseudoFailureReason: fit.reason,
      driftAtRatedLife: null,
      allowedDrift: baseline === null ? null : orNull(Math.abs(limit - baseline)),
      driftShare: null,
      withinSpecAtRatedLife: false,
      warnings: [fit.reason],
    };
  }
  warnings.push(...fit.notes);

  const pf = pseudoFailure(fit, limit, direction, ratedLife);
  if (pf.warning) warnings.push(pf.warning);
  let lastTime = -Infinity;
  for (let i = 0; i < unit.times.length; i++) lastTime = Math.max(lastTime, unit.times[i]!);
  if (pf.time !== null && pf.time > lastTime) {
    warnings.push(
      note(
        'id.pseudoFailureExtrapolated',
        `伪失效时间 ${significant(pf.time)} 超出最后一次测量时间 ${significant(lastTime)}，是外推值。`,
        `the pseudo-failure time ${significant(pf.time)} lies beyond the last measurement at ${significant(lastTime)}; it is extrapolated.`,
      ),
    );
  }

  // Projection to the rated life.
  const predicted = fit.predict(ratedLife);
  if (predicted === null) {
    warnings.push(
      note(
        'id.predictionUndefined',
        '拟合路径在额定寿命处的预测值超出可表示的数值范围。',
        'the fitted path at the rated life is outside the representable range.',
      ),
    );
  }
  const withinSpec = predicted !== null && (direction === 'max' ? predicted <= limit : predicted >= limit);

  let drift: number | null = null;
  let allowedDrift: number | null = null;
  let driftShare: number | null = null;
  if (baseline === null) {
    warnings.push(note('id.noBaseline', '无法确定基准值（没有测量数据）。', 'no baseline could be determined (no measurements).'));
  } else {
    allowedDrift = orNull(Math.abs(limit - baseline));
    if (predicted !== null) {
      // Drift signed toward the limit: 'max' → upward is positive, 'min' → downward is positive.
      drift = orNull(direction === 'max' ? predicted - baseline : baseline - predicted);
    }
    if (limit === baseline) {
      warnings.push(
        note(
          'id.noAllowedDrift',
          '基准值等于规格限，允许漂移量为 0，漂移占比无定义。',
          'the baseline equals the limit; the allowed drift is 0 and the drift share is undefined.',
        ),
      );
    } else if (reaches(baseline, limit, direction)) {
      warnings.push(
        note(
          'id.baselineOutOfSpec',
          `基准值 ${significant(baseline)} 已超出规格限 ${significant(limit)}，漂移占比无意义。`,
          `the baseline ${significant(baseline)} is already beyond the limit ${significant(limit)}; the drift share is not meaningful.`,
        ),
      );
    } else if (predicted !== null) {
      // Share of allowed drift consumed = (ŷ(ratedLife) − baseline)/(limit − baseline).
      driftShare = orNull((predicted - baseline) / (limit - baseline));
    }
  }

  return {
    id: unit.id,
    model,
    applicable: true,
    n: fit.n,
    a: fit.a,
    b: fit.b,
    r2: fit.r2,
    r2Linearised: fit.r2Linearised,
    baseline,
    predictedAtRatedLife: predicted,
    pseudoFailureTime: pf.time,
    ...(pf.reason ? { pseudoFailureReason: pf.reason } : {}),
    driftAtRatedLife: drift,
    allowedDrift,
    driftShare,
    withinSpecAtRatedLife: withinSpec,
    warnings,
  };
}

function orNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export interface ParameterDegradationOptions {
  /** R² bound every unit must reach for an effective degradation model (default 0.9). */
  minR2?: number;
}

export interface ModelCandidate {
  candidate: PathModel;
  /** Mean original-scale R² over the units the form could be fitted to; null when none. */
  meanR2: number | null;
  /** Units the form could be fitted to (of `unitCount`). */
  applicableUnits: number;
  unitCount: number;
}

/** Life distribution of the pseudo-failure times. */
export interface LifeFit {
  /** Pseudo-failure times used (units whose path reaches the limit at t > 0). */
  n: number;
  times: number[];
  weibull: WeibullFit | null;
  weibullReason?: Note;
  lognormal: LognormalFit | null;
  lognormalReason?: Note;
  /** The fit with the higher log-likelihood (both have two parameters, so this is also the lower AIC). */
  preferred: 'weibull' | 'lognormal';
  /** Weibull B10 life (10 % quantile); null without a Weibull fit. */
  b10Life: number | null;
  /** Lognormal B10 life (10 % quantile); null without a lognormal fit. */
  b10LifeLognormal: number | null;
  warnings: Note[];
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
  /** 有效退化模型: the form fits every unit with R² ≥ minR2 and every unit projects within spec at rated life. */
  effectiveModel: boolean;
  /** Why the model is not effective (empty when it is). */
  effectiveModelReasons: Note[];
  /** Largest drift share over the units; null when none is defined. */
  worstDriftShare: number | null;
  lifeDistribution: LifeFit | null;
  lifeDistributionReason?: Note;
  warnings: Note[];
}

/** Minimum number of pseudo-failure times for a life-distribution fit. */
export const MIN_LIFE_UNITS = 5;

/** How one path form fits the units: `unitFits[i]` holds every form's fit of unit i (`fitAllPaths`). */
function candidateSummary(model: PathModel, unitFits: readonly Record<PathModel, PathFitResult>[]): ModelCandidate {
  let r2Sum = 0;
  let r2Count = 0;
  let applicableUnits = 0;
  for (const fits of unitFits) {
    const fit = fits[model];
    if (!fit.applicable) continue;
    applicableUnits++;
    if (fit.r2 !== null) {
      r2Sum += fit.r2;
      r2Count++;
    }
  }
  const mean = r2Count > 0 ? orNull(r2Sum / r2Count) : null;
  return { candidate: model, meanR2: mean, applicableUnits, unitCount: unitFits.length };
}

/**
 * Id for one key parameter: one path form for all units (the declared one, or for 'auto' the
 * form applicable to every unit with the highest mean original-scale R²), per-unit results, the
 * 有效退化模型 verdict (docs/architecture.md §3), and — with at least 5 pseudo-failure times — Weibull and
 * lognormal fits of those times (Meeker & Escobar 1998 §13.7).
 */
export function parameterDegradation(param: IdParameter, options: ParameterDegradationOptions = {}): ParameterDegradation {
  const minR2 = options.minR2 !== undefined && Number.isFinite(options.minR2) ? options.minR2 : 0.9;
  const warnings: Note[] = [];
  const declared: DegradationModelChoice = param.model ?? 'auto';
  // Every form is fitted to every unit once (validation and transforms shared per unit); the
  // chosen form's fits are reused for the per-unit results.
  const unitFits = param.units.map((u) => fitAllPaths(u.times, u.values));
  const modelSelection = PATH_MODELS.map((m) => candidateSummary(m, unitFits));

  let model: PathModel;
  if (declared !== 'auto') {
    model = declared;
  } else {
    const eligible = modelSelection.filter((c) => c.applicableUnits === c.unitCount && c.meanR2 !== null);
    const best = (cs: ModelCandidate[]): ModelCandidate | undefined =>
      cs.reduce<ModelCandidate | undefined>(
        (acc, c) =>
          acc === undefined ||
          c.applicableUnits > acc.applicableUnits ||
          (c.applicableUnits === acc.applicableUnits && (c.meanR2 ?? -Infinity) > (acc.meanR2 ?? -Infinity))
            ? c
            : acc,
        undefined,
      );
    const chosen = best(eligible);
    if (chosen) {
      model = chosen.candidate;
    } else {
      model = best(modelSelection.filter((c) => c.applicableUnits > 0))?.candidate ?? 'linear';
      warnings.push(
        note(
          'id.noFormFitsAllUnits',
          `没有一种路径形式能拟合全部样品，采用可拟合样品最多的${PATH_MODEL_LABELS[model].zh}模型。`,
          `no path form can be fitted to every unit; using the ${model} form, which fits the most units.`,
        ),
      );
    }
    warnings.push(
      note(
        'id.modelAutoSelected',
        `未声明退化模型，按平均 R² 自动选择${PATH_MODEL_LABELS[model].zh}模型（${PATH_MODEL_LABELS[model].formula}）；“有效退化模型”要求企业声明模型形式。`,
        `no degradation model was declared; the ${model} form (${PATH_MODEL_LABELS[model].formula}) was chosen by mean R²; an "effective degradation model" expects a declared form.`,
      ),
    );
  }

  const units = param.units.map((u, i) => unitDegradation(param, u, model, unitFits[i]![model]));

  // 有效退化模型 (docs/architecture.md §3): fits every unit with R² ≥ minR2 and every unit projects within spec.
  const reasons: Note[] = [];
  for (const u of units) {
    if (!u.applicable) {
      reasons.push(
        note(
          'id.unitNotFitted',
          `样品 ${u.id}：无法拟合${PATH_MODEL_LABELS[model].zh}模型（${u.fitReason?.zh ?? ''}）`,
          `unit ${u.id}: the ${model} form cannot be fitted (${u.fitReason?.en ?? ''})`,
        ),
      );
      continue;
    }
    if (u.r2 === null) {
      reasons.push(note('id.unitR2Undefined', `样品 ${u.id}：R² 无定义。`, `unit ${u.id}: R² is undefined.`));
    } else if (u.r2 < minR2) {
      reasons.push(
        note(
          'id.unitR2Low',
          `样品 ${u.id}：R² = ${u.r2.toFixed(3)}，低于要求的 ${minR2}。`,
          `unit ${u.id}: R² = ${u.r2.toFixed(3)} is below the required ${minR2}.`,
        ),
      );
    }
    if (!u.withinSpecAtRatedLife) {
      reasons.push(
        note(
          'id.unitOutOfSpecAtRatedLife',
          u.predictedAtRatedLife === null
            ? `样品 ${u.id}：无法预测额定寿命 ${significant(param.ratedLife)} 处的值。`
            : `样品 ${u.id}：额定寿命 ${significant(param.ratedLife)} 处预测值 ${significant(u.predictedAtRatedLife)} 超出规格限 ${significant(param.limit)}。`,
          u.predictedAtRatedLife === null
            ? `unit ${u.id}: the value at the rated life ${significant(param.ratedLife)} cannot be predicted.`
            : `unit ${u.id}: the projected value ${significant(u.predictedAtRatedLife)} at the rated life ${significant(param.ratedLife)} is beyond the limit ${significant(param.limit)}.`,
        ),
      );
    }
  }

  const shares = units.map((u) => u.driftShare).filter((v): v is number => v !== null);
  const worstDriftShare = shares.length > 0 ? Math.max(...shares) : null;

  // Life distribution of the pseudo-failure times (Meeker & Escobar 1998 §13.7.2).
  let lifeDistribution: LifeFit | null = null;
  let lifeDistributionReason: Note | undefined;
  const times = units.map((u) => u.pseudoFailureTime).filter((t): t is number => t !== null && t > 0);
  if (times.length < MIN_LIFE_UNITS) {
    lifeDistributionReason = note(
      'id.lifeTooFewUnits',
      `寿命分布拟合至少需要 ${MIN_LIFE_UNITS} 个样品有伪失效时间，现有 ${times.length} 个。`,
      `a life-distribution fit needs at least ${MIN_LIFE_UNITS} units with a pseudo-failure time; got ${times.length}.`,
    );
  } else {
    const lifeWarnings: Note[] = [];
    const never = units.filter((u) => u.pseudoFailureTime === null).length;
    if (never > 0) {
      lifeWarnings.push(
        note(
          'id.lifeUnitsWithoutPseudoFailure',
          `${never} 个样品的拟合路径不会到达规格限，未计入寿命分布（它们相当于右删失，拟合结果偏保守）。`,
          `${never} unit(s) never reach the limit on their fitted path and are left out (they are effectively right-censored, so the fit is conservative).`,
        ),
      );
    }
    const atZero = units.filter((u) => u.pseudoFailureTime === 0).length;
    if (atZero > 0) {
      lifeWarnings.push(
        note(
          'id.lifeUnitsFailedAtStart',
          `${atZero} 个样品在 t = 0 时已超出规格限，未计入寿命分布。`,
          `${atZero} unit(s) are beyond the limit at t = 0 and are left out of the life distribution.`,
        ),
      );
    }
    const w = fitWeibull(times);
    const ln = fitLognormal(times);
    if (w.ok || ln.ok) {
      const preferred: 'weibull' | 'lognormal' = w.ok && (!ln.ok || w.logLik >= ln.logLik) ? 'weibull' : 'lognormal';
      lifeDistribution = {
        n: times.length,
        times,
        weibull: w.ok ? w : null,
        ...(w.ok ? {} : { weibullReason: w.reason }),
        lognormal: ln.ok ? ln : null,
        ...(ln.ok ? {} : { lognormalReason: ln.reason }),
        preferred,
        b10Life: w.ok ? b10Life(w) : null,
        b10LifeLognormal: ln.ok ? lognormalQuantile(0.1, ln) : null,
        warnings: lifeWarnings,
      };
    } else {
      lifeDistributionReason = w.ok ? undefined : w.reason;
    }
  }

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
    worstDriftShare,
    lifeDistribution,
    ...(lifeDistributionReason ? { lifeDistributionReason } : {}),
    warnings,
  };
}
