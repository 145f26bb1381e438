import type { Assessment } from '@kekao/core/scoring';
import type { CellNote } from '../scoredEntry.js';
import { escapeHtml } from './escapeHtml.js';
import { noteItem, noteList, noteText, type ReportContext } from './context.js';

/** Per indicator: the reasons for its suggested band, its warnings and score issues. */
export function reasonsSection(ctx: ReportContext, assessment: Assessment): string {
  const { t } = ctx;
  const blocks = assessment.indicators
    .filter((ind) => ind.reasons.length + ind.warnings.length + ind.scoreIssues.length > 0)
    .map(
      (ind) =>
        `<div class="indicator-notes" data-indicator="${escapeHtml(ind.code)}"><h4>${escapeHtml(t(ind.name.zh, ind.name.en))} <span class="key">${escapeHtml(ind.code)}</span></h4>` +
        (ind.reasons.length ? `<p class="muted">${escapeHtml(t('分档理由', 'Why this band'))}</p>${noteList(ctx, ind.reasons, 'reasons')}` : '') +
        (ind.warnings.length ? `<p class="muted">${escapeHtml(t('提示', 'Warnings'))}</p>${noteList(ctx, ind.warnings, 'warnings')}` : '') +
        (ind.scoreIssues.length ? `<p class="muted">${escapeHtml(t('评分问题', 'Score issues'))}</p>${noteList(ctx, ind.scoreIssues, 'issues')}` : '') +
        `</div>`,
    );
  if (blocks.length === 0) return '';
  return `<h3>${escapeHtml(t('评分依据', 'Reasons'))}</h3>${blocks.join('')}`;
}

/** Entry-level warnings and the workbook reader's cell notes (each naming sheet and cell). */
export function warningsSection(ctx: ReportContext, assessment: Assessment, readWarnings: readonly CellNote[]): string {
  const { t } = ctx;
  if (assessment.warnings.length === 0 && readWarnings.length === 0) return '';
  let html = `<h3>${escapeHtml(t('警告', 'Warnings'))}</h3>`;
  html += noteList(ctx, assessment.warnings, 'warnings');
  if (readWarnings.length > 0) {
    html += `<h4>${escapeHtml(t('读取工作簿时的提示', 'Notes from reading the workbook'))}</h4>`;
    html += `<ul class="read-warnings">${readWarnings.map((w) => noteItem(ctx, w, cellPlace(w))).join('')}</ul>`;
  }
  return html;
}

const FLAG_KINDS: Record<string, [string, string]> = {
  'duplicate-rows': ['重复行', 'duplicated rows'],
  'identical-values': ['样品间数值相同', 'identical values across samples'],
  'terminal-digit': ['尾数偏好', 'terminal-digit preference'],
  'finer-than-resolution': ['数值精度超过仪器分辨力', 'finer than instrument resolution'],
  'impossible-value': ['不可能的数值', 'impossible value'],
};

/** Data-integrity red flags (rubric note d), each marked 需核实 — only a person decides fraud. */
export function flagsSection(ctx: ReportContext, assessment: Assessment): string {
  const { t } = ctx;
  if (assessment.flags.length === 0) return '';
  const rows = assessment.flags
    .map((f) => {
      const kind = FLAG_KINDS[f.kind] ?? [f.kind, f.kind];
      return `<tr><td><span class="badge verify">${escapeHtml(f.status)}</span></td><td>${escapeHtml(f.indicator)}</td><td>${escapeHtml(t(kind[0], kind[1]))}</td><td><span class="place">${escapeHtml(f.place)}</span><br><span class="key">${escapeHtml(f.path)}</span></td><td>${escapeHtml(noteText(ctx, f.message))} <span class="key">(${escapeHtml(f.message.key)})</span></td></tr>`;
    })
    .join('');
  return (
    `<h3>${escapeHtml(t(`数据可信性提示（需核实，${assessment.flags.length} 项）`, `Data-integrity flags (to verify, ${assessment.flags.length})`))}</h3>` +
    `<p class="muted">${escapeHtml(t('以下为自动检查发现的异常迹象，仅供评审核实；是否认定数据造假（说明 d）由评审专家决定。', 'Automatic checks found these signs; reviewers verify them. Only a person decides on data fraud (note d).'))}</p>` +
    `<table class="flags"><thead><tr><th>${escapeHtml(t('状态', 'Status'))}</th><th>${escapeHtml(t('指标', 'Indicator'))}</th><th>${escapeHtml(t('类型', 'Kind'))}</th><th>${escapeHtml(t('位置', 'Place'))}</th><th>${escapeHtml(t('说明', 'Message'))}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** `Ic数据!E14`, or just the sheet (or cell) when the other is empty. */
function cellPlace(n: CellNote): string | undefined {
  if (n.sheet && n.cell) return `${n.sheet}!${n.cell}`;
  return n.sheet || n.cell || undefined;
}
