import { escapeHtml } from '../escapeHtml.js';
import { formatTick, type NiceTicks } from './niceTicks.js';

/** Pixel box of the plotting area inside a chart. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Palette for series (units, stages): distinguishable in colour and in greyscale print. */
export const SERIES_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
export const PASS_COLOUR = '#2e7d32';
export const FAIL_COLOUR = '#c62828';
export const LIMIT_COLOUR = '#c62828';
export const AXIS_COLOUR = '#444';
export const GRID_COLOUR = '#e3e3e3';

/** A coordinate printed with two decimals (enough for a 680 px wide chart, keeps files small). */
export function px(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

/** Number-free attribute list → ` a="1" b="x"` (values escaped). */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : escapeHtml(v)}"`)
    .join('');
}

/**
 * Estimated rendered width of a label: CJK and full-width characters take a full em, others
 * about 0.58 em (the fonts are proportional; the estimate errs wide so labels are not clipped).
 */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x3000 && code <= 0x303f);
    w += wide ? fontSize : fontSize * 0.58;
  }
  return w;
}

/** Shortens a label to fit `maxWidth` pixels, ending with "…" when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.length > 0 ? chars.join('') + '…' : '';
}

/** A `<text>` element; the full text goes into a `<title>` when the visible text was shortened. */
export function label(
  text: string,
  x: number,
  y: number,
  options: { size?: number; anchor?: 'start' | 'middle' | 'end'; maxWidth?: number; className?: string; weight?: 'bold'; fill?: string; rotate?: number } = {},
): string {
  const size = options.size ?? 11;
  const shown = options.maxWidth !== undefined ? fitText(text, options.maxWidth, size) : text;
  const transform = options.rotate ? `rotate(${options.rotate} ${px(x)} ${px(y)})` : undefined;
  const title = shown !== text ? `<title>${escapeHtml(text)}</title>` : '';
  return `<text${attrs({ class: options.className, x, y, 'font-size': size, 'text-anchor': options.anchor ?? 'start', 'font-weight': options.weight, fill: options.fill ?? '#222', transform })}>${title}${escapeHtml(shown)}</text>`;
}

export function line(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  options: { className?: string; stroke?: string; width?: number; dash?: string } = {},
): string {
  return `<line${attrs({ class: options.className, x1, y1, x2, y2, stroke: options.stroke ?? AXIS_COLOUR, 'stroke-width': options.width ?? 1, 'stroke-dasharray': options.dash })}/>`;
}

/** Width the y-axis needs for its tick labels and rotated title. */
export function yAxisWidth(ticks: NiceTicks, format: (v: number) => string = (v) => formatTick(v, ticks.decimals)): number {
  const widest = Math.max(...ticks.ticks.map((t) => textWidth(format(t), 11)));
  return Math.ceil(widest) + 30;
}

/** Horizontal grid lines, tick labels and the rotated axis title on the left of the plot. */
export function yAxis(
  area: PlotArea,
  y: (v: number) => number,
  ticks: NiceTicks,
  title: string,
  format: (v: number) => string = (v) => formatTick(v, ticks.decimals),
): string {
  const parts: string[] = [];
  for (const t of ticks.ticks) {
    const ty = y(t);
    parts.push(line(area.left, ty, area.right, ty, { className: 'grid', stroke: GRID_COLOUR }));
    parts.push(label(format(t), area.left - 5, ty + 4, { className: 'tick', anchor: 'end' }));
  }
  parts.push(line(area.left, area.top, area.left, area.bottom, { className: 'axis' }));
  const mid = (area.top + area.bottom) / 2;
  parts.push(label(title, 13, mid, { className: 'axis-title', anchor: 'middle', size: 12, rotate: -90, maxWidth: area.bottom - area.top }));
  return parts.join('');
}

/** Tick marks, tick labels and the title under the plot for a numeric x axis. */
export function xAxis(
  area: PlotArea,
  x: (v: number) => number,
  ticks: NiceTicks,
  title: string,
  format: (v: number) => string = (v) => formatTick(v, ticks.decimals),
): string {
  const parts: string[] = [line(area.left, area.bottom, area.right, area.bottom, { className: 'axis' })];
  for (const t of ticks.ticks) {
    const tx = x(t);
    parts.push(line(tx, area.bottom, tx, area.bottom + 4, { className: 'tick-mark' }));
    parts.push(label(format(t), tx, area.bottom + 16, { className: 'tick', anchor: 'middle' }));
  }
  parts.push(
    label(title, (area.left + area.right) / 2, area.bottom + 34, { className: 'axis-title', anchor: 'middle', size: 12, maxWidth: area.right - area.left }),
  );
  return parts.join('');
}

export interface SvgFrame {
  /** Chart kind, used as class `chart-KIND` and `data-chart`. */
  kind: string;
  title: string;
  width: number;
  height: number;
  /** Number of plotted data points (what `data-points` reports). */
  dataPoints: number;
  extra?: Record<string, string | number>;
}

/** The `<svg>` element with title, accessible name and the data-points attribute. */
export function svg(frame: SvgFrame, body: string): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
    class: `chart chart-${frame.kind}`,
    'data-chart': frame.kind,
    'data-points': String(frame.dataPoints),
    ...Object.fromEntries(Object.entries(frame.extra ?? {}).map(([k, v]) => [k, String(v)])),
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    width: frame.width,
    height: frame.height,
    role: 'img',
    'aria-label': frame.title,
  })}>`;
  const title = label(frame.title, frame.width / 2, 20, { className: 'chart-title', anchor: 'middle', size: 14, weight: 'bold', maxWidth: frame.width - 20 });
  return `${head}<title>${escapeHtml(frame.title)}</title>${title}${body}</svg>`;
}

/** A chart frame with only a message, for data that cannot be drawn (data-points = 0). */
export function emptyChart(kind: string, title: string, message: string, width = 680, height = 120): string {
  return svg(
    { kind, title, width, height, dataPoints: 0 },
    label(message, width / 2, height / 2 + 10, { className: 'empty', anchor: 'middle', size: 12, fill: '#666', maxWidth: width - 40 }),
  );
}
