import type { ReliabilitySubmission } from '@kekao/core/submission';
import type { Assessment, IndicatorAssessment } from '@kekao/core/scoring';
import type { Note } from '@kekao/core/i18n';
import { escapeHtml } from './escapeHtml.js';
import { noteText, type ReportContext } from './context.js';
import { formatNumber, formatPercent } from './chart/formatNumber.js';
import { isPathModel } from './chart/pathModel.js';
import { degradationChart, type DegradationSeries } from './chart/degradationChart.js';
import { cvChart } from './chart/cvChart.js';
import { marginChart } from './chart/marginChart.js';
import { failureRateChart } from './chart/failureRateChart.js';
import { icMetricsView, idMetricsView, irMetricsView, wMetricsView, readMetrics, reasonsOf, type IdParameterView, type RatePeriodView } from './metricViews.js';

/**
 * The evidence of a reliability-2024 entry: one chart and one table per measured indicator
 * (Ic, Id, Ir, W). Metrics come from the assessment; Id's raw points from the submission.
 */
export function reliabilityEvidence(ctx: ReportContext, submission: ReliabilitySubmission, assessment: Assessment): string {
  const parts = [
    icEvidence(ctx, submission, assessment),
    idEvidence(ctx, submission, assessment),
    irEvidence(ctx, submission, assessment),
    wEvidence(ctx, submission, assessment),
  ];
  return `<h3>${escapeHtml(ctx.t('数据与图表', 'Data and charts'))}</h3>${parts.join('')}`;
}

function indicator(assessment: Assessment, code: string): IndicatorAssessment | undefined {
  return assessment.indicators.find((i) => i.code === code);
}

function heading(ctx: ReportContext, ind: IndicatorAssessment | undefined, code: string, zh: string, en: string): string {
  const name = ind ? ctx.t(ind.name.zh, ind.name.en) : ctx.t(zh, en);
  return `<h4>${escapeHtml(name)} <span class="key">${escapeHtml(code)}</span></h4>`;
}

/** "—" plus the reasons a metric is undefined, in the report language. */
function dash(ctx: ReportContext, reasons: readonly Note[]): string {
  if (reasons.length === 0) return '—';
  return `— <span class="muted">（${escapeHtml(reasons.map((r) => noteText(ctx, r)).join('；'))}）</span>`;
}

function cell(value: number | null, text: string): string {
  return value === null ? '—' : escapeHtml(text);
}

/**
 * Why metrics of a row are undefined: a last 说明 column, present only when some row has a
 * reason (reasons in the number cells would squeeze the table).
 */
function whyColumn(ctx: ReportContext, rows: ReadonlyArray<readonly Note[]>): { head: string; cell: (i: number) => string } {
  if (!rows.some((r) => r.length > 0)) return { head: '', cell: () => '' };
  return {
    head: `<th class="why">${escapeHtml(ctx.t('说明', 'Note'))}</th>`,
    cell: (i) => `<td class="why">${escapeHtml(rows[i].map((r) => noteText(ctx, r)).join('；'))}</td>`,
  };
}

/** "（95%）" when every row states the same confidence level, else nothing. */
function levelText(levels: ReadonlyArray<number | null>): string {
  const known = new Set(levels.filter((l): l is number => l !== null && l > 0 && l < 1));
  if (known.size !== 1) return '';
  const [level] = [...known];
  return `（${formatNumber(level * 100)}%）`;
}

function noData(ctx: ReportContext, zh: string, en: string): string {
  return `<p class="muted no-data">${escapeHtml(ctx.t(zh, en))}</p>`;
}

function figure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function stageLabel(ctx: ReportContext, stage: string, usageHours: number | null): string {
  const name = stage === 't0' ? 't=0' : stage;
  return usageHours !== null && usageHours > 0 ? `${name}（${formatNumber(usageHours)} h）` : stage === 't0' ? ctx.t('t=0 出厂', 't=0 delivery') : name;
}

function withUnit(name: string, unit: string | null | undefined): string {
  return unit ? `${name}（${unit}）` : name;
}

// ───────────────────────────── Ic

