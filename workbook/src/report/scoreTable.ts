import type { Assessment, IndicatorAssessment } from '@kekao/core/scoring';
import { reliability2024 } from '@kekao/core/rubrics';
import { fmeaCase2025, fmeaItems } from '@kekao/core/rubrics';
import { escapeHtml } from './escapeHtml.js';
import { noteText, type ReportContext } from './context.js';
import { formatNumber } from './chart/formatNumber.js';
import { weightsAreFractions } from '../entryFacts.js';

/**
 * The score table laid out like the official 评分表 (附件1 / 附件3): first-level group, indicator,
 * weight (or standard score), suggested band with the official criterion, raw score, weighted
 * score, and the total.
 */
export function scoreTable(ctx: ReportContext, assessment: Assessment): string {
  const { t } = ctx;
  const fractions = weightsAreFractions(assessment);
  const rows: string[] = [];
  const inds = assessment.indicators;
  const hasGroups = inds.some((i) => i.group);
  inds.forEach((ind, k) => {
    const cells: string[] = [];
    if (hasGroups) {
      // Consecutive indicators of one group share a cell, as in the official table.
      const groupName = ind.group ? t(ind.group.zh, ind.group.en) : '';
      const prev = k > 0 ? inds[k - 1].group : undefined;
      if (k === 0 || !sameGroup(prev, ind.group)) {
        let span = 1;
        while (k + span < inds.length && sameGroup(inds[k + span].group, ind.group)) span++;
        cells.push(`<td rowspan="${span}" class="group">${escapeHtml(groupName)}</td>`);
      }
    }
    cells.push(`<td><strong>${escapeHtml(t(ind.name.zh, ind.name.en))}</strong> <span class="key">${escapeHtml(ind.code)}</span></td>`);
    cells.push(`<td class="num">${fractions ? `${formatNumber(ind.weight * 100, 4)}%` : escapeHtml(formatNumber(ind.weight))}</td>`);
    cells.push(`<td>${bandCell(ctx, assessment, ind)}</td>`);
    cells.push(`<td class="num raw">${rawCell(ctx, ind)}</td>`);
    cells.push(`<td class="num">${ind.weightedScore === null ? '—' : escapeHtml(formatNumber(ind.weightedScore, 6))}</td>`);
    rows.push(`<tr data-indicator="${escapeHtml(ind.code)}">${cells.join('')}</tr>`);
  });
  const colspan = hasGroups ? 5 : 4;
  rows.push(
    `<tr class="total"><td colspan="${colspan}">${escapeHtml(t('总分（单项加权得分之和）', 'Total (sum of weighted scores)'))}</td><td class="num">${escapeHtml(formatNumber(assessment.total, 6))} / ${escapeHtml(formatNumber(assessment.maxTotal))}</td></tr>`,
  );
  const head = [
    ...(hasGroups ? [t('一级指标', 'Group')] : []),
    t('二级指标', 'Indicator'),
    fractions ? t('权重', 'Weight') : t('标准分', 'Standard score'),
    t('建议分档（建议值，非官方）及评价准则', 'Suggested band (kekao suggestion, not official) and criterion'),
    t('原始得分', 'Raw score'),
    t('加权得分', 'Weighted score'),
  ];
  // Fixed layout: a long score issue wraps inside its cell instead of squeezing the criteria.
  const widths = [...(hasGroups ? ['8%'] : []), '16%', '7%', '', '15%', '9%'];
  const colgroup = `<colgroup>${widths.map((w) => (w ? `<col style="width:${w}">` : '<col>')).join('')}</colgroup>`;
  return `<table class="score-table">${colgroup}<thead><tr>${head.map((h, i) => `<th${i >= head.length - 2 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function sameGroup(a: IndicatorAssessment['group'], b: IndicatorAssessment['group']): boolean {
  return (a?.zh ?? '') === (b?.zh ?? '') && (a?.en ?? '') === (b?.en ?? '');
}

/** "71–90" with the official criterion of that band (from the assessment, else the rubric). */
function bandCell(ctx: ReportContext, assessment: Assessment, ind: IndicatorAssessment): string {
  const band = ind.suggestedBand;
  const itemCriterion = fmeaCriterion(assessment, ind.code);
  if (!band) {
    const none = `<span class="muted">${escapeHtml(ctx.t('— 无建议分档', '— no suggested band'))}</span>`;
    return none + (itemCriterion ? `<span class="criterion">${escapeHtml(ctx.t(itemCriterion.zh, itemCriterion.en))}</span>` : '');
  }
  const criterion = ind.bandCriterion ?? officialCriterion(assessment, ind.code, band) ?? itemCriterion;
  const text = `${formatNumber(band.min)}–${formatNumber(band.max)}`;
  return `<strong>${escapeHtml(text)}</strong>${criterion ? `<span class="criterion">${escapeHtml(ctx.t(criterion.zh, criterion.en))}</span>` : ''}`;
}

function officialCriterion(assessment: Assessment, code: string, band: { min: number; max: number }) {
  if (assessment.rubric !== reliability2024.id) return undefined;
  const indicator = reliability2024.indicators.find((i) => i.code === code);
  return indicator?.bands.find((b) => b.min <= band.min && band.max <= b.max)?.criterion;
}

/** FMEA (附件3): each item has one 评价准则, shown whatever the band. */
function fmeaCriterion(assessment: Assessment, code: string) {
  if (assessment.rubric !== fmeaCase2025.id) return undefined;
  return fmeaItems.find((i) => i.id === code)?.criterion;
}

function rawCell(ctx: ReportContext, ind: IndicatorAssessment): string {
  const parts: string[] = [];
  parts.push(
    ind.rawScore === null ? `— <span class="badge missing">${escapeHtml(ctx.t('待评分', 'not scored'))}</span>` : escapeHtml(formatNumber(ind.rawScore, 6)),
  );
  if (ind.fraud) parts.push(`<span class="issue">${escapeHtml(ctx.t('数据造假：该项计 0 分（说明 d）', 'data fraud: scored 0 (note d)'))}</span>`);
  if (ind.rawScoreReason) parts.push(`<span class="raw-reason">${escapeHtml(ind.rawScoreReason)}</span>`);
  for (const issue of ind.scoreIssues) parts.push(`<span class="issue">${escapeHtml(noteText(ctx, issue))}</span>`);
  return parts.join('');
}
