import type { ScoredEntry } from '../scoredEntry.js';
import { escapeHtml } from './escapeHtml.js';
import { createContext, type ReportContext, type ReportLang } from './context.js';
import { REPORT_CSS } from './styles.js';
import { entryAnchor, entrySection } from './entrySection.js';
import { formatNumber } from './chart/formatNumber.js';
import { subjectName } from '../entryFacts.js';

export interface ReportOptions {
  lang?: ReportLang;
  /** Date printed in the header (default: now); fixed in tests for reproducible output. */
  generatedAt?: Date;
}

/**
 * The report of `kekao score --report`: ONE self-contained HTML file (inline CSS and SVG, no
 * scripts, no external requests — a Content-Security-Policy forbids them), Chinese first,
 * printable on A4 with each entry starting a new page. Every string from an entry is escaped.
 */
export function renderReport(entries: ScoredEntry[], opts: ReportOptions = {}): string {
  const ctx = createContext(opts.lang === 'en' ? 'en' : 'zh');
  const { t } = ctx;
  const date = (opts.generatedAt ?? new Date()).toISOString().slice(0, 10);
  const title = t('kekao（可靠）评价报告', 'kekao evaluation report');
  const body =
    `<header class="report-header"><h1>${escapeHtml(title)}</h1>` +
    `<p class="muted">${escapeHtml(t(`共 ${entries.length} 份申报 · 生成日期 ${date}`, `${entries.length} entries · generated ${date}`))}</p>` +
    `<p class="disclaimer">${escapeHtml(t('建议分档为 kekao 按分档政策给出的建议值（非官方），仅供参考；原始得分由评审专家评定。标为“需核实”的数据问题须由人工核实。', 'Suggested bands are kekao\'s suggestions under a band policy (not official); raw scores are given by reviewers. Items marked "to verify" must be checked by a person.'))}</p>` +
    `</header>` +
    tableOfContents(ctx, entries) +
    entries.map((e, i) => entrySection(ctx, e, i)).join('') +
    (entries.length === 0 ? `<p class="muted">${escapeHtml(t('没有可报告的申报。', 'No entries to report.'))}</p>` : '');
  return (
    `<!DOCTYPE html>\n<html lang="${ctx.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="kekao">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>` +
    `<body>${body}</body></html>\n`
  );
}

function tableOfContents(ctx: ReportContext, entries: ScoredEntry[]): string {
  if (entries.length === 0) return '';
  const { t } = ctx;
  const rows = entries
    .map((e, i) => {
      const a = e.assessment;
      const status = a.complete ? t('完整', 'complete') : t(`缺 ${a.missingScores.length} 项评分`, `${a.missingScores.length} scores missing`);
      return `<tr><td>${i + 1}</td><td><a href="#${entryAnchor(i)}">${escapeHtml(e.submission.enterprise?.name || a.subject.enterprise)}</a></td><td>${escapeHtml(subjectName(e.submission, a))}</td><td class="num">${escapeHtml(formatNumber(a.total, 6))} / ${escapeHtml(formatNumber(a.maxTotal))}</td><td>${escapeHtml(status)}</td><td class="num">${a.flags.length}</td></tr>`;
    })
    .join('');
  return `<nav class="toc"><h2>${escapeHtml(t('目录', 'Contents'))}</h2><table><thead><tr><th>#</th><th>${escapeHtml(t('企业名称', 'Enterprise'))}</th><th>${escapeHtml(t('产品/案例', 'Product / case'))}</th><th class="num">${escapeHtml(t('总分', 'Total'))}</th><th>${escapeHtml(t('评分状态', 'Status'))}</th><th class="num">${escapeHtml(t('需核实', 'To verify'))}</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
}

export type { ReportLang };
