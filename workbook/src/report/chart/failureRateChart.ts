import { niceTicks } from './niceTicks.js';
import { linearScale, bandScale } from './scale.js';
import { formatNumber } from './formatNumber.js';
import { attrs, emptyChart, label, line, svg, yAxis, yAxisWidth, type PlotArea } from './svg.js';
import { escapeHtml } from '../escapeHtml.js';

export interface RatePeriod {
  label: string;
  /** Failure rate in display units; null when undefined. */
  rate: number | null;
  lower: number | null;
  upper: number | null;
  /** Extra line under the period label (e.g. "3 / 12000"). */
  detail?: string;
  note?: string;
}

export interface RateChartInput {
  title: string;
  yTitle: string;
  periods: RatePeriod[];
  emptyMessage: string;
}

const WIDTH = 680;
const HEIGHT = 300;
const COLOURS = ['#8c8c8c', '#1f77b4'];

/**
 * W: failure rate before and after improvement as bars (`rect.rate`) with their chi-square
 * confidence intervals as error bars (`line.ci`). data-points = bars drawn.
 */
export function failureRateChart(input: RateChartInput): string {
  if (input.periods.length === 0) return emptyChart('rate', input.title, input.emptyMessage);
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const values = input.periods.flatMap((p) => [p.rate, p.lower, p.upper]).filter(finite);
  const yTicks = niceTicks(0, values.length > 0 ? Math.max(...values) : 1, 6);
  const format = (v: number) => formatNumber(v);
  const area: PlotArea = { left: yAxisWidth(yTicks, format) + 8, right: WIDTH - 16, top: 36, bottom: HEIGHT - 52 };
  const y = linearScale([yTicks.min, yTicks.max], [area.bottom, area.top]);
  // Two periods should not become two fat slabs: bars take at most a third of the width.
  const inner = Math.min(area.right - area.left, input.periods.length * 150);
  const offset = area.left + (area.right - area.left - inner) / 2;
  const band = bandScale(input.periods.length, [offset, offset + inner], 0.45);

  const parts: string[] = [yAxis(area, y, yTicks, input.yTitle, format), line(area.left, area.bottom, area.right, area.bottom, { className: 'axis' })];
  let bars = 0;
  input.periods.forEach((p, i) => {
    const cx = band.center(i);
    const colour = COLOURS[i % COLOURS.length];
    if (finite(p.rate)) {
      bars++;
      const top = y(p.rate);
      parts.push(
        `<rect${attrs({ class: 'rate', x: band.start(i), y: top, width: band.width, height: Math.max(0.5, area.bottom - top), fill: colour, 'fill-opacity': 0.8 })}><title>${escapeHtml(`${p.label}: ${format(p.rate)}`)}</title></rect>`,
      );
      parts.push(label(format(p.rate), cx + band.width / 2 + 4, top + 12, { className: 'value', size: 10, fill: '#333' }));
    } else {
      const t = label('—', cx, area.bottom - 6, { className: 'rate-undefined', anchor: 'middle', size: 13, fill: '#888' });
      parts.push(p.note ? t.replace('</text>', `<title>${escapeHtml(p.note)}</title></text>`) : t);
    }
    if (finite(p.lower) && finite(p.upper)) {
      const cap = 10;
      parts.push(line(cx, y(p.upper), cx, y(p.lower), { className: 'ci', stroke: '#000', width: 1.5 }));
      parts.push(line(cx - cap, y(p.upper), cx + cap, y(p.upper), { className: 'ci-cap', stroke: '#000', width: 1.5 }));
      parts.push(line(cx - cap, y(p.lower), cx + cap, y(p.lower), { className: 'ci-cap', stroke: '#000', width: 1.5 }));
    }
    parts.push(label(p.label, cx, area.bottom + 16, { className: 'tick period', anchor: 'middle', size: 11, maxWidth: inner / input.periods.length }));
    if (p.detail)
      parts.push(
        label(p.detail, cx, area.bottom + 31, { className: 'tick detail', anchor: 'middle', size: 10, fill: '#555', maxWidth: inner / input.periods.length }),
      );
  });
  return svg({ kind: 'rate', title: input.title, width: WIDTH, height: HEIGHT, dataPoints: bars }, parts.join(''));
}
