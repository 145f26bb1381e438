import { note } from '../../i18n/note.js';
import type { Note } from '../../i18n/note.js';
import { reliabilityDomain } from '../../metrics/margin.js';
import type { IrScenario } from '../../submission/reliabilitySubmission.js';
import type { BandPolicy } from '../bandPolicy.js';
import type { BandSuggestion, Level } from '../bandSuggestion.js';
import { num } from '../../i18n/numberText.js';

/**
 * Ir band rule (附表, 关键性能可靠域): coverage of extreme scenarios whose key-performance margin is
 * above zero. "覆盖非常全面 / 较全面 / 有限 / 严重不足" map to the number of passing scenarios, the
 * distinct stress categories they cover, the samples per scenario ("数据详实") and, for the top band,
 * the mean severity (stress level ÷ rated level) — thresholds are 建议值（非官方）. Fewer than 3
 * scenarios breaks the rubric's own minimum (每种场景至少 1 个样品，场景不少于 3 种) → 0–40.
 */
export function irBand(scenarios: readonly IrScenario[], policy: BandPolicy): BandSuggestion {
  const reasons: Note[] = [];
  const domain = reliabilityDomain(scenarios);
  const warnings: Note[] = [...domain.warnings];
  const metrics = { ...domain };
  const passing = domain.scenarios.filter((s) => s.pass);
  const categories = new Set(passing.flatMap((s) => s.stresses.map((x) => x.category)));
  for (const s of domain.scenarios) {
    if (!s.pass && s.n > 0) {
      warnings.push(
        note(
          'ir.scenarioFails',
          `场景“${s.name}”的最小裕量 ${s.worstMargin === null ? '无法计算' : num(s.worstMargin)} 不大于零，不计入可靠域`,
          `Scenario "${s.name}": worst margin ${s.worstMargin === null ? 'undefined' : num(s.worstMargin)} is not above zero; not counted`,
        ),
      );
    }
  }
  const { excellent, good, minimumScenarios } = policy.ir;
  const minSamples = domain.minSampleCount;
  const summary = note(
    'ir.coverage',
    `裕量大于零的极限场景 ${passing.length}/${domain.scenarioCount} 种，覆盖应力类别 ${categories.size} 类，每场景最少样品 ${minSamples} 个${domain.meanSeverity === null ? '' : `，平均严酷度 ${num(domain.meanSeverity, 3)}`}`,
    `${passing.length}/${domain.scenarioCount} extreme scenarios with margin > 0, ${categories.size} stress categories, at least ${minSamples} samples per scenario${domain.meanSeverity === null ? '' : `, mean severity ${num(domain.meanSeverity, 3)}`}`,
  );
  reasons.push(summary);
  const severityOk = domain.meanSeverity !== null && domain.meanSeverity >= excellent.meanSeverity;
  const level = irCoverageLevel({ passingScenarios: passing.length, categories: categories.size, minSamples, meanSeverity: domain.meanSeverity }, policy);
  if (level === 'excellent') {
    reasons.push(
      note(
        'ir.rule.excellent',
        `≥ ${excellent.scenarios} 种场景、≥ ${excellent.categories} 类应力、每场景 ≥ ${excellent.samples} 个样品且平均严酷度 ≥ ${excellent.meanSeverity}：覆盖非常全面 → 91~100`,
        `≥ ${excellent.scenarios} scenarios, ≥ ${excellent.categories} categories, ≥ ${excellent.samples} samples each, mean severity ≥ ${excellent.meanSeverity}: very comprehensive → 91–100`,
      ),
    );
  } else if (level === 'good') {
    reasons.push(
      note(
        'ir.rule.good',
        `≥ ${good.scenarios} 种场景、≥ ${good.categories} 类应力、每场景 ≥ ${good.samples} 个样品：覆盖较全面 → 71~90`,
        `≥ ${good.scenarios} scenarios, ≥ ${good.categories} categories, ≥ ${good.samples} samples each: fairly comprehensive → 71–90`,
      ),
    );
    if (passing.length >= excellent.scenarios && !severityOk) {
      warnings.push(
        note(
          'ir.severityUnknown',
          domain.meanSeverity === null
            ? '未提供应力水平与额定值，无法评估场景严酷度'
            : `平均严酷度 ${num(domain.meanSeverity, 3)} 低于 ${excellent.meanSeverity}`,
          domain.meanSeverity === null
            ? 'No stress levels with rated values: severity cannot be judged'
            : `Mean severity ${num(domain.meanSeverity, 3)} is below ${excellent.meanSeverity}`,
        ),
      );
    }
  } else if (level === 'fair') {
    reasons.push(
      note(
        'ir.rule.fair',
        `满足“不少于 ${minimumScenarios} 种极限场景”的最低要求，但覆盖有限 → 41~70`,
        `Meets the minimum of ${minimumScenarios} scenarios but coverage is limited → 41–70`,
      ),
    );
  } else {
    reasons.push(
      note(
        'ir.rule.poor',
        `裕量大于零的极限场景少于 ${minimumScenarios} 种或存在无样品的场景：覆盖严重不足 → 0~40`,
        `Fewer than ${minimumScenarios} passing scenarios or a scenario without samples: seriously insufficient → 0–40`,
      ),
    );
  }
  return { level, reasons, warnings, metrics };
}

export interface IrCoverage {
  passingScenarios: number;
  categories: number;
  minSamples: number;
  meanSeverity: number | null;
}

/** Level from the coverage of passing extreme scenarios (thresholds: 建议值（非官方）). */
export function irCoverageLevel(c: IrCoverage, policy: BandPolicy): Level {
  const { excellent, good, minimumScenarios } = policy.ir;
  const severityOk = c.meanSeverity !== null && c.meanSeverity >= excellent.meanSeverity;
  if (c.passingScenarios >= excellent.scenarios && c.categories >= excellent.categories && c.minSamples >= excellent.samples && severityOk) return 'excellent';
  if (c.passingScenarios >= good.scenarios && c.categories >= good.categories && c.minSamples >= good.samples) return 'good';
  if (c.passingScenarios >= minimumScenarios && c.minSamples >= 1) return 'fair';
  return 'poor';
}