function icEvidence(ctx: ReportContext, submission: ReliabilitySubmission, assessment: Assessment): string {
  const { t } = ctx;
  const ind = indicator(assessment, 'Ic');
  const view = ind ? readMetrics(icMetricsView, ind.metrics) : null;
  const head = heading(ctx, ind, 'Ic', '关键性能一致性', 'Key-performance consistency');
  if (!view || view.parameters.length === 0) {
    return (
      head +
      noData(
        ctx,
        submission.ic?.parameters.length ? 'Ic 指标尚无计算结果。' : '未提供 Ic 数据。',
        submission.ic?.parameters.length ? 'No Ic results were computed.' : 'No Ic data were provided.',
      )
    );
  }
  const chart = cvChart({
    title: t('关键性能一致性：各参数、各阶段的变异系数 CV 及置信区间', 'Ic: coefficient of variation by parameter and stage, with confidence intervals'),
    yTitle: t('变异系数 CV（%）', 'CV (%)'),
    unitSuffix: '%',
    emptyMessage: t('无数据', 'no data'),
    groups: view.parameters.map((p) => ({
      parameter: withUnit(p.name, p.unit),
      stages: p.stages.map((s) => ({
        label: stageLabel(ctx, s.stage, s.usageHours),
        value: s.cv === null ? null : s.cv * 100,
        lower: s.cvLower === null ? null : s.cvLower * 100,
        upper: s.cvUpper === null ? null : s.cvUpper * 100,
        note:
          reasonsOf(s)
            .map((r) => noteText(ctx, r))
            .join('；') || undefined,
      })),
    })),
  });
  const stageRows = view.parameters.flatMap((p) => p.stages.map((s) => ({ p, s })));
  const why = whyColumn(
    ctx,
    stageRows.map(({ s }) => reasonsOf(s)),
  );
  const rows = stageRows
    .map(({ p, s }, i) => {
      const interval = s.cvLower !== null && s.cvUpper !== null ? `${formatPercent(s.cvLower)} – ${formatPercent(s.cvUpper)}` : null;
      return `<tr><td>${escapeHtml(withUnit(p.name, p.unit))}</td><td>${escapeHtml(stageLabel(ctx, s.stage, s.usageHours))}</td><td class="num">${cell(s.n, formatNumber(s.n))}</td><td class="num">${cell(s.mean, formatNumber(s.mean, 6))}</td><td class="num">${cell(s.sd, formatNumber(s.sd, 4))}</td><td class="num">${cell(s.cv, formatPercent(s.cv, 3))}</td><td class="num">${interval === null ? '—' : escapeHtml(interval)}</td>${why.cell(i)}</tr>`;
    })
    .join('');
  const table = `<table class="metric-table ic"><thead><tr><th>${escapeHtml(t('参数', 'Parameter'))}</th><th>${escapeHtml(t('阶段', 'Stage'))}</th><th class="num">n</th><th class="num">${escapeHtml(t('均值', 'Mean'))}</th><th class="num">${escapeHtml(t('标准差', 'SD'))}</th><th class="num">CV</th><th class="num">${escapeHtml(t(`CV 置信区间${levelText(stageRows.map(({ s }) => s.confidence))}`, `CV interval${levelText(stageRows.map(({ s }) => s.confidence))}`))}</th>${why.head}</tr></thead><tbody>${rows}</tbody></table>`;
  return (
    head +
    figure(
      chart,
      t(
        '方块为 CV，竖线为置信区间（Vangel 修正 McKay 法）；“—”表示 CV 无定义。',
        'Squares: CV; bars: confidence interval (Vangel\'s modified McKay); "—": CV undefined.',
      ),
    ) +
    table
  );
}

// ───────────────────────────── Id

