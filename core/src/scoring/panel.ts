import { z } from 'zod/v4';
import { note, type Note } from '../i18n/note.js';

/**
 * Panel aggregation (docs/architecture.md §3): several reviewers score one entry. The entry's score is the
 * mean of the reviewers' totals — from 5 reviewers on, the trimmed mean that drops the highest and
 * the lowest total (the usual rule of expert panels, robust to one outlier). An indicator whose raw
 * scores span more than `disagreementRange` points is flagged for discussion.
 */
export const panelReviewSchema = z.object({
  reviewerId: z.string().min(1),
  /** Indicator (or item) code → raw score in the rubric's unit. */
  scores: z.record(z.string(), z.number()),
});
export type PanelReview = z.infer<typeof panelReviewSchema>;

export interface PanelIndicator {
  code: string;
  count: number;
  min: number | null;
  max: number | null;
  range: number | null;
  mean: number | null;
  disagreement: boolean;
}

export interface PanelAggregate {
  reviewerCount: number;
  reviewerTotals: Array<{ reviewerId: string; total: number; complete: boolean }>;
  method: 'mean' | 'trimmed-mean';
  score: number | null;
  indicators: PanelIndicator[];
  disagreement: boolean;
  notes: Note[];
}

export const TRIMMED_MEAN_FROM = 5;

export function aggregatePanel(
  reviews: readonly PanelReview[],
  weights: Readonly<Record<string, number>>,
  options: { disagreementRange?: number } = {},
): PanelAggregate {
  const range = options.disagreementRange ?? 20;
  const codes = Object.keys(weights);
  const reviewerTotals = reviews.map((r) => {
    let total = 0;
    let complete = true;
    for (const c of codes) {
      const v = r.scores[c];
      if (v === undefined) complete = false;
      else total += v * weights[c]!;
    }
    return { reviewerId: r.reviewerId, total, complete };
  });
  const notes: Note[] = [];
  const totals = reviewerTotals.map((t) => t.total).sort((a, b) => a - b);
  let method: PanelAggregate['method'] = 'mean';
  let used = totals;
  if (totals.length >= TRIMMED_MEAN_FROM) {
    method = 'trimmed-mean';
    used = totals.slice(1, -1);
    notes.push(
      note(
        'panel.trimmed',
        `评审专家 ${totals.length} 人：去掉一个最高分和一个最低分后取平均`,
        `${totals.length} reviewers: the highest and lowest totals are dropped before averaging`,
      ),
    );
  }
  const score = used.length > 0 ? used.reduce((a, b) => a + b, 0) / used.length : null;
  const indicators: PanelIndicator[] = codes.map((code) => {
    const vals = reviews.map((r) => r.scores[code]).filter((v): v is number => v !== undefined);
    if (vals.length === 0) return { code, count: 0, min: null, max: null, range: null, mean: null, disagreement: false };
    const min = Math.min(...vals);
    const max = Math.max(...vals);
    const disagreement = max - min > range;
    if (disagreement)
      notes.push(
        note(
          'panel.disagreement',
          `${code}：评审原始分相差 ${max - min} 分（${min}~${max}），超过 ${range} 分，建议合议`,
          `${code}: raw scores span ${max - min} points (${min}–${max}), more than ${range}; discuss`,
        ),
      );
    return { code, count: vals.length, min, max, range: max - min, mean: vals.reduce((a, b) => a + b, 0) / vals.length, disagreement };
  });
  const incomplete = reviewerTotals.filter((t) => !t.complete).length;
  if (incomplete > 0)
    notes.push(note('panel.incomplete', `${incomplete} 位评审尚未给出全部指标的得分`, `${incomplete} reviewers have not scored every indicator`));
  return { reviewerCount: reviews.length, reviewerTotals, method, score, indicators, disagreement: indicators.some((i) => i.disagreement), notes };
}
