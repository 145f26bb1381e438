import { note, type Note } from '../i18n/note.js';
import { significant } from '../i18n/numberText.js';
import { STRESS_CATEGORIES, type Direction, type IrScenario, type StressCategory } from '../submission/reliabilitySubmission.js';
import { STRESS_CATEGORY_LABELS } from './stressCategories.js';

/**
 * Ir (极限/可靠性边界) metrics: design margin of each sample under an extreme scenario, and the
 * coverage of the reliability domain (docs/architecture.md §3).
 *
 * Margin (design margin / safety margin, O'Connor & Kleyner 2012, *Practical Reliability
 * Engineering*, 5th ed., §7.3 "load–strength interference"): the distance from the measured
 * performance to its limit, on the safe side positive.
 *   'min' (value must stay ≥ L):  absolute = x − L,  relative = (x − L)/|L|
 *   'max' (value must stay ≤ U):  absolute = U − x,  relative = (U − x)/|U|
 * The relative margin is undefined at a zero limit (division by |L| = 0): it is then null and
 * the absolute margin is the measure. A sample passes when its margin is > 0 (strictly inside).
 */

export interface Margin {
  /** Relative margin; null at a zero limit or when not representable (see `reason`). */
  relative: number | null;
  /** Absolute margin in the parameter's unit; null only when not representable. */
  absolute: number | null;
  reason?: Note;
}

const overflow = (): Note => note('ir.marginOverflow', '裕量超出可表示的数值范围。', 'the margin is outside the representable number range.');

/** Direction-aware margin of one sample against its limit (see the module comment). */
export function relativeMargin(x: number, limit: number, direction: Direction): Margin {
  if (!Number.isFinite(x) || !Number.isFinite(limit)) {
    return {
      relative: null,
      absolute: null,
      reason: note('ir.nonFinite', '测量值或限值不是有限数值。', 'the value or the limit is not a finite number.'),
    };
  }
  // Absolute margin: x − L for a lower limit, U − x for an upper limit.
  const abs = direction === 'min' ? x - limit : limit - x;
  const absolute = Number.isFinite(abs) ? abs : null;
  if (limit === 0) {
    return {
      relative: null,
      absolute,
      reason: note(
        'ir.zeroLimit',
        '限值为 0，相对裕量无定义（除以 |限值|）；请使用绝对裕量。',
        'the limit is 0, so the relative margin (divided by |limit|) is undefined; use the absolute margin.',
      ),
    };
  }
  // Relative margin: absolute margin ÷ |limit|; computed as x/|L| − L/|L| when x − L overflows.
  const rel =
    absolute !== null ? absolute / Math.abs(limit) : direction === 'min' ? x / Math.abs(limit) - Math.sign(limit) : Math.sign(limit) - x / Math.abs(limit);
  if (!Number.isFinite(rel) || absolute === null) {
    return { relative: Number.isFinite(rel) ? rel : null, absolute, reason: overflow() };
  }
  return { relative: rel, absolute };
}

export interface StressSeverity {
  category: StressCategory;
  label: { zh: string; en: string };
  level: number | null;
  rated: number | null;
  unit: string | null;
  /** Stress level ÷ rated level (how far beyond the rating the test went); null with a reason. */
  severity: number | null;
  severityReason?: Note;
}

export interface ScenarioMargins {
  name: string;
  parameter: string | null;
  unit: string | null;
  limit: number;
  direction: Direction;
  /** Number of samples. */
  n: number;
  /** Relative margin per sample (null at a zero limit). */
  margins: (number | null)[];
  /** Absolute margin per sample (null only when not representable). */
  absoluteMargins: (number | null)[];
  /** Smallest relative margin; null when there are no samples or some margin is undefined. */
  worstMargin: number | null;
  /** Smallest absolute margin; null when there are no samples or some margin is not representable. */
  worstAbsoluteMargin: number | null;
  /** Every sample strictly inside its limit (worst margin > 0); false when there is no sample. */
  pass: boolean;
  stresses: StressSeverity[];
  warnings: Note[];
}

/** Severity = stress level ÷ rated level (docs/architecture.md §3, Ir). */
function stressSeverity(s: IrScenario['stresses'][number]): StressSeverity {
  const base = {
    category: s.category,
    label: STRESS_CATEGORY_LABELS[s.category],
    level: s.level ?? null,
    rated: s.rated ?? null,
    unit: s.unit ?? null,
  };
  if (s.level === undefined) {
    return {
      ...base,
      severity: null,
      severityReason: note('ir.noStressLevel', '未给出试验应力水平，无法计算严酷度。', 'no stress level given; severity cannot be computed.'),
    };
  }
  if (s.rated === undefined || s.rated === 0) {
    return {
      ...base,
      severity: null,
      severityReason: note(
        'ir.noRatedLevel',
        s.rated === undefined ? '未给出额定应力水平，无法计算严酷度（应力水平 ÷ 额定水平）。' : '额定应力水平为 0，严酷度（应力水平 ÷ 额定水平）无定义。',
        s.rated === undefined
          ? 'no rated level given; severity (level ÷ rated) cannot be computed.'
          : 'the rated level is 0; severity (level ÷ rated) is undefined.',
      ),
    };
  }
  const sev = s.level / s.rated;
  if (!Number.isFinite(sev)) {
    return {
      ...base,
      severity: null,
      severityReason: note('ir.severityOverflow', '严酷度超出可表示的数值范围。', 'the severity is outside the representable number range.'),
    };
  }
  return { ...base, severity: sev };
}

