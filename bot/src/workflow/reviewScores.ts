import { assess, validateSubmission, type Assessment, type Submission, type ValidationIssue } from '@kekao/core';
import type { ReviewScoreRow } from '../store/reviews.js';

/** One reviewer's scores by indicator code, as stored in `reviews`. */
export type ReviewerScores = Record<string, { raw: number; reason?: string; fraud?: boolean }>;

export function scoresOf(rows: readonly ReviewScoreRow[]): ReviewerScores {
  const out: ReviewerScores = {};
  for (const r of rows) out[r.indicator] = { raw: r.raw, ...(r.reason ? { reason: r.reason } : {}), ...(r.fraud ? { fraud: true } : {}) };
  return out;
}

/**
 * Stored review rows as panel input, one entry per reviewer. Rubric note (d): an indicator the
 * reviewer marked as fraud counts 0.
 */
export function panelReviewsOf(rows: readonly ReviewScoreRow[]): Array<{ reviewerId: string; scores: Record<string, number> }> {
  const byReviewer = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = byReviewer.get(r.reviewer_id) ?? {};
    m[r.indicator] = r.fraud ? 0 : r.raw;
    byReviewer.set(r.reviewer_id, m);
  }
  return [...byReviewer].map(([reviewerId, scores]) => ({ reviewerId, scores }));
}

/** The submission with one reviewer's scores in place of the enterprise's self-assessment. */
function withScores(s: Submission, scores: ReviewerScores): unknown {
  const plain: Record<string, { raw: number; reason?: string }> = {};
  for (const [code, v] of Object.entries(scores)) plain[code] = v.reason ? { raw: v.raw, reason: v.reason } : { raw: v.raw };
  if (s.rubric === 'reliability-2024') {
    const fraud: Record<string, boolean> = {};
    for (const [code, v] of Object.entries(scores)) if (v.fraud) fraud[code] = true;
    return { ...s, scores: plain, fraud };
  }
  return { ...s, scores: plain, fraud: Object.values(scores).some((v) => v.fraud) };
}

export interface ScoreProblem {
  key: string;
  zh: string;
  en: string;
}

export type ReviewerAssessment =
  | { ok: true; assessment: Assessment }
  | { ok: false; errors: ValidationIssue[]; issues?: undefined }
  | { ok: false; errors?: undefined; issues: Array<{ code: string; problems: ScoreProblem[] }> };

/**
 * One reviewer's scores checked through core, the rule shared by the REST API and the chat:
 * the submission is validated with the scores in place (raw range 0–100 or the item maximum) and
 * assessed; a changed indicator scored outside its suggested band without a reason is an issue.
 */
export function assessReviewerScores(s: Submission, scores: ReviewerScores, changed: readonly string[]): ReviewerAssessment {
  const v = validateSubmission(withScores(s, scores));
  if (!v.ok) return { ok: false, errors: v.errors };
  const a = assess(v.submission);
  const issues = a.indicators.filter((i) => changed.includes(i.code) && i.scoreIssues.length > 0).map((i) => ({ code: i.code, problems: i.scoreIssues }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, assessment: a };
}

/** Indicator weights for the panel: reliability weights are fractions; points rubrics add points. */
export function panelWeights(a: Assessment): Record<string, number> {
  const w: Record<string, number> = {};
  for (const i of a.indicators) w[i.code] = a.rubric === 'reliability-2024' ? i.weight : 1;
  return w;
}