function idEvidence(ctx: ReportContext, submission: ReliabilitySubmission, assessment: Assessment): string {
  const { t } = ctx;
  const ind = indicator(assessment, 'Id');
  const view = ind ? readMetrics(idMetricsView, ind.metrics) : null;
  const head = heading(ctx, ind, 'Id', '关键性能退化量', 'Key-performance degradation');
  const dataParams = submission.id?.parameters ?? [];
  const metricParams = view?.parameters ?? [];
  if (dataParams.length === 0 && metricParams.length === 0) return head + noData(ctx, '未提供 Id 数据。', 'No Id data were provided.');

  const used = new Set<IdParameterView>();
  const blocks = dataParams.map((dp, i) => {
    const mp =
      metricParams.find((m) => m.name === dp.name) ??
      (metricParams[i] && !dataParams.some((d) => d.name === metricParams[i].name) ? metricParams[i] : undefined);
    if (mp) used.add(mp);
    const series: DegradationSeries[] = dp.units.map((u) => {
      const mu = mp?.units.find((m) => m.id === u.id);
      const model = mu?.model ?? (typeof mp?.effectiveModel === 'string' ? mp.effectiveModel : null) ?? mp?.model ?? null;
      const fit = mu && isPathModel(model) && mu.a !== null && mu.b !== null ? { model, a: mu.a, b: mu.b } : null;
      return { id: u.id, points: u.times.map((tv, k) => ({ t: tv, y: u.values[k] })), fit };
    });
    const chart = degradationChart(
      {
        title: t(`退化路径：${withUnit(dp.name, dp.unit)}`, `Degradation paths: ${withUnit(dp.name, dp.unit)}`),
        xTitle: t('时间 t（与额定寿命同单位）', 'time t (unit of the rated life)'),
        yTitle: withUnit(dp.name, dp.unit),
        limit: dp.limit,
        limitLabel: dp.direction === 'max' ? t('上限', 'upper limit') : t('下限', 'lower limit'),
        ratedLife: dp.ratedLife,
        ratedLifeLabel: t('额定寿命', 'rated life'),
        series,
        emptyMessage: t('无可绘制的测量点', 'no measurements to plot'),
        moreLabel: (n) => t(`另有 ${n} 个样品`, `+${n} more units`),
      },
      ctx.nextId('clip'),
    );
    return (
      figure(
        chart,
        t(
          '圆点为实测值，曲线为各样品拟合的退化模型，红色虚线为规格限值，灰色虚线为额定寿命。',
          'Dots: measurements; curves: fitted path per unit; red dashed: spec limit; grey dashed: rated life.',
        ),
      ) + (mp ? idTable(ctx, mp) : noData(ctx, `参数“${dp.name}”尚无拟合结果。`, `No fit results for parameter "${dp.name}".`))
    );
  });
  // Metric parameters with no raw data in the submission still get their table.
  for (const mp of metricParams) if (!used.has(mp)) blocks.push(idTable(ctx, mp));
  return head + blocks.join('');
}

