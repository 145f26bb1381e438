import { niceTicks } from './niceTicks.js';
import { formatNumber } from './formatNumber.js';
import { linearScale } from './scale.js';
import { attrs, emptyChart, label, line, px, svg, xAxis, yAxis, yAxisWidth, fitText, textWidth, SERIES_COLOURS, LIMIT_COLOUR, type PlotArea } from './svg.js';
import { curveTimes, evaluatePath, type PathModelName } from './pathModel.js';
import { escapeHtml } from '../escapeHtml.js';

export interface DegradationSeries {
  id: string;
  points: Array<{ t: number; y: number }>;
  /** The unit's fitted path; null or absent when it has none. */
  fit?: { model: PathModelName; a: number; b: number } | null;
}

export interface DegradationChartInput {
  title: string;
  xTitle: string;
  yTitle: string;
  limit: number | null;
  limitLabel: string;
  ratedLife: number | null;
  ratedLifeLabel: string;
  series: DegradationSeries[];
  emptyMessage: string;
  /** "+{n}" text for units left out of the legend. */
  moreLabel: (hidden: number) => string;
}

const WIDTH = 680;
const HEIGHT = 340;
const LEGEND_WIDTH = 112;
const LEGEND_ROWS = 13;

/**
 * Degradation paths of one Id parameter: every unit's measured points (`circle.pt`), its fitted
 * path (`path.fit`), the spec limit (`line.limit`) and the rated life (`line.rated-life`).
 * data-points = number of points drawn.
 */
