import { note, type Note } from '../../i18n/note.js';
import { reliability2024 } from '../../rubrics/reliability2024.js';
import { BASIC_REQUIREMENT_KEYS, INDICATOR_CODES, type IndicatorCode, type ReliabilitySubmission } from '../../submission/reliabilitySubmission.js';
import type { Assessment, Band, IndicatorAssessment } from '../assessment.js';
import { resolveBandPolicy, type BandPolicy, type BandPolicyOverride } from '../bandPolicy.js';
import { rubricBand, type BandSuggestion } from '../bandSuggestion.js';
import { integrityFlags } from '../integrityFlags.js';
import { scoreTotals } from '../scoreTotals.js';
import { checkRawScore } from '../rawScore.js';
import { suggestTier } from '../incubationTier.js';
import { icBand } from './icBand.js';
import { idBand } from './idBand.js';
import { irBand } from './irBand.js';
import { wBand } from './wBand.js';

export interface AssessOptions {
  /** Product family selecting the default band policy (else the submission's `product.family`). */
  family?: string;
  /** Threshold overrides (validated). */
  policy?: BandPolicyOverride;
}

const PROFESSIONAL: readonly IndicatorCode[] = ['Ic', 'Id', 'Ir'];

/** Note (a): the band the professional indicators are held to when a basic requirement is unmet. */
function basicRequirementsGate(): Band {
  const gate = reliability2024.notes.find((n) => n.effect.kind === 'basic-requirements-gate');
  if (!gate || gate.effect.kind !== 'basic-requirements-gate') throw new Error('rubric note (a) missing');
  return gate.effect.band;
}

function suggestionFor(code: IndicatorCode, s: ReliabilitySubmission, policy: BandPolicy): BandSuggestion {
  switch (code) {
    case 'Ic':
      return icBand(s.ic?.parameters ?? [], policy);
    case 'Id':
      return idBand(s.id?.parameters ?? [], policy);
    case 'Ir':
      return irBand(s.ir?.scenarios ?? [], policy);
    case 'W':
      return wBand(s.w, policy);
    case 'C':
    case 'G': {
      const text = code === 'C' ? s.narrative?.innovation : s.narrative?.promotion;
      const warnings: Note[] =
        text && text.trim()
          ? []
          : [
              note(
                `${code.toLowerCase()}.noNarrative`,
                `未提供${code === 'C' ? '创新性' : '可推广性'}说明材料`,
                `No ${code === 'C' ? 'innovation' : 'promotion'} narrative provided`,
              ),
            ];
      return {
        level: null,
        reasons: [
          note(
            'expertJudgement',
            '该指标没有可计算的数据，由评审专家根据材料判断分档',
            'No computable evidence; the reviewer judges the band from the materials',
          ),
        ],
        warnings,
        metrics: text ? { narrativeLength: [...text].length } : {},
      };
    }
  }
}

/** Assesses a validated reliability-2024 submission. Pure; never throws on valid input. */
export function assessReliability(s: ReliabilitySubmission, options: AssessOptions = {}): Assessment {
  const policy = resolveBandPolicy(options.family ?? s.product.family, options.policy);
  const missing = BASIC_REQUIREMENT_KEYS.filter((k) => s.basicRequirements?.[k] !== true).map((k) => {
    const req = reliability2024.basicRequirements.find((b) => b.key === k)!;
    return { key: k, zh: req.text.zh, en: req.text.en };
  });
  const basicMet = missing.length === 0;
  const gate = basicRequirementsGate();
  const warnings: Note[] = [];
  if (!basicMet) {
    warnings.push(
      note(
        'basicRequirements.unmet',
        `未满足（或未确认）基本要求：${missing.map((m) => m.zh).join('、')}；Ic、Id、Ir 按评分说明（a）只能在 ${gate.min}~${gate.max} 分档`,
        `Basic requirements unmet or unconfirmed: ${missing.map((m) => m.en).join(', ')}; Ic, Id, Ir are held to ${gate.min}–${gate.max} (note a)`,
      ),
    );
  }

  const indicators: IndicatorAssessment[] = INDICATOR_CODES.map((code) => {
    const ind = reliability2024.indicators.find((i) => i.code === code)!;
    const sug = suggestionFor(code, s, policy);
    const reasons = [...sug.reasons];
    let level = sug.level;
    const gated = PROFESSIONAL.includes(code) && !basicMet;
    if (gated && level !== 'poor') {
      reasons.push(note('gate.basicRequirements', '不满足评价的“基本要求（a）”→ 0~40（评分说明（a））', 'Basic requirements (a) not met → 0–40 (note a)'));
      level = 'poor';
    }
    const band = level ? rubricBand(code, level) : null;
    const fraud = s.fraud?.[code] === true;
    const entered = s.scores?.[code];
    let rawScore: number | null = null;
    let weightedScore: number | null = null;
    let scoreIssues: Note[] = [];
    if (entered) {
      const check = checkRawScore({
        code,
        raw: entered.raw,
        reason: entered.reason,
        max: reliability2024.rawScoreMax,
        suggestedBand: band?.band ?? null,
        cap: gated ? gate : null,
        fraud,
      });
      rawScore = entered.raw;
      scoreIssues = check.issues;
      reasons.push(...check.notes);
      // Note (c): weighted score = raw × weight; the total is their sum.
      weightedScore = check.effective * ind.weight;
    } else if (fraud) {
      reasons.push(
        note('score.fraud', `${code}：评审认定存在数据或信息造假，该指标得 0 分（评分说明（d））`, `${code}: fraud marked; the indicator scores 0 (note d)`),
      );
      weightedScore = 0;
    }
    return {
      code,
      name: ind.name,
      weight: ind.weight,
      group: reliability2024.groups.find((g) => g.id === ind.group)?.name,
      metrics: sug.metrics,
      suggestedBand: band?.band ?? null,
      bandCriterion: band?.criterion,
      reasons,
      warnings: sug.warnings,
      rawScore,
      rawScoreReason: entered?.reason,
      scoreIssues,
      fraud,
      weightedScore,
    };
  });

  const base = {
    rubric: reliability2024.id,
    rubricTitle: reliability2024.title,
    subject: { enterprise: s.enterprise.name, product: s.product.name },
    policy: { family: policy.family, label: policy.label.zh, labelEn: policy.label.en, official: false as const },
    indicators,
    basicRequirements: { met: basicMet, missing },
    ...scoreTotals(indicators, reliability2024.rawScoreMax),
    flags: integrityFlags(s),
    warnings,
  };
  return { ...base, tier: suggestTier(base) };
}