function idTable(ctx: ReportContext, p: IdParameterView): string {
  const { t } = ctx;
  const direction = p.direction === 'max' ? t('不得高于限值', 'must stay ≤ limit') : p.direction === 'min' ? t('不得低于限值', 'must stay ≥ limit') : '—';
  const effective =
    p.effectiveModel === null
      ? t('无', 'none')
      : typeof p.effectiveModel === 'boolean'
        ? p.effectiveModel
          ? t('是', 'yes')
          : t('否', 'no')
        : p.effectiveModel;
  const meta =
    `<p class="id-meta">${escapeHtml(withUnit(p.name, p.unit))}：${escapeHtml(t('限值', 'limit'))} ${cell(p.limit, formatNumber(p.limit, 6))}（${escapeHtml(direction)}），` +
    `${escapeHtml(t('额定寿命', 'rated life'))} ${cell(p.ratedLife, formatNumber(p.ratedLife, 6))}，${escapeHtml(t('声明模型', 'declared model'))} ${escapeHtml(p.model ?? '—')}，` +
    `${escapeHtml(t('有效退化模型', 'effective degradation model'))} <strong>${escapeHtml(effective)}</strong>${reasonsOf(p).length ? ` ${dash(ctx, reasonsOf(p))}` : ''}</p>`;
  const why = whyColumn(
    ctx,
    p.units.map((u) => reasonsOf(u)),
  );
  const rows = p.units
    .map(
      (u, i) =>
        `<tr><td>${escapeHtml(u.id)}</td><td class="nowrap">${escapeHtml(u.model ?? '—')}</td><td class="num">${cell(u.a, formatNumber(u.a, 5))}</td><td class="num">${cell(u.b, formatNumber(u.b, 5))}</td><td class="num">${cell(u.r2, formatNumber(u.r2, 4))}</td><td class="num">${cell(u.pseudoFailureTime, formatNumber(u.pseudoFailureTime, 5))}</td><td class="num">${cell(u.driftAtRatedLife, formatNumber(u.driftAtRatedLife, 4))}</td><td class="num">${cell(u.driftShare, formatPercent(u.driftShare, 1))}</td>${why.cell(i)}</tr>`,
    )
    .join('');
  return (
    meta +
    `<table class="metric-table id"><thead><tr><th>${escapeHtml(t('样品', 'Unit'))}</th><th>${escapeHtml(t('模型', 'Model'))}</th><th class="num">a</th><th class="num">b</th><th class="num">R²</th><th class="num">${escapeHtml(t('伪失效时间', 'Pseudo-failure time'))}</th><th class="num">${escapeHtml(t('额定寿命时漂移', 'Drift at rated life'))}</th><th class="num">${escapeHtml(t('漂移占允许量', 'Share of allowed drift'))}</th>${why.head}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

// ───────────────────────────── Ir

function irEvidence(ctx: ReportContext, submission: ReliabilitySubmission, assessment: Assessment): string {
  const { t } = ctx;
  const ind = indicator(assessment, 'Ir');
  const view = ind ? readMetrics(irMetricsView, ind.metrics) : null;
  const head = heading(ctx, ind, 'Ir', '关键性能可靠域', 'Key-performance reliable domain');
  if (!view || view.scenarios.length === 0) {
    return (
      head +
      noData(
        ctx,
        submission.ir?.scenarios.length ? 'Ir 指标尚无计算结果。' : '未提供 Ir 数据。',
        submission.ir?.scenarios.length ? 'No Ir results were computed.' : 'No Ir data were provided.',
      )
    );
  }
  const passLabel = t('通过', 'pass');
  const failLabel = t('不通过', 'fail');
  const chart = marginChart({
    title: t('关键性能可靠域：各极限场景的最差裕度', 'Ir: worst margin per extreme scenario'),
    yTitle: t('相对裕度（%）', 'relative margin (%)'),
    unitSuffix: '%',
    passLabel,
    failLabel,
    sampleLabel: t('各样品裕度', 'sample margins'),
    emptyMessage: t('无数据', 'no data'),
    scenarios: view.scenarios.map((s) => ({
      name: s.name,
      worst: s.worstMargin === null ? null : s.worstMargin * 100,
      pass: s.pass,
      margins: s.margins.filter((m): m is number => m !== null).map((m) => m * 100),
      note:
        reasonsOf(s)
          .map((r) => noteText(ctx, r))
          .join('；') || undefined,
    })),
  });
  const why = whyColumn(
    ctx,
    view.scenarios.map((s) => reasonsOf(s)),
  );
  const rows = view.scenarios
    .map((s, i) => {
      const verdict =
        s.pass === null ? '—' : s.pass ? `<span class="badge ok">${escapeHtml(passLabel)}</span>` : `<span class="badge bad">${escapeHtml(failLabel)}</span>`;
      const margins = s.margins.map((m) => formatPercent(m, 1)).join('，');
      return `<tr><td>${escapeHtml(s.name)}</td><td class="num">${cell(s.n, formatNumber(s.n))}</td><td class="num">${cell(s.worstMargin, formatPercent(s.worstMargin, 1))}</td><td>${verdict}</td><td>${escapeHtml(margins || '—')}</td>${why.cell(i)}</tr>`;
    })
    .join('');
  const count = view.scenarioCount ?? view.scenarios.length;
  return (
    head +
    figure(
      chart,
      t(
        '柱为各场景最差裕度（绿色通过、红色不通过），圆圈为各样品裕度；裕度 > 0 为满足限值。',
        'Bars: worst margin per scenario (green pass, red fail); circles: each sample; margin > 0 meets the limit.',
      ),
    ) +
    `<p>${escapeHtml(t(`极限场景数：${formatNumber(count)}（要求至少 3 个）`, `Extreme scenarios: ${formatNumber(count)} (at least 3 required)`))}</p>` +
    `<table class="metric-table ir"><thead><tr><th>${escapeHtml(t('场景', 'Scenario'))}</th><th class="num">${escapeHtml(t('样品数', 'Samples'))}</th><th class="num">${escapeHtml(t('最差裕度', 'Worst margin'))}</th><th>${escapeHtml(t('结论', 'Result'))}</th><th>${escapeHtml(t('各样品裕度', 'Sample margins'))}</th>${why.head}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

// ───────────────────────────── W

const EXPOSURE_UNITS: Record<string, [string, string]> = {
  units: ['台', 'unit'],
  'unit-hours': ['台·小时', 'unit-hour'],
  'unit-years': ['台·年', 'unit-year'],
};

/** A power of ten that brings small rates to readable numbers on the axis (0.00042 → ×10⁻⁴ → 4.2). */
export function rateDisplayExponent(max: number): number {
  if (!(max > 0) || !Number.isFinite(max) || max >= 0.1) return 0;
  return Math.floor(Math.log10(max));
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c] ?? c);
}