export function degradationChart(input: DegradationChartInput, clipId: string): string {
  const series = input.series.map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.y)) }));
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return emptyChart('degradation', input.title, input.emptyMessage);

  const limit = input.limit !== null && Number.isFinite(input.limit) ? input.limit : null;
  const ratedLife = input.ratedLife !== null && Number.isFinite(input.ratedLife) && input.ratedLife > 0 ? input.ratedLife : null;
  const tMax = Math.max(...all.map((p) => p.t), ratedLife ?? 0);
  const tMin = Math.min(0, ...all.map((p) => p.t));
  const xTicks = niceTicks(tMin, tMax > tMin ? tMax : tMin + 1, 7);

  // y range: the measurements and the limit; fitted curves may widen it by at most one span
  // each way (an exploding extrapolation is clipped rather than squashing the data).
  const ys = all.map((p) => p.y).concat(limit !== null ? [limit] : []);
  let yLo = Math.min(...ys);
  let yHi = Math.max(...ys);
  const span = yHi - yLo || Math.abs(yHi) || 1;
  const curves = series.map((s) => {
    if (!s.fit) return null;
    const fit = s.fit;
    // Drawn from the unit's first measurement to the end of the axis (the projection to the
    // rated life); extrapolating back towards t = 0 would only show the model's artefacts.
    const first = s.points.length > 0 ? Math.min(...s.points.map((p) => p.t)) : 0;
    const end = Math.max(xTicks.max, first);
    return curveTimes(fit.model, Math.max(0, first), end).map((t) => ({ t, y: evaluatePath(fit.model, fit.a, fit.b, t) }));
  });
  const [floor, ceiling] = [yLo - span, yHi + span];
  for (const c of curves) {
    for (const p of c ?? []) {
      if (p.y === null) continue;
      yLo = Math.min(yLo, Math.max(p.y, floor));
      yHi = Math.max(yHi, Math.min(p.y, ceiling));
    }
  }
  const pad = (yHi - yLo) * 0.05;
  const yTicks = niceTicks(yLo - pad, yHi + pad, 6);
  const area: PlotArea = { left: yAxisWidth(yTicks) + 8, right: WIDTH - LEGEND_WIDTH, top: 36, bottom: HEIGHT - 46 };
  const x = linearScale([xTicks.min, xTicks.max], [area.left, area.right]);
  const y = linearScale([yTicks.min, yTicks.max], [area.bottom, area.top]);
  // Far-off curve coordinates are clamped (the clip path hides them) to keep the SVG numbers sane.
  const clampY = (v: number) => Math.max(area.top - 5000, Math.min(area.bottom + 5000, y(v)));

  const parts: string[] = [];
  parts.push(
    `<defs><clipPath id="${escapeHtml(clipId)}"><rect${attrs({ x: area.left, y: area.top, width: area.right - area.left, height: area.bottom - area.top })}/></clipPath></defs>`,
  );
  parts.push(yAxis(area, y, yTicks, input.yTitle));
  parts.push(xAxis(area, x, xTicks, input.xTitle));

  const plot: string[] = [];
  // Measured points are never clipped (a point on the axis stays a full dot).
  const points: string[] = [];
  if (limit !== null) {
    const ly = y(limit);
    plot.push(line(area.left, ly, area.right, ly, { className: 'limit', stroke: LIMIT_COLOUR, width: 1.5, dash: '6 4' }));
  }
  if (ratedLife !== null) {
    const rx = x(ratedLife);
    plot.push(line(rx, area.top, rx, area.bottom, { className: 'rated-life', stroke: '#555', width: 1.2, dash: '3 3' }));
  }
  series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    const curve = curves[i];
    if (curve) {
      const d: string[] = [];
      let pen = false;
      for (const p of curve) {
        if (p.y === null) {
          pen = false;
          continue;
        }
        d.push(`${pen ? 'L' : 'M'}${px(x(p.t))} ${px(clampY(p.y))}`);
        pen = true;
      }
      if (d.length > 0)
        plot.push(
          `<path${attrs({ class: 'fit', 'data-unit': s.id, d: d.join(''), fill: 'none', stroke: colour, 'stroke-width': 1.4, 'stroke-opacity': 0.85 })}/>`,
        );
    }
    for (const p of s.points) {
      points.push(
        `<circle${attrs({ class: 'pt', 'data-unit': s.id, cx: x(p.t), cy: y(p.y), r: 2.8, fill: colour, stroke: '#fff', 'stroke-width': 0.6 })}><title>${escapeHtml(`${s.id}: t=${p.t}, y=${p.y}`)}</title></circle>`,
      );
    }
  });
  parts.push(`<g clip-path="url(#${escapeHtml(clipId)})">${plot.join('')}</g>`, `<g class="points">${points.join('')}</g>`);

  // Labels of the reference lines: the limit's at its left end, the rated life's at the foot of
  // its line, so the two never meet in a corner.
  if (limit !== null) {
    const ly = y(limit);
    const above = ly - area.top > 16;
    parts.push(
      label(`${input.limitLabel} ${formatNumber(limit)}`, area.left + 6, above ? ly - 5 : ly + 14, {
        className: 'limit-label',
        anchor: 'start',
        fill: LIMIT_COLOUR,
        size: 11,
      }),
    );
  }
  if (ratedLife !== null) {
    const rx = x(ratedLife);
    const text = `${input.ratedLifeLabel} ${formatNumber(ratedLife)}`;
    const leftSide = rx - area.left > textWidth(text, 11) + 8;
    parts.push(
      label(text, leftSide ? rx - 4 : rx + 4, area.bottom - 6, { className: 'rated-life-label', anchor: leftSide ? 'end' : 'start', fill: '#444', size: 11 }),
    );
  }

  // Legend: one row per unit (colour swatch + id), "+n" when there are more units than rows.
  const legend: string[] = [];
  const shown = series.length > LEGEND_ROWS ? LEGEND_ROWS - 1 : series.length;
  for (let i = 0; i < shown; i++) {
    const ly = area.top + 6 + i * 18;
    const lx = area.right + 14;
    legend.push(`<circle${attrs({ class: 'legend-swatch', cx: lx, cy: ly - 4, r: 4, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] })}/>`);
    legend.push(label(fitText(series[i].id, LEGEND_WIDTH - 28, 11), lx + 9, ly, { className: 'legend', size: 11 }));
  }
  if (shown < series.length)
    legend.push(label(input.moreLabel(series.length - shown), area.right + 14, area.top + 6 + shown * 18, { className: 'legend', size: 11, fill: '#666' }));
  parts.push(`<g class="legend">${legend.join('')}</g>`);

  return svg(
    {
      kind: 'degradation',
      title: input.title,
      width: WIDTH,
      height: HEIGHT,
      dataPoints: all.length,
      extra: { 'data-units': series.length, 'data-fits': curves.filter((c) => c && c.some((p) => p.y !== null)).length },
    },
    parts.join(''),
  );
}
