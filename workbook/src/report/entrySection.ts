import type { ScoredEntry } from '../scoredEntry.js';
import { escapeHtml } from './escapeHtml.js';
import { noteText, type ReportContext } from './context.js';
import { formatNumber } from './chart/formatNumber.js';
import { scoreTable } from './scoreTable.js';
import { flagsSection, reasonsSection, warningsSection } from './entryNotes.js';
import { reliabilityEvidence } from './reliabilityEvidence.js';
import { entryKind, subjectName } from '../entryFacts.js';
import { submissionContact } from '../submissionContact.js';

const OFFICIAL_POLICY_LABEL = '建议值（非官方）';

/** The anchor of entry `index` (0-based) — used by the table of contents. */
export function entryAnchor(index: number): string {
  return `entry-${index + 1}`;
}

/** One entry: cover, score table, reasons, warnings, data-integrity flags and evidence charts. */
export function entrySection(ctx: ReportContext, entry: ScoredEntry, index: number): string {
  const { submission, assessment } = entry;
  return (
    `<section class="entry" id="${entryAnchor(index)}" data-entry="${index + 1}">` +
    cover(ctx, entry, index) +
    `<h3>${escapeHtml(ctx.t('评分表', 'Score table'))}</h3>` +
    scoreTable(ctx, assessment) +
    reasonsSection(ctx, assessment) +
    warningsSection(ctx, assessment, entry.readWarnings) +
    flagsSection(ctx, assessment) +
    (submission.rubric === 'reliability-2024' ? reliabilityEvidence(ctx, submission, assessment) : '') +
    `</section>`
  );
}

function cover(ctx: ReportContext, entry: ScoredEntry, index: number): string {
  const { t } = ctx;
  const { submission, assessment } = entry;
  const kind = entryKind(submission);
  const enterprise = submission.enterprise?.name || assessment.subject.enterprise;
  const subject = subjectName(submission, assessment);
  const subjectTerm = kind === 'fmea' ? t('案例名称', 'Case') : kind === 'breakthrough' ? t('项目名称', 'Project') : t('产品名称', 'Product');
  const contact = submissionContact(submission);
  const facts: Array<[string, string]> = [
    [t('企业名称', 'Enterprise'), escapeHtml(enterprise)],
    [t('统一社会信用代码', 'USCC'), escapeHtml(submission.enterprise?.uscc ?? '—')],
    [t('企业地址', 'Address'), escapeHtml(contact.address ?? '—')],
    [subjectTerm, escapeHtml(subject)],
    [
      t('评价依据', 'Rubric'),
      `${escapeHtml(t(assessment.rubricTitle.zh, assessment.rubricTitle.en))} <span class="key">${escapeHtml(assessment.rubric)}</span>`,
    ],
    [t('分档建议', 'Band policy'), policyText(ctx, entry)],
    [t('基本要求（说明 a）', 'Basic requirements (note a)'), basicRequirements(ctx, entry)],
    [t('完整性', 'Completeness'), completeness(ctx, entry)],
    [t('源文件', 'Source file'), `<span class="place">${escapeHtml(entry.file)}</span>`],
  ];
  if (assessment.tier) {
    const why = assessment.tier.reasons.map((r) => `<span class="criterion">${escapeHtml(noteText(ctx, r))}</span>`).join('');
    facts.push([t('培育梯队', 'Incubation tier'), escapeHtml(t(assessment.tier.label.zh, assessment.tier.label.en)) + why]);
  }
  if (assessment.grade) facts.push([t('等级', 'Grade'), escapeHtml(t(assessment.grade.zh, assessment.grade.en))]);
  const flagCount = assessment.flags.length;
  return (
    `<h2>${index + 1}. ${escapeHtml(enterprise)} — ${escapeHtml(subject)}</h2>` +
    `<div class="cover"><dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<div class="score-box"><div class="muted">${escapeHtml(t('总分', 'Total'))}</div><div class="total">${escapeHtml(formatNumber(assessment.total, 6))}</div><div class="max">/ ${escapeHtml(formatNumber(assessment.maxTotal))}</div>` +
    (assessment.complete
      ? `<span class="badge ok">${escapeHtml(t('评分完整', 'complete'))}</span>`
      : `<span class="badge missing">${escapeHtml(t('评分未完成', 'incomplete'))}</span>`) +
    (flagCount > 0 ? `<div><span class="badge verify">${escapeHtml(t(`需核实 ${flagCount} 项`, `${flagCount} to verify`))}</span></div>` : '') +
    `</div></div>`
  );
}

/** The band policy is kekao's suggestion, never the documents': always labelled 建议值（非官方）. */
function policyText(ctx: ReportContext, entry: ScoredEntry): string {
  const { policy } = entry.assessment;
  const label = policy.label && !policy.label.includes('非官方') ? `${escapeHtml(policy.label)} ` : '';
  return `${label}<span class="key">${escapeHtml(policy.family)}</span> <span class="badge policy">${escapeHtml(OFFICIAL_POLICY_LABEL)}</span>${ctx.lang === 'en' ? ' <span class="muted">(suggested values, not official)</span>' : ''}`;
}

function basicRequirements(ctx: ReportContext, entry: ScoredEntry): string {
  const { basicRequirements: br } = entry.assessment;
  if (br.met) return `<span class="badge ok">${escapeHtml(ctx.t('已满足', 'met'))}</span>`;
  const missing = br.missing.map((m) => ctx.t(m.zh, m.en)).join('、');
  return `<span class="badge missing">${escapeHtml(ctx.t('未满足', 'not met'))}</span> ${escapeHtml(missing)}`;
}

function completeness(ctx: ReportContext, entry: ScoredEntry): string {
  const { assessment } = entry;
  if (assessment.complete) return escapeHtml(ctx.t('全部指标已评分', 'every indicator is scored'));
  const names = assessment.missingScores.map((code) => {
    const ind = assessment.indicators.find((i) => i.code === code);
    return ind ? `${ctx.t(ind.name.zh, ind.name.en)}（${code}）` : code;
  });
  return escapeHtml(ctx.t(`缺少原始得分：${names.join('、') || '—'}`, `raw scores missing: ${names.join(', ') || '—'}`));
}
