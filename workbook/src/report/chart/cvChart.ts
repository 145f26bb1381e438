import { niceTicks } from './niceTicks.js';
import { linearScale } from './scale.js';
import { formatNumber } from './formatNumber.js';
import { attrs, emptyChart, label, line, svg, yAxis, yAxisWidth, SERIES_COLOURS, AXIS_COLOUR, GRID_COLOUR, type PlotArea } from './svg.js';
import { escapeHtml } from '../escapeHtml.js';

export interface CvStagePoint {
  label: string;
  /** CV in display units (per cent); null when undefined. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Why the CV is undefined (shown as a tooltip next to "—"). */
  note?: string;
}

export interface CvChartInput {
  title: string;
  yTitle: string;
  groups: Array<{ parameter: string; stages: CvStagePoint[] }>;
  emptyMessage: string;
  /** Suffix of value labels, e.g. "%". */
  unitSuffix: string;
}

const WIDTH = 680;
const HEIGHT = 320;

/**
 * Ic: coefficient of variation per parameter (groups) and stage (slots), one `rect.cv` marker per
 * defined CV and its confidence interval as an error bar (`line.ci`). data-points = markers drawn.
 */
export function cvChart(input: CvChartInput): string {
  const slots = input.groups.flatMap((g, gi) => g.stages.map((s, si) => ({ ...s, group: gi, first: si === 0 })));
  if (slots.length === 0) return emptyChart('cv', input.title, input.emptyMessage);
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const values = slots.flatMap((s) => [s.value, s.lower, s.upper]).filter(finite);
  const yTicks = niceTicks(Math.min(0, ...values), values.length > 0 ? Math.max(...values) : 1, 6);
  const format = (v: number) => `${formatNumber(v)}${input.unitSuffix}`;
  const area: PlotArea = { left: yAxisWidth(yTicks, format) + 8, right: WIDTH - 16, top: 36, bottom: HEIGHT - 54 };
  const y = linearScale([yTicks.min, yTicks.max], [area.bottom, area.top]);

  // Slots are laid out left to right with half a slot of space between parameter groups.
  const gapCount = input.groups.filter((g) => g.stages.length > 0).length - 1;
  const unit = (area.right - area.left) / (slots.length + 0.5 * Math.max(0, gapCount));
  const centres: number[] = [];
  let cursor = area.left;
  slots.forEach((s, i) => {
    if (i > 0 && s.first) cursor += unit * 0.5;
    centres.push(cursor + unit / 2);
    cursor += unit;
  });
  const stageColour = new Map<string, string>();
  for (const s of slots) if (!stageColour.has(s.label)) stageColour.set(s.label, SERIES_COLOURS[stageColour.size % SERIES_COLOURS.length]);

  const parts: string[] = [yAxis(area, y, yTicks, input.yTitle, format), line(area.left, area.bottom, area.right, area.bottom, { className: 'axis' })];
  let markers = 0;
  slots.forEach((s, i) => {
    const cx = centres[i];
    const colour = stageColour.get(s.label) ?? AXIS_COLOUR;
    parts.push(label(s.label, cx, area.bottom + 15, { className: 'tick stage', anchor: 'middle', size: 10, maxWidth: unit - 2 }));
    if (finite(s.lower) && finite(s.upper)) {
      const cap = Math.min(8, unit / 4);
      parts.push(line(cx, y(s.upper), cx, y(s.lower), { className: 'ci', stroke: colour, width: 1.5 }));
      parts.push(line(cx - cap, y(s.upper), cx + cap, y(s.upper), { className: 'ci-cap', stroke: colour, width: 1.5 }));
      parts.push(line(cx - cap, y(s.lower), cx + cap, y(s.lower), { className: 'ci-cap', stroke: colour, width: 1.5 }));
    }
    if (finite(s.value)) {
      markers++;
      const size = 9;
      const tip = `${s.label}: CV=${format(s.value)}` + (finite(s.lower) && finite(s.upper) ? ` [${format(s.lower)}, ${format(s.upper)}]` : '');
      parts.push(
        `<rect${attrs({ class: 'cv', x: cx - size / 2, y: y(s.value) - size / 2, width: size, height: size, fill: colour, stroke: '#fff', 'stroke-width': 0.8 })}><title>${escapeHtml(tip)}</title></rect>`,
      );
      if (unit >= 56) parts.push(label(format(s.value), cx + 8, y(s.value) + 4, { className: 'value', size: 10, fill: '#333' }));
    } else {
      parts.push(
        label('—', cx, area.bottom - 6, { className: 'cv-undefined', anchor: 'middle', size: 13, fill: '#888' }).replace(
          '</text>',
          s.note ? `<title>${escapeHtml(s.note)}</title></text>` : '</text>',
        ),
      );
    }
  });
  // Parameter names under their group of stages, separators between groups.
  input.groups.forEach((g, gi) => {
    const idx = slots.map((s, i) => (s.group === gi ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) return;
    const from = centres[idx[0]] - unit / 2;
    const to = centres[idx[idx.length - 1]] + unit / 2;
    parts.push(
      label(g.parameter, (from + to) / 2, area.bottom + 32, {
        className: 'group-label',
        anchor: 'middle',
        size: 11,
        weight: 'bold',
        maxWidth: to - from + unit * 0.4,
      }),
    );
    if (gi > 0) parts.push(line(from - unit / 4, area.top, from - unit / 4, area.bottom, { className: 'separator', stroke: GRID_COLOUR, dash: '2 3' }));
  });
  return svg({ kind: 'cv', title: input.title, width: WIDTH, height: HEIGHT, dataPoints: markers }, parts.join(''));
}
