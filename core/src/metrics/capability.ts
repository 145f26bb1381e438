import { gammaln } from 'simple-statistics';
import { note, type Note } from '../i18n/note.js';
import { sampleMoments } from '../stats/moments.js';

/**
 * Process capability (Cp, Cpk) and process performance (Pp, Ppk) of a normally distributed
 * characteristic against its specification limits — definitions of the AIAG Statistical Process
 * Control reference manual (2nd ed., 2005) and Montgomery, Introduction to Statistical Quality
 * Control, ch. 8; computed as Minitab's "Capability Analysis (Normal)" does:
 *
 *   Cp  = (USL − LSL) / (6 σ_within)       Pp  = (USL − LSL) / (6 σ_overall)
 *   CPU = (USL − μ) / (3 σ_within)         PPU = (USL − μ) / (3 σ_overall)
 *   CPL = (μ − LSL) / (3 σ_within)         PPL = (μ − LSL) / (3 σ_overall)
 *   Cpk = min(CPU, CPL)                    Ppk = min(PPU, PPL)
 *
 * NOTE: the assistance guide (工业产品质量技术帮扶和质量安全监管联动工作指南, table D.2) writes
 * "CPK=(USL-LSL)/6σ"; that is the formula of Cp, not Cpk. Cpk also accounts for the centring.
 *
 * μ is the sample mean. σ_overall is the sample SD (n − 1), no unbiasing constant.
 * σ_within (short-term variation):
 *   - individuals (subgroupSize 1 or absent): average moving range of span 2 divided by
 *     d2(2) = 1.128 (AIAG SPC manual, constants table): σ = MR̄ / 1.128;
 *   - subgroups of size k ≥ 2 (consecutive runs of k values; a shorter last run is kept and
 *     weighted by its degrees of freedom, a last run of one value adds nothing): pooled SD
 *       s_p = √( Σ (n_i − 1) s_i² / Σ (n_i − 1) ),
 *     divided by c4(d), d = Σ (n_i − 1) + 1, when `unbiased` (default true, as Minitab's
 *     "use unbiasing constants"), c4(d) = √(2/(d − 1)) · Γ(d/2) / Γ((d − 1)/2).
 *
 * One-sided specifications: Cp and Pp are null (they need both limits) and Cpk/Ppk are the one
 * side (CPU/PPU for an upper limit only, CPL/PPL for a lower limit only).
 * Every null carries a reason in `reasons`.
 *
 * Short-term against overall variation: for independent, identically distributed data the two σ
 * estimate the same thing (Montgomery ch. 8: Cpk and Ppk then agree). When they disagree by more
 * than a factor of SIGMA_RATIO_WARNING (2) a warning says so: σ_overall ≫ σ_within means the values
 * are sorted, drift or mix several populations, and Cpk (short-term) overstates the capability;
 * σ_within ≫ σ_overall means alternating or over-adjusted values. For independent normal data the
 * ratio leaves [½, 2] in 0.2 % of samples of 10 and never in 20,000 samples of 20 or more
 * (core/test/reference/capability_sigma_ratio.py), so the warning is not raised by chance.
 */

/** σ_overall/σ_within (or its inverse) above this raises a warning (see the module comment). */
export const SIGMA_RATIO_WARNING = 2;

/** d2 for moving ranges of span 2 (AIAG SPC manual; exact value 2/√π = 1.12838). */
export const D2_SPAN_2 = 1.128;

export interface CapabilityInput {
  values: readonly number[];
  lsl?: number;
  usl?: number;
  /** 1 or absent: individual values (moving-range σ_within); k ≥ 2: subgroups of k. */
  subgroupSize?: number;
  /** Divide the pooled SD by c4 (subgroups only). Default true. */
  unbiased?: boolean;
}

export interface ProcessCapability {
  n: number;
  mean: number | null;
  sigmaWithin: number | null;
  sigmaOverall: number | null;
  cp: number | null;
  cpk: number | null;
  cpl: number | null;
  cpu: number | null;
  pp: number | null;
  ppk: number | null;
  ppl: number | null;
  ppu: number | null;
  reasons: Note[];
  /** Figures computed but not to be trusted as they stand (σ_within and σ_overall disagree). */
  warnings: Note[];
}