function wEvidence(ctx: ReportContext, submission: ReliabilitySubmission, assessment: Assessment): string {
  const { t } = ctx;
  const ind = indicator(assessment, 'W');
  const view = ind ? readMetrics(wMetricsView, ind.metrics) : null;
  const head = heading(ctx, ind, 'W', '售后责任故障数（率）', 'After-sales liability failures (rate)');
  if (!view || (view.before === null && view.after === null)) {
    return (
      head + noData(ctx, submission.w ? 'W 指标尚无计算结果。' : '未提供 W 数据。', submission.w ? 'No W results were computed.' : 'No W data were provided.')
    );
  }
  const unitKey = submission.w?.after.exposureUnit ?? submission.w?.before.exposureUnit ?? 'units';
  const [unitZh, unitEn] = EXPOSURE_UNITS[unitKey] ?? [unitKey, unitKey];
  const periods: Array<[string, RatePeriodView | null]> = [
    [t('改进前', 'before'), view.before],
    [t('改进后', 'after'), view.after],
  ];
  const maxValue = Math.max(0, ...periods.flatMap(([, p]) => [p?.rate ?? 0, p?.rateUpper ?? 0]));
  const exponent = rateDisplayExponent(maxValue);
  const scale = (v: number | null) => (v === null ? null : v / 10 ** exponent);
  const scaleText = exponent === 0 ? '' : `×10${superscript(exponent)} `;
  const chart = failureRateChart({
    title: t('售后责任故障率：改进前后对比（卡方置信区间）', 'W: failure rate before and after improvement (chi-square intervals)'),
    yTitle: t(`故障率（${scaleText}次/${unitZh}）`, `failure rate (${scaleText}per ${unitEn})`),
    emptyMessage: t('无数据', 'no data'),
    periods: periods.map(([label, p]) => ({
      label,
      rate: scale(p?.rate ?? null),
      lower: scale(p?.rateLower ?? null),
      upper: scale(p?.rateUpper ?? null),
      detail: p && p.failures !== null && p.exposure !== null ? `${formatNumber(p.failures)} / ${formatNumber(p.exposure, 6)} ${t(unitZh, unitEn)}` : undefined,
      note:
        reasonsOf(p)
          .map((r) => noteText(ctx, r))
          .join('；') || undefined,
    })),
  });
  const why = whyColumn(
    ctx,
    periods.map(([, p]) => reasonsOf(p)),
  );
  const rows = periods
    .map(([label, p], i) => {
      const interval = p && p.rateLower !== null && p.rateUpper !== null ? `${formatNumber(p.rateLower)} – ${formatNumber(p.rateUpper)}` : null;
      return `<tr><td>${escapeHtml(label)}</td><td class="num">${cell(p?.failures ?? null, formatNumber(p?.failures))}</td><td class="num">${cell(p?.exposure ?? null, `${formatNumber(p?.exposure, 6)} ${t(unitZh, unitEn)}`)}</td><td class="num">${cell(p?.rate ?? null, formatNumber(p?.rate))}</td><td class="num">${interval === null ? '—' : escapeHtml(interval)}</td>${why.cell(i)}</tr>`;
    })
    .join('');
  const ratio =
    view.rateRatio === null
      ? dash(ctx, reasonsOf(view))
      : `${escapeHtml(formatNumber(view.rateRatio))}${view.rateRatioLower !== null && view.rateRatioUpper !== null ? `（${escapeHtml(`${formatNumber(view.rateRatioLower)} – ${formatNumber(view.rateRatioUpper)}`)}）` : ''}`;
  return (
    head +
    figure(chart, t('柱为故障率，竖线为卡方置信区间。', 'Bars: failure rate; lines: chi-square confidence interval.')) +
    `<table class="metric-table w"><thead><tr><th>${escapeHtml(t('阶段', 'Period'))}</th><th class="num">${escapeHtml(t('故障数', 'Failures'))}</th><th class="num">${escapeHtml(t('暴露量', 'Exposure'))}</th><th class="num">${escapeHtml(t(`故障率（次/${unitZh}）`, `Rate (per ${unitEn})`))}</th><th class="num">${escapeHtml(t(`置信区间${levelText([view.confidence])}`, `Interval${levelText([view.confidence])}`))}</th>${why.head}</tr></thead><tbody>${rows}</tbody></table>` +
    `<p>${escapeHtml(t('降幅', 'Reduction'))}：${cell(view.reduction, formatPercent(view.reduction, 1))}；${escapeHtml(t('故障率比（改进后/改进前）', 'rate ratio (after/before)'))}：${ratio}；${escapeHtml(t('精确检验 p 值', 'exact test p-value'))}：${cell(view.pValue, formatNumber(view.pValue, 3))}</p>`
  );
}
