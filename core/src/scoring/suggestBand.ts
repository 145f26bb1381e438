import { note, type Note } from '../i18n/note.js';
import type { Band, Bilingual } from './assessment.js';
import { resolveBandPolicy, type BandPolicyOverride } from './bandPolicy.js';
import { LEVEL_LABEL, rubricBand, type Level } from './bandSuggestion.js';
import { driftShareText, pct, reductionText } from '../i18n/numberText.js';
import { cvLevel, icMatrix } from './reliability/icBand.js';
import { idShareLevel } from './reliability/idBand.js';
import { irCoverageLevel, type IrCoverage } from './reliability/irBand.js';
import { wReductionLevel } from './reliability/wBand.js';

/** Already-computed key figures of one indicator (what a spreadsheet cell can hold). */
export type IndicatorSummary =
  | { code: 'Ic'; cvInitial: number | null; cvLater: number | null }
  | { code: 'Id'; worstDriftShare: number | null; effectiveModel: boolean }
  | ({ code: 'Ir' } & IrCoverage)
  | { code: 'W'; reduction: number; pValue: number | null };

export interface SuggestedBand {
  level: Level;
  band: Band;
  criterion: Bilingual;
  reasons: Note[];
}

/**
 * The suggested band from an indicator's key figures — the same rules `assess` applies to raw
 * data (icMatrix, idShareLevel, irCoverageLevel, wReductionLevel), for callers that hold only the
 * figures (the KEKAO.BAND custom function). Note (a) applies when `basicRequirementsMet` is false.
 */
export function suggestBand(
  summary: IndicatorSummary,
  options: { family?: string; policy?: BandPolicyOverride; basicRequirementsMet?: boolean } = {},
): SuggestedBand {
  const policy = resolveBandPolicy(options.family, options.policy);
  const reasons: Note[] = [];
  let level: Level;
  switch (summary.code) {
    case 'Ic': {
      const t0 = summary.cvInitial === null ? 'poor' : cvLevel(summary.cvInitial, policy);
      const t1 = summary.cvLater === null ? 'poor' : cvLevel(summary.cvLater, policy);
      reasons.push(
        note(
          'ic.stageLevels',
          `t=0：${LEVEL_LABEL[t0].zh}，t>0：${LEVEL_LABEL[t1].zh}（很好 ≤ ${pct(policy.ic.excellentCv)}，较好 ≤ ${pct(policy.ic.goodCv)}）`,
          `t=0: ${LEVEL_LABEL[t0].en}, t>0: ${LEVEL_LABEL[t1].en}`,
        ),
      );
      const rule = icMatrix(t0, t1);
      reasons.push(rule.reason);
      level = rule.level;
      break;
    }
    case 'Id':
      level = idShareLevel(summary.worstDriftShare, summary.effectiveModel, policy);
      reasons.push(
        note(
          'id.share',
          `额定寿命时消耗允许退化量 ${summary.worstDriftShare === null ? '—' : driftShareText(summary.worstDriftShare).zh}${summary.effectiveModel ? '，有效退化模型' : ''}`,
          `Share of allowed drift at rated life ${summary.worstDriftShare === null ? '—' : driftShareText(summary.worstDriftShare).en}${summary.effectiveModel ? ', effective model' : ''}`,
        ),
      );
      break;
    case 'Ir':
      level = irCoverageLevel(summary, policy);
      reasons.push(
        note(
          'ir.coverage',
          `通过场景 ${summary.passingScenarios} 种，应力类别 ${summary.categories} 类，每场景最少样品 ${summary.minSamples} 个`,
          `${summary.passingScenarios} passing scenarios, ${summary.categories} categories, ≥ ${summary.minSamples} samples each`,
        ),
      );
      break;
    case 'W': {
      const significant = summary.pValue !== null && summary.pValue < policy.w.alpha;
      level = wReductionLevel(summary.reduction, significant, policy);
      reasons.push(
        note(
          'w.reduction',
          `${reductionText(summary.reduction).zh}${significant ? '，统计显著' : ''}`,
          `${reductionText(summary.reduction).en}${significant ? ', significant' : ''}`,
        ),
      );
      break;
    }
  }
  if (options.basicRequirementsMet === false && summary.code !== 'W' && level !== 'poor') {
    level = 'poor';
    reasons.push(note('gate.basicRequirements', '不满足评价的“基本要求（a）”→ 0~40（评分说明（a））', 'Basic requirements (a) not met → 0–40 (note a)'));
  }
  const { band, criterion } = rubricBand(summary.code, level);
  return { level, band, criterion, reasons };
}