/** c4(d) = √(2/(d − 1)) · Γ(d/2) / Γ((d − 1)/2), the bias factor of the SD with d − 1 degrees of freedom. */
export function c4(d: number): number {
  return Math.sqrt(2 / (d - 1)) * Math.exp(gammaln(d / 2) - gammaln((d - 1) / 2));
}

/** σ_within from the average moving range: MR̄ / d2, MR_i = |x_i − x_{i−1}|. */
function movingRangeSigma(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += Math.abs(values[i] - values[i - 1]);
  let sigma = sum / (n - 1) / D2_SPAN_2;
  if (!Number.isFinite(sigma)) {
    // Ranges or their sum overflowed (values near ±1e308): same average on halved values.
    sum = 0;
    for (let i = 1; i < n; i++) sum += Math.abs(values[i] / 2 - values[i - 1] / 2) / (n - 1);
    sigma = (sum / D2_SPAN_2) * 2;
  }
  return Number.isFinite(sigma) ? sigma : null;
}

/** Pooled within-subgroup SD (optionally ÷ c4); null when no subgroup has two values. */
function pooledSigma(values: readonly number[], k: number, unbiased: boolean): number | null {
  let ss = 0;
  let dof = 0;
  for (let start = 0; start < values.length; start += k) {
    const end = Math.min(start + k, values.length);
    const size = end - start;
    if (size < 2) continue;
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    const mean = sum / size;
    for (let i = start; i < end; i++) {
      const d = values[i] - mean;
      ss += d * d;
    }
    dof += size - 1;
  }
  if (dof === 0) return null;
  let sigma = Math.sqrt(ss / dof);
  if (unbiased) sigma /= c4(dof + 1);
  return Number.isFinite(sigma) ? sigma : null;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export function processCapability(input: CapabilityInput): ProcessCapability {
  const { values, lsl, usl } = input;
  const reasons: Note[] = [];
  const moments = sampleMoments(values);
  const result: ProcessCapability = {
    n: moments.n,
    mean: moments.mean,
    sigmaWithin: null,
    sigmaOverall: moments.sd,
    cp: null,
    cpk: null,
    cpl: null,
    cpu: null,
    pp: null,
    ppk: null,
    ppl: null,
    ppu: null,
    reasons,
    warnings: [],
  };

  const k = input.subgroupSize ?? 1;
  if (!Number.isInteger(k) || k < 1) {
    reasons.push(note('capability.invalidSubgroupSize', `子组大小须为正整数，收到 ${k}`, `The subgroup size must be a positive integer; got ${k}`));
    return result;
  }
  if (moments.n < 2 || moments.mean === null) {
    reasons.push(
      moments.n >= 2
        ? note('capability.nonFinite', '数据中含有非有限数值，无法计算过程能力', 'The data contain a non-finite value; no capability indices')
        : note(
            'capability.tooFewValues',
            `至少需要 2 个测量值才能计算过程能力（当前 ${moments.n} 个）`,
            `At least 2 values are needed for capability indices (got ${moments.n})`,
          ),
    );
    return result;
  }
  const mean = moments.mean;
  result.sigmaWithin = k === 1 ? movingRangeSigma(values) : pooledSigma(values, k, input.unbiased ?? true);
  if (result.sigmaWithin === null) {
    reasons.push(
      note(
        'capability.noWithinSigma',
        '无法估计组内标准差（至少一个子组需有 2 个值，且数值不超出范围），Cp/Cpk 无定义',
        'The within-subgroup SD cannot be estimated (a subgroup needs at least 2 values, within the numeric range): no Cp/Cpk',
      ),
    );
  }

  const hasLsl = lsl !== undefined;
  const hasUsl = usl !== undefined;
  if ((hasLsl && !Number.isFinite(lsl)) || (hasUsl && !Number.isFinite(usl))) {
    reasons.push(note('capability.invalidLimit', '规格限须为有限数值', 'The specification limits must be finite numbers'));
    return result;
  }
  if (!hasLsl && !hasUsl) {
    reasons.push(note('capability.noLimits', '未提供规格上限或下限，无法计算过程能力指数', 'No specification limit given: no capability indices'));
    return result;
  }
  if (hasLsl && hasUsl && !(lsl < usl)) {
    reasons.push(
      note(
        'capability.invertedLimits',
        `规格下限须小于规格上限（LSL=${lsl}，USL=${usl}）`,
        `The lower specification limit must be below the upper one (LSL=${lsl}, USL=${usl})`,
      ),
    );
    return result;
  }
  if (!(hasLsl && hasUsl)) {
    reasons.push(
      note(
        'capability.oneSided',
        '单侧规格：Cp、Pp 需要上下限，无定义；Cpk、Ppk 取单侧值',
        'One-sided specification: Cp and Pp need both limits and are undefined; Cpk and Ppk are the one side',
      ),
    );
  }

  const indices = (sigma: number | null) => {
    if (sigma === null || sigma === 0) return null;
    // Divided before subtracting so that neither 6σ nor USL − LSL can overflow near 1e308.
    const upper = hasUsl ? finiteOrNull((usl / 3 - mean / 3) / sigma) : null;
    const lower = hasLsl ? finiteOrNull((mean / 3 - lsl / 3) / sigma) : null;
    const potential = hasLsl && hasUsl ? finiteOrNull((usl / 6 - lsl / 6) / sigma) : null;
    const sides = [upper, lower].filter((v): v is number => v !== null);
    return { potential, upper, lower, worst: sides.length > 0 ? Math.min(...sides) : null };
  };

  const within = indices(result.sigmaWithin);
  const overall = indices(result.sigmaOverall);
  if (within) {
    result.cp = within.potential;
    result.cpu = within.upper;
    result.cpl = within.lower;
    result.cpk = within.worst;
  }
  if (overall) {
    result.pp = overall.potential;
    result.ppu = overall.upper;
    result.ppl = overall.lower;
    result.ppk = overall.worst;
  }
  if (result.sigmaWithin === 0 || result.sigmaOverall === 0) {
    reasons.push(
      note(
        'capability.zeroSigma',
        '标准差为 0（数据无波动），能力指数无定义（除以 0）',
        'The standard deviation is 0 (no variation): the indices are undefined (division by zero)',
      ),
    );
  } else if (result.sigmaOverall === null) {
    reasons.push(note('capability.sdOutOfRange', '总体标准差超出数值范围，Pp/Ppk 无定义', 'The overall SD is outside the numeric range: no Pp/Ppk'));
  } else if ((within && within.worst === null) || overall?.worst === null) {
    reasons.push(
      note(
        'capability.outOfRange',
        '能力指数超出数值范围，请检查数据与规格限的单位',
        'An index is outside the numeric range; check the units of the data and limits',
      ),
    );
  }
  const disagreement = sigmaDisagreement(result.sigmaWithin, result.sigmaOverall, k);
  if (disagreement) result.warnings.push(disagreement);
  return result;
}

/** The warning when short-term and overall σ differ by more than SIGMA_RATIO_WARNING. */
function sigmaDisagreement(within: number | null, overall: number | null, k: number): Note | null {
  if (within === null || overall === null || !(within > 0) || !(overall > 0)) return null;
  const ratio = overall / within;
  const how = k === 1 ? { zh: '移动极差', en: 'moving range' } : { zh: `${k} 个一组的子组`, en: `subgroups of ${k}` };
  if (ratio > SIGMA_RATIO_WARNING) {
    return note(
      'capability.sigmaOverallExceedsWithin',
      `总体标准差是组内（${how.zh}）标准差的 ${ratio.toFixed(1)} 倍（超过 ${SIGMA_RATIO_WARNING} 倍）：数据看起来经过排序、存在漂移或混有多个总体，Cpk 会高估过程能力，不可信；请按生产顺序提供数据，并以 Ppk 为参考`,
      `The overall SD is ${ratio.toFixed(1)} times the within (${how.en}) SD (more than ${SIGMA_RATIO_WARNING}×): the data look sorted, drifting or mixed from several populations, so Cpk overstates the capability and is unreliable; give the values in production order and rely on Ppk`,
    );
  }
  if (ratio < 1 / SIGMA_RATIO_WARNING) {
    return note(
      'capability.sigmaWithinExceedsOverall',
      `组内（${how.zh}）标准差是总体标准差的 ${(1 / ratio).toFixed(1)} 倍（超过 ${SIGMA_RATIO_WARNING} 倍）：数据呈交替或过度调整的模式，Cpk 不可信`,
      `The within (${how.en}) SD is ${(1 / ratio).toFixed(1)} times the overall SD (more than ${SIGMA_RATIO_WARNING}×): the values alternate or are over-adjusted, so Cpk is unreliable`,
    );
  }
  return null;
}
