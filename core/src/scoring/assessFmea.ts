import { note } from '../i18n/note.js';
import { fmeaCase2025, fmeaItems, fmeaBandOfPoints } from '../rubrics/fmeaCase2025.js';
import type { FmeaSubmission } from '../submission/fmeaSubmission.js';
import type { Assessment } from './assessment.js';
import { pointsItem, unknownItemWarnings } from './pointsAssessment.js';
import { scoreTotals } from './scoreTotals.js';

/**
 * FMEA typical case (2025 notice 附件3): twelve items scored in points by a person within the
 * percentage bands of each item's standard score. There is no computable evidence, so no band is
 * suggested; the grade of the total follows the same percentage bands.
 */
export function assessFmea(s: FmeaSubmission): Assessment {
  const indicators = fmeaCase2025.groups.flatMap((g) =>
    g.items.map((item) =>
      pointsItem({
        id: item.id,
        name: item.name,
        group: g.name,
        max: item.standardScore,
        criterion: item.criterion,
        suggestedBand: null,
        reasons: [
          note(
            'expertJudgement',
            '由评审专家依据评价准则打分（标准分的 91%~100% / 71%~90% / 41%~70% / 0%~40%）',
            'Scored by the reviewer against the criterion (percentage bands of the standard score)',
          ),
        ],
        warnings: [],
        metrics: {},
        entered: s.scores?.[item.id],
        fraud: s.fraud === true,
      }),
    ),
  );
  for (const ind of indicators) {
    if (ind.rawScore !== null) {
      const band = fmeaBandOfPoints({ standardScore: ind.weight }, ind.rawScore);
      if (band)
        ind.reasons.push(note('fmea.itemBand', `${ind.rawScore}/${ind.weight} 分：${band.label.zh}`, `${ind.rawScore}/${ind.weight}: ${band.label.en}`));
    }
  }
  const totals = scoreTotals(indicators, fmeaCase2025.totalPoints);
  const grade = totals.complete ? fmeaBandOfPoints({ standardScore: fmeaCase2025.totalPoints }, Math.round(totals.total)) : undefined;
  return {
    rubric: fmeaCase2025.id,
    rubricTitle: fmeaCase2025.title,
    subject: { enterprise: s.enterprise.name, product: s.case.name },
    policy: { family: 'fmea', label: '评价准则（官方）', labelEn: 'evaluation criteria (official)', official: false },
    indicators,
    basicRequirements: { met: true, missing: [] },
    ...totals,
    flags: [],
    grade: grade?.label,
    warnings: unknownItemWarnings(
      s.scores,
      fmeaItems.map((i) => i.id),
    ),
  };
}