/** Margins of one extreme scenario: per sample, worst, pass, and the severity of each stress. */
export function scenarioMargins(s: IrScenario): ScenarioMargins {
  const warnings: Note[] = [];
  const ms = s.values.map((x) => relativeMargin(x, s.limit, s.direction));
  const margins = ms.map((m) => m.relative);
  const absoluteMargins = ms.map((m) => m.absolute);
  const n = s.values.length;

  const minOf = (vs: (number | null)[]): number | null =>
    vs.length === 0 || vs.some((v) => v === null) ? null : (vs as number[]).reduce((m, v) => Math.min(m, v), Infinity);
  const worstMargin = minOf(margins);
  const worstAbsoluteMargin = minOf(absoluteMargins);

  // Pass = every sample strictly inside (margin > 0), decided by direct comparison so it holds
  // also at a zero limit and when a margin is not representable.
  const pass = n > 0 && s.values.every((x) => (s.direction === 'min' ? x > s.limit : x < s.limit));

  if (n === 0) {
    warnings.push(
      note(
        'ir.noSamples',
        `场景“${s.name}”没有样品数据，不能判定通过（评分规则要求每个场景至少 1 个样品）。`,
        `scenario "${s.name}" has no sample values and cannot pass (the rubric requires at least 1 sample per scenario).`,
      ),
    );
  }
  const firstReason = ms.find((m) => m.reason)?.reason;
  if (firstReason) warnings.push(firstReason);
  if (s.stresses.length === 0) {
    warnings.push(note('ir.noStresses', `场景“${s.name}”未列出应力类别与水平。`, `scenario "${s.name}" lists no stress category or level.`));
  }

  const stresses = s.stresses.map(stressSeverity);
  for (const st of stresses) {
    if (st.severity !== null && st.severity <= 0) {
      warnings.push(
        note(
          'ir.nonPositiveSeverity',
          `场景“${s.name}”的${st.label.zh}严酷度为 ${significant(st.severity)}（≤ 0）：应力水平与额定水平符号不同，请用绝对尺度（如温度用 K）。`,
          `scenario "${s.name}": ${st.label.en} severity is ${significant(st.severity)} (≤ 0); level and rating differ in sign — use an absolute scale (e.g. kelvin for temperature).`,
        ),
      );
    }
  }

  return {
    name: s.name,
    parameter: s.parameter ?? null,
    unit: s.unit ?? null,
    limit: s.limit,
    direction: s.direction,
    n,
    margins,
    absoluteMargins,
    worstMargin,
    worstAbsoluteMargin,
    pass,
    stresses,
    warnings,
  };
}

export interface ReliabilityDomain {
  scenarioCount: number;
  passCount: number;
  scenarios: ScenarioMargins[];
  /** Distinct stress categories over all scenarios, in the order of STRESS_CATEGORIES. */
  categoriesCovered: StressCategory[];
  categoryCount: number;
  /** Mean severity over all stresses with a defined severity; null when none. */
  meanSeverity: number | null;
  /** Fewest samples in any scenario (0 when there is no scenario). */
  minSampleCount: number;
  warnings: Note[];
}

/** Minimum number of extreme scenarios the rubric asks for (docs/architecture.md §3, Ir). */
export const MIN_SCENARIOS = 3;

/** The reliability domain over all extreme scenarios of a submission. */
export function reliabilityDomain(scenarios: readonly IrScenario[]): ReliabilityDomain {
  const results = scenarios.map(scenarioMargins);
  const warnings: Note[] = [];
  if (results.length < MIN_SCENARIOS) {
    warnings.push(
      note(
        'ir.tooFewScenarios',
        `只有 ${results.length} 个极限场景，评分规则要求至少 ${MIN_SCENARIOS} 个。`,
        `only ${results.length} extreme scenario(s); the rubric requires at least ${MIN_SCENARIOS}.`,
      ),
    );
  }
  for (const r of results) {
    if (r.n === 0) {
      warnings.push(
        note(
          'ir.scenarioWithoutSamples',
          `场景“${r.name}”没有样品，评分规则要求每个场景至少 1 个样品。`,
          `scenario "${r.name}" has no sample; the rubric requires at least 1 per scenario.`,
        ),
      );
    }
  }

  const covered = new Set<StressCategory>();
  const severities: number[] = [];
  for (const r of results) {
    for (const st of r.stresses) {
      covered.add(st.category);
      if (st.severity !== null) severities.push(st.severity);
    }
  }
  const categoriesCovered = STRESS_CATEGORIES.filter((c) => covered.has(c));

  // Mean severity, accumulated as Σ(vᵢ/n) so that a sum of large severities cannot overflow.
  let meanSeverity: number | null = null;
  if (severities.length > 0) {
    const m = severities.reduce((s, v) => s + v / severities.length, 0);
    meanSeverity = Number.isFinite(m) ? m : null;
  }
  if (meanSeverity === null && results.length > 0) {
    warnings.push(
      note(
        'ir.noSeverity',
        '没有任何应力同时给出试验水平和额定水平，无法计算平均严酷度。',
        'no stress gives both a level and a rated level; the mean severity cannot be computed.',
      ),
    );
  }

  return {
    scenarioCount: results.length,
    passCount: results.filter((r) => r.pass).length,
    scenarios: results,
    categoriesCovered,
    categoryCount: categoriesCovered.length,
    meanSeverity,
    minSampleCount: results.length === 0 ? 0 : Math.min(...results.map((r) => r.n)),
    warnings,
  };
}
