import type { Lang } from '../i18n.js';
import { PATH_MODEL_LABELS } from '@kekao/core/metrics';
import { fmt, h, num, pct } from './dom.js';
import { metricList as arr, metricNumber as n, type MetricObject as Obj } from '../model/looseMetrics.js';
import type { Bilingual } from '@kekao/core/i18n';

/**
 * Per-indicator metric tables. The metrics object of an IndicatorAssessment is typed loosely
 * (Record<string, unknown>) by core; each renderer reads the fields its indicator's band rule puts
 * there (src/scoring/reliability/*Band.ts of @kekao/core) and skips what is absent.
 */
const MODEL_LABELS: Record<string, Bilingual> = PATH_MODEL_LABELS;
const s = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function table(head: string[], rows: HTMLElement[]): HTMLElement {
  return h('table', { class: 'metrics' }, h('thead', {}, h('tr', {}, ...head.map((x) => h('th', {}, x)))), h('tbody', {}, ...rows));
}

function icTable(m: Obj, lang: Lang): HTMLElement | null {
  const rows: HTMLElement[] = [];
  for (const p of arr(m.parameters)) {
    for (const st of arr(p.stages)) {
      const key = `Ic.${s(p.name)}.${s(st.stage)}`;
      rows.push(
        h(
          'tr',
          {},
          h('td', {}, `${s(p.name)}${p.unit ? ` (${s(p.unit)})` : ''}`),
          h('td', {}, s(st.stage)),
          num(n(st.n), `${key}.n`),
          num(n(st.mean), `${key}.mean`),
          num(n(st.cv), `${key}.cv`, pct(n(st.cv), 3)),
          h('td', { class: 'num' }, `${pct(n(st.cvLower), 2)} – ${pct(n(st.cvUpper), 2)}`),
        ),
      );
    }
  }
  if (!rows.length) return null;
  return table(lang === 'zh' ? ['参数', '阶段', 'n', '均值', 'CV', 'CV 置信区间'] : ['parameter', 'stage', 'n', 'mean', 'CV', 'CV interval'], rows);
}

function idTable(m: Obj, lang: Lang): HTMLElement | null {
  const rows: HTMLElement[] = [];
  for (const p of arr(m.parameters)) {
    const key = `Id.${s(p.name)}`;
    const units = arr(p.units);
    const r2s = units.map((u) => n(u.r2)).filter((v): v is number => v !== null);
    const minR2 = r2s.length ? Math.min(...r2s) : null;
    const pfts = units.map((u) => n(u.pseudoFailureTime)).filter((v): v is number => v !== null);
    const minPft = pfts.length ? Math.min(...pfts) : null;
    const effective = p.effectiveModel === true;
    const label = MODEL_LABELS[s(p.model)];
    rows.push(
      h(
        'tr',
        {},
        h('td', {}, `${s(p.name)} (${units.length})`),
        h(
          'td',
          { 'data-metric': `${key}.model`, 'data-value': s(p.model), title: lang === 'zh' ? '✓ = 有效退化模型' : '✓ = effective model' },
          `${label ? label[lang] : s(p.model)}${effective ? ' ✓' : ''}`,
        ),
        num(minR2, `${key}.minR2`),
        num(n(p.worstDriftShare), `${key}.worstDriftShare`, pct(n(p.worstDriftShare), 1)),
        num(minPft, `${key}.minPseudoFailureTime`),
      ),
    );
    rows[rows.length - 1].setAttribute('data-effective', String(effective));
  }
  if (!rows.length) return null;
  return table(
    lang === 'zh'
      ? ['参数 (样品数)', '模型', '最小 R²', '最大漂移占比', '最短伪失效']
      : ['parameter (units)', 'model', 'min R²', 'worst drift', 'min pseudo-failure'],
    rows,
  );
}

