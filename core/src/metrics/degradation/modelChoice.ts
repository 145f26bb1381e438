import { note, type Note } from '../../i18n/note.js';
import type { DegradationModelChoice } from '../../submission/reliabilitySubmission.js';
import { PATH_MODEL_LABELS, PATH_MODELS, type PathFitResult, type PathModel } from '../degradationPath.js';

export interface ModelCandidate {
  candidate: PathModel;
  /** Mean original-scale R² over the units the form could be fitted to; null when none. */
  meanR2: number | null;
  /** Smallest unit R² among the units the form could be fitted to; null when none. */
  minR2: number | null;
  /** Units the form could be fitted to (of `unitCount`). */
  applicableUnits: number;
  unitCount: number;
}

/** How one path form fits the units: `unitFits[i]` holds every form's fit of unit i. */
function candidateSummary(model: PathModel, unitFits: readonly Record<PathModel, PathFitResult>[]): ModelCandidate {
  const r2s: number[] = [];
  let applicableUnits = 0;
  for (const fits of unitFits) {
    const fit = fits[model];
    if (!fit.applicable) continue;
    applicableUnits++;
    if (fit.r2 !== null) r2s.push(fit.r2);
  }
  const mean = r2s.length > 0 ? r2s.reduce((s, v) => s + v, 0) / r2s.length : null;
  return {
    candidate: model,
    meanR2: mean !== null && Number.isFinite(mean) ? mean : null,
    minR2: r2s.length > 0 ? Math.min(...r2s) : null,
    applicableUnits,
    unitCount: unitFits.length,
  };
}

export function modelCandidates(unitFits: readonly Record<PathModel, PathFitResult>[]): ModelCandidate[] {
  return PATH_MODELS.map((m) => candidateSummary(m, unitFits));
}

/** Most units first, then the highest mean R² (ties keep the simpler, earlier form). */
function best(cs: readonly ModelCandidate[]): ModelCandidate | undefined {
  return cs.reduce<ModelCandidate | undefined>(
    (acc, c) =>
      acc === undefined ||
      c.applicableUnits > acc.applicableUnits ||
      (c.applicableUnits === acc.applicableUnits && (c.meanR2 ?? -Infinity) > (acc.meanR2 ?? -Infinity))
        ? c
        : acc,
    undefined,
  );
}

const fitsEveryUnit = (c: ModelCandidate): boolean => c.applicableUnits === c.unitCount && c.meanR2 !== null;

/**
 * The one form used for every unit: the declared one, or for 'auto' the form applicable to every
 * unit with the highest mean original-scale R² (else the form fitting the most units, with a warning).
 */
export function chooseModel(declared: DegradationModelChoice, candidates: readonly ModelCandidate[]): { model: PathModel; warnings: Note[] } {
  if (declared !== 'auto') return { model: declared, warnings: [] };
  const warnings: Note[] = [];
  let model = best(candidates.filter(fitsEveryUnit))?.candidate;
  if (model === undefined) {
    model = best(candidates.filter((c) => c.applicableUnits > 0))?.candidate ?? 'linear';
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
  return { model, warnings };
}

/** Mean R² lead above which another form fits clearly better than the declared one. */
export const CLEARLY_BETTER_MEAN_R2 = 0.05;
/** A unit R² below this under the declared form, while another form reaches it on every unit, also counts. */
export const POOR_UNIT_R2 = 0.8;

/**
 * Another form that fits clearly better than the declared one, or null. The rule: a form fitted to
 * every unit whose mean original-scale R² exceeds the declared form's by more than 0.05, or — when
 * some unit's R² under the declared form is below 0.8 — one whose every unit reaches 0.8. Of the
 * forms that qualify, the one with the highest mean R².
 */
export function clearlyBetterModel(declared: PathModel, candidates: readonly ModelCandidate[]): ModelCandidate | null {
  const own = candidates.find((c) => c.candidate === declared);
  if (!own) return null;
  const ownMean = own.meanR2 ?? -Infinity;
  const ownPoorUnit = own.applicableUnits < own.unitCount || own.minR2 === null || own.minR2 < POOR_UNIT_R2;
  const better = candidates.filter(
    (c) =>
      c.candidate !== declared &&
      fitsEveryUnit(c) &&
      ((c.meanR2 ?? -Infinity) - ownMean > CLEARLY_BETTER_MEAN_R2 || (ownPoorUnit && c.minR2 !== null && c.minR2 >= POOR_UNIT_R2 && c.meanR2! > ownMean)),
  );
  return better.reduce<ModelCandidate | null>((acc, c) => (acc === null || c.meanR2! > acc.meanR2! ? c : acc), null);
}
