import { note, type Note } from '../i18n/note.js';
import type { Band, Bilingual, IndicatorAssessment } from './assessment.js';
import { checkRawScore } from './rawScore.js';

/** One item of a points rubric (FMEA, DB31/T 1368): its max, group, suggestion and entered score. */
export interface PointsItemInput {
  id: string;
  name: Bilingual;
  group: Bilingual;
  max: number;
  criterion?: Bilingual;
  suggestedBand: Band | null;
  reasons: Note[];
  warnings: Note[];
  metrics: Record<string, unknown>;
  entered?: { raw: number; reason?: string };
  fraud: boolean;
}

/**
 * Points rubrics have no weights: an item's "weighted score" is its points, and the total is the
 * sum of the items' points (FMEA 附件3 总分; DB31/T 1368 表B.1 总分 100).
 */
export function pointsItem(input: PointsItemInput): IndicatorAssessment {
  const reasons = [...input.reasons];
  let rawScore: number | null = null;
  let weightedScore: number | null = null;
  let scoreIssues: Note[] = [];
  if (input.entered) {
    const check = checkRawScore({
      code: input.id,
      raw: input.entered.raw,
      reason: input.entered.reason,
      max: input.max,
      suggestedBand: input.suggestedBand,
      fraud: input.fraud,
    });
    rawScore = input.entered.raw;
    scoreIssues = check.issues;
    reasons.push(...check.notes);
    weightedScore = check.issues.some((i) => i.key === 'score.outOfRange') ? null : check.effective;
  } else if (input.fraud) {
    weightedScore = 0;
    reasons.push(note('score.fraud', `${input.id}：认定存在造假，得 0 分`, `${input.id}: fraud marked; scores 0`));
  }
  return {
    code: input.id,
    name: input.name,
    weight: input.max,
    group: input.group,
    metrics: input.metrics,
    suggestedBand: input.suggestedBand,
    bandCriterion: input.criterion,
    reasons,
    warnings: input.warnings,
    rawScore,
    rawScoreReason: input.entered?.reason,
    scoreIssues,
    fraud: input.fraud,
    weightedScore,
  };
}

export function unknownItemWarnings(entered: Record<string, unknown> | undefined, known: readonly string[]): Note[] {
  return Object.keys(entered ?? {})
    .filter((k) => !known.includes(k))
    .map((k) => note('score.unknownItem', `评分项“${k}”不属于该评分表，已忽略`, `Score item "${k}" is not part of this rubric and was ignored`));
}