function irTable(m: Obj, lang: Lang): HTMLElement | null {
  const rows = arr(m.scenarios).map((sc) => {
    const key = `Ir.${s(sc.name)}`;
    return h(
      'tr',
      {},
      h('td', {}, s(sc.name)),
      num(n(sc.n), `${key}.n`),
      num(n(sc.worstMargin), `${key}.worstMargin`, pct(n(sc.worstMargin), 1)),
      h('td', { 'data-metric': `${key}.pass`, 'data-value': String(sc.pass === true), class: sc.pass === true ? 'ok' : 'bad' }, sc.pass === true ? '✓' : '✗'),
    );
  });
  if (!rows.length) return null;
  const summary = h(
    'p',
    { class: 'summary' },
    lang === 'zh' ? '场景数 ' : 'scenarios ',
    h('span', { 'data-metric': 'Ir.scenarioCount', 'data-value': String(n(m.scenarioCount) ?? '') }, fmt(n(m.scenarioCount))),
    lang === 'zh' ? '，应力类别 ' : ', stress categories ',
    h('span', { 'data-metric': 'Ir.categoryCount', 'data-value': String(n(m.categoryCount) ?? '') }, fmt(n(m.categoryCount))),
    lang === 'zh' ? '，平均严酷度 ' : ', mean severity ',
    h('span', { 'data-metric': 'Ir.meanSeverity', 'data-value': String(n(m.meanSeverity) ?? '') }, fmt(n(m.meanSeverity))),
  );
  const wrap = h('div', {}, summary, table(lang === 'zh' ? ['场景', '样品数', '最小相对裕量', '通过'] : ['scenario', 'samples', 'worst margin', 'pass'], rows));
  return wrap;
}

function wTable(m: Obj, lang: Lang): HTMLElement | null {
  const before = (m.before ?? null) as Obj | null;
  const after = (m.after ?? null) as Obj | null;
  if (!before || !after) return null;
  const rate = (p: Obj, key: string) =>
    h(
      'tr',
      {},
      h('td', {}, s(p.label) || key),
      num(n(p.failures), `W.${key}.failures`),
      num(n(p.exposure), `W.${key}.exposure`),
      num(n(p.rate), `W.${key}.rate`),
    );
  const t = table(lang === 'zh' ? ['时期', '故障数', '暴露量', '故障率'] : ['period', 'failures', 'exposure', 'rate'], [
    rate(before, lang === 'zh' ? '改进前' : 'before'),
    rate(after, lang === 'zh' ? '改进后' : 'after'),
  ]);
  const summary = h(
    'p',
    { class: 'summary' },
    lang === 'zh' ? '降低 ' : 'reduction ',
    h('span', { 'data-metric': 'W.reduction', 'data-value': String(n(m.reduction) ?? '') }, pct(n(m.reduction), 1)),
    lang === 'zh' ? '，比值 ' : ', ratio ',
    h('span', { 'data-metric': 'W.rateRatio', 'data-value': String(n(m.rateRatio) ?? '') }, fmt(n(m.rateRatio))),
    ` [${fmt(n(m.rateRatioLower))}, ${fmt(n(m.rateRatioUpper))}]，p = `,
    h('span', { 'data-metric': 'W.pValue', 'data-value': String(n(m.pValue) ?? '') }, fmt(n(m.pValue))),
  );
  return h('div', {}, t, summary);
}

export function metricsView(code: string, metrics: Record<string, unknown>, lang: Lang): HTMLElement | null {
  switch (code) {
    case 'Ic':
      return icTable(metrics, lang);
    case 'Id':
      return idTable(metrics, lang);
    case 'Ir':
      return irTable(metrics, lang);
    case 'W':
      return wTable(metrics, lang);
    default:
      return typeof metrics.narrativeLength === 'number'
        ? h('p', { class: 'summary' }, `${lang === 'zh' ? '材料字数' : 'narrative length'} ${metrics.narrativeLength}`)
        : null;
  }
}
