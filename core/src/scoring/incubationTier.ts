import { note, type Note } from '../i18n/note.js';
import { incubationTier } from '../programme/incubationTiers.js';
import type { Assessment, IndicatorAssessment } from './assessment.js';

/**
 * Suggested incubation tier (《培育孵化工作指南》四（二） 梯次培育). The guide's words — 基本符合 /
 * 主要推荐条件尚有欠缺 / 缺失较大 — are read from the professional indicators (建议值（非官方）):
 * tier 1 when the basic requirements are met and Ic, Id and Ir are all suggested at 71+;
 * tier 3 when the basic requirements are unmet or two or more of Ic/Id/Ir sit at 0–40; else tier 2.
 */
export function suggestTier(a: Pick<Assessment, 'basicRequirements'> & { indicators: IndicatorAssessment[] }): NonNullable<Assessment['tier']> {
  const professional = a.indicators.filter((i) => i.code === 'Ic' || i.code === 'Id' || i.code === 'Ir');
  const strong = professional.filter((i) => i.suggestedBand !== null && i.suggestedBand.min >= 71).length;
  const weak = professional.filter((i) => i.suggestedBand === null || i.suggestedBand.max <= 40).length;
  const reasons: Note[] = [];
  let tier: 1 | 2 | 3;
  if (!a.basicRequirements.met) {
    tier = 3;
    reasons.push(
      note('tier.basicUnmet', '专业指标“基本要求（a）”未满足：主要推荐条件缺失较大', 'Basic requirements (a) unmet: main conditions largely missing'),
    );
  } else if (strong === 3) {
    tier = 1;
    reasons.push(
      note('tier.allStrong', 'Ic、Id、Ir 的建议分档均在 71 分以上：基本符合推荐条件', 'Ic, Id and Ir all suggested at 71+: basically meets the conditions'),
    );
  } else if (weak >= 2) {
    tier = 3;
    reasons.push(
      note(
        'tier.manyWeak',
        `Ic、Id、Ir 中有 ${weak} 项建议分档在 0~40：主要推荐条件缺失较大`,
        `${weak} of Ic/Id/Ir suggested at 0–40: main conditions largely missing`,
      ),
    );
  } else {
    tier = 2;
    reasons.push(
      note(
        'tier.someGaps',
        `Ic、Id、Ir 中 ${strong} 项建议分档在 71 分以上：主要推荐条件尚有欠缺`,
        `${strong} of Ic/Id/Ir suggested at 71+: some main conditions still lacking`,
      ),
    );
  }
  const t = incubationTier(tier);
  return { tier, label: t.name, treatment: t.treatment, reasons };
}
