import type { Assessment, IndicatorAssessment, IntegrityFlag } from '@kekao/core/scoring';
import type { Note } from '@kekao/core/i18n';
import { pick, t, type Lang } from '../i18n.js';
import { fmt, h } from './dom.js';
import { metricsView } from './metricsTables.js';

function notes(title: string, list: readonly Note[], lang: Lang, cls: string): HTMLElement | null {
  if (!list.length) return null;
  return h('div', { class: `notes ${cls}` }, h('h4', {}, title), h('ul', {}, ...list.map((n) => h('li', { 'data-key': n.key }, n[lang]))));
}

function flagsList(flags: readonly IntegrityFlag[], lang: Lang): HTMLElement | null {
  if (!flags.length) return null;
  return h(
    'div',
    { class: 'notes flags' },
    h('h4', {}, `⚑ ${t('flags', lang)}`),
    h('ul', {}, ...flags.map((f) => h('li', { 'data-flag': f.kind }, `${f.place}：${f.message[lang]}`))),
  );
}

function bandView(ind: IndicatorAssessment, lang: Lang): HTMLElement {
  const b = ind.suggestedBand;
  return h(
    'div',
    { class: 'band', 'data-band': b ? `${b.min}-${b.max}` : '', 'data-min': b?.min, 'data-max': b?.max },
    h('span', { class: 'label' }, `${t('suggestedBand', lang)}：`),
    b ? h('strong', {}, `${b.min}–${b.max}`) : h('em', {}, t('noBand', lang)),
    b ? h('span', { class: 'unofficial' }, ` ${t('unofficial', lang)}`) : null,
    ind.bandCriterion ? h('div', { class: 'criterion' }, pick(ind.bandCriterion, lang)) : null,
  );
}

export function indicatorCard(ind: IndicatorAssessment, flags: readonly IntegrityFlag[], lang: Lang): HTMLElement {
  const own = flags.filter((f) => f.indicator === ind.code);
  return h(
    'section',
    { class: 'indicator', 'data-indicator': ind.code },
    h(
      'header',
      {},
      h('h3', {}, `${ind.code} ${pick(ind.name, lang)}`),
      h('span', { class: 'weight' }, `${t('weight', lang)} ${Math.round(ind.weight * 100)}%`),
    ),
    bandView(ind, lang),
    h(
      'div',
      { class: 'scores' },
      `${t('rawScore', lang)} `,
      h('span', { 'data-raw': ind.rawScore ?? '' }, fmt(ind.rawScore)),
      ` · ${t('weighted', lang)} `,
      h('span', { 'data-weighted': ind.weightedScore ?? '' }, fmt(ind.weightedScore)),
    ),
    metricsView(ind.code, ind.metrics, lang),
    notes(t('reasons', lang), ind.reasons, lang, 'reasons'),
    notes(t('warnings', lang), [...ind.warnings, ...ind.scoreIssues], lang, 'warnings'),
    flagsList(own, lang),
  );
}

export function summaryView(a: Assessment, lang: Lang): HTMLElement {
  return h(
    'section',
    { class: 'summary-card' },
    h('div', { class: 'subject' }, `${a.subject.enterprise} · ${a.subject.product}`),
    h('div', { class: 'total' }, `${t('total', lang)} `, h('strong', { 'data-total': String(a.total) }, fmt(a.total)), ` / ${a.maxTotal}`),
    h(
      'div',
      { class: 'missing', 'data-missing': a.missingScores.join(',') },
      a.missingScores.length ? `${t('missingScores', lang)}：${a.missingScores.join('、')}` : t('noneMissing', lang),
    ),
    a.tier ? h('div', { class: 'tier', 'data-tier': a.tier.tier }, `${t('tier', lang)}：${pick(a.tier.label, lang)} — ${pick(a.tier.treatment, lang)}`) : null,
    a.basicRequirements.met
      ? null
      : h('div', { class: 'notes warnings' }, `${t('basicUnmet', lang)}：${a.basicRequirements.missing.map((m) => (lang === 'zh' ? m.zh : m.en)).join('；')}`),
    h('div', { class: 'policy' }, a.policy.label),
    notes(t('warnings', lang), a.warnings, lang, 'warnings'),
  );
}

/** The whole result panel: summary, then one card per indicator, then flags without an indicator card. */
export function assessmentView(a: Assessment, lang: Lang): HTMLElement {
  const codes = new Set(a.indicators.map((i) => i.code));
  const orphanFlags = a.flags.filter((f) => !codes.has(f.indicator));
  return h('div', { class: 'assessment' }, summaryView(a, lang), ...a.indicators.map((i) => indicatorCard(i, a.flags, lang)), flagsList(orphanFlags, lang));
}
