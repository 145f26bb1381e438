import { note, type Note } from '../i18n/note.js';
import { db31_1368_2022, db31Items } from '../rubrics/db31_1368_2022.js';
import { directEconomicBand, ecologicalBand, indirectEconomicBand, reductionPercent, type Db31RuleResult } from '../rubrics/db31EconomicRules.js';
import type { Db31Submission } from '../submission/db31Submission.js';
import type { Assessment } from './assessment.js';
import { pointsItem, unknownItemWarnings } from './pointsAssessment.js';
import { scoreTotals } from './scoreTotals.js';

interface Computed {
  result: Db31RuleResult;
  metrics: Record<string, unknown>;
  warnings: Note[];
}

/** The three items of 表B.1 with numeric rules, computed from the before/after figures. */
function computedItems(s: Db31Submission): Partial<Record<string, Computed>> {
  const out: Partial<Record<string, Computed>> = {};
  const f = s.financials;
  if (f) {
    const direct = directEconomicBand({ salesBefore: f.before.sales, salesAfter: f.after.sales, profitBefore: f.before.profit, profitAfter: f.after.profit });
    out.directEconomic = { result: direct, metrics: { growthPercent: direct.value }, warnings: [] };
    const warnings: Note[] = [];
    if (!s.enterprise.size)
      warnings.push(
        note(
          'db31.sizeMissing',
          '未填写组织规模，间接经济效益按大中型企业门槛（500万元/100万元）判断',
          'Enterprise size missing: the large/medium thresholds are applied',
        ),
      );
    const indirect = indirectEconomicBand({ costReduction: f.after.costReduction, forexSaving: f.after.forexSaving, size: s.enterprise.size ?? 'large' });
    out.indirectEconomic = { result: indirect, metrics: { totalTenThousandYuan: indirect.value, size: s.enterprise.size ?? null }, warnings };
  }
  if (s.ecology) {
    const red = reductionPercent(s.ecology.before, s.ecology.after);
    const eco = ecologicalBand(red);
    out.ecological = { result: eco, metrics: { reductionPercent: red, indicator: s.ecology.indicator ?? null }, warnings: [] };
  }
  return out;
}

/**
 * DB31/T 1368—2022 重点产品质量攻关成果 (表B.1, 100 points). The economic and ecological items get a
 * suggested point band computed from the figures of 表A.1; the others are judged by the reviewer.
 */
export function assessDb31(s: Db31Submission): Assessment {
  const computed = computedItems(s);
  const indicators = db31_1368_2022.groups.flatMap((g) =>
    g.items.map((item) => {
      const c = computed[item.id];
      const reasons: Note[] = c ? [c.result.reason] : [note('expertJudgement', '由评审专家依据评价要点打分', 'Scored by the reviewer against the criteria')];
      const warnings: Note[] = c ? [...c.warnings] : [];
      if (!c && (item.id === 'directEconomic' || item.id === 'indirectEconomic'))
        warnings.push(
          note(
            'db31.financialsMissing',
            '未提供攻关前后 12 个月的财务数据（表A.1），无法计算',
            'Financial figures for 12 months before/after (Table A.1) are missing',
          ),
        );
      if (!c && item.id === 'ecological')
        warnings.push(note('db31.ecologyMissing', '未提供攻关前后的资源利用或排放数据，无法计算降幅', 'Before/after resource or emission figures are missing'));
      const band = c?.result.band ?? null;
      const criterion = band ? item.bands.find((b) => b.min <= band.min && band.max <= b.max)?.criterion : undefined;
      return pointsItem({
        id: item.id,
        name: item.name,
        group: g.name,
        max: item.points,
        criterion,
        suggestedBand: band,
        reasons,
        warnings,
        metrics: c?.metrics ?? {},
        entered: s.scores?.[item.id],
        fraud: s.fraud === true,
      });
    }),
  );
  return {
    rubric: db31_1368_2022.id,
    rubricTitle: db31_1368_2022.title,
    subject: { enterprise: s.enterprise.name, product: s.project.name },
    policy: { family: 'db31', label: '表B.1（官方）', labelEn: 'Table B.1 (official)', official: false },
    indicators,
    basicRequirements: { met: true, missing: [] },
    ...scoreTotals(indicators, db31_1368_2022.totalPoints),
    flags: [],
    warnings: unknownItemWarnings(
      s.scores,
      db31Items.map((i) => i.id),
    ),
  };
}
