import { niceTicks } from './niceTicks.js';
import { linearScale, bandScale } from './scale.js';
import { formatNumber } from './formatNumber.js';
import { attrs, emptyChart, label, line, svg, yAxis, yAxisWidth, PASS_COLOUR, FAIL_COLOUR, AXIS_COLOUR, type PlotArea } from './svg.js';
import { escapeHtml } from '../escapeHtml.js';

export interface MarginScenario {
  name: string;
  /** Worst (smallest) relative margin, display units (per cent); null when undefined. */
  worst: number | null;
  pass: boolean | null;
  /** Every sample's margin, display units. */
  margins: number[];
  note?: string;
}

export interface MarginChartInput {
  title: string;
  yTitle: string;
  scenarios: MarginScenario[];
  passLabel: string;
  failLabel: string;
  sampleLabel: string;
  emptyMessage: string;
  unitSuffix: string;
}

const WIDTH = 680;
const HEIGHT = 320;

/**
 * Ir: the worst margin per scenario as a bar from zero (`rect.bar`, green = pass, red = fail),
 * each sample's margin as a dot (`circle.margin-pt`) and the zero line (`line.zero`).
 * data-points = bars drawn; data-samples = dots drawn.
 */
export function marginChart(input: MarginChartInput): string {
  if (input.scenarios.length === 0) return emptyChart('margin', input.title, input.emptyMessage);
  const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const values = input.scenarios.flatMap((s) => [s.worst, ...s.margins]).filter(finite);
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 6);
  const format = (v: number) => `${formatNumber(v)}${input.unitSuffix}`;
  const area: PlotArea = { left: yAxisWidth(yTicks, format) + 8, right: WIDTH - 16, top: 44, bottom: HEIGHT - 40 };
  const y = linearScale([yTicks.min, yTicks.max], [area.bottom, area.top]);
  const band = bandScale(input.scenarios.length, [area.left, area.right], 0.35);
  const zero = y(0);

  const parts: string[] = [yAxis(area, y, yTicks, input.yTitle, format)];
  let bars = 0;
  let dots = 0;
  input.scenarios.forEach((s, i) => {
    const x0 = band.start(i);
    const cx = band.center(i);
    if (finite(s.worst)) {
      bars++;
      const passed = s.pass ?? s.worst > 0;
      const top = Math.min(zero, y(s.worst));
      const height = Math.max(1, Math.abs(y(s.worst) - zero));
      parts.push(
        `<rect${attrs({ class: `bar ${passed ? 'pass' : 'fail'}`, x: x0, y: top, width: band.width, height, fill: passed ? PASS_COLOUR : FAIL_COLOUR, 'fill-opacity': 0.75 })}><title>${escapeHtml(`${s.name}: ${format(s.worst)} (${passed ? input.passLabel : input.failLabel})`)}</title></rect>`,
      );
      // The value sits inside the bar (the sample dots sit on and beyond its end); a bar too
      // short for text gets its value beside it.
      if (height >= 18)
        parts.push(label(format(s.worst), cx, top + height / 2 + 4, { className: 'value', anchor: 'middle', size: 10, fill: '#fff', weight: 'bold' }));
      else parts.push(label(format(s.worst), x0 + band.width + 3, y(s.worst) + 4, { className: 'value', anchor: 'start', size: 10, fill: '#333' }));
    } else {
      const t = label('—', cx, zero - 6, { className: 'bar-undefined', anchor: 'middle', size: 13, fill: '#888' });
      parts.push(s.note ? t.replace('</text>', `<title>${escapeHtml(s.note)}</title></text>`) : t);
    }
    const shown = s.margins.filter(finite);
    shown.forEach((m, k) => {
      dots++;
      // Dots spread evenly across the middle half of the bar so equal margins stay visible.
      const dx = shown.length === 1 ? 0 : (k / (shown.length - 1) - 0.5) * band.width * 0.5;
      parts.push(
        `<circle${attrs({ class: 'margin-pt', cx: cx + dx, cy: y(m), r: 3, fill: '#fff', stroke: AXIS_COLOUR, 'stroke-width': 1.2 })}><title>${escapeHtml(`${s.name}: ${format(m)}`)}</title></circle>`,
      );
    });
    parts.push(
      label(s.name, cx, area.bottom + 16, {
        className: 'tick scenario',
        anchor: 'middle',
        size: 10,
        maxWidth: (area.right - area.left) / input.scenarios.length - 4,
      }),
    );
  });
  parts.push(line(area.left, zero, area.right, zero, { className: 'zero', stroke: '#000', width: 1.2 }));

  // Legend (pass, fail, sample) in the top right corner, under the title.
  const lx = area.right - 230;
  const ly = 34;
  parts.push(
    `<rect${attrs({ x: lx, y: ly - 9, width: 10, height: 10, fill: PASS_COLOUR, 'fill-opacity': 0.75 })}/>`,
    label(input.passLabel, lx + 14, ly, { size: 10 }),
  );
  parts.push(
    `<rect${attrs({ x: lx + 70, y: ly - 9, width: 10, height: 10, fill: FAIL_COLOUR, 'fill-opacity': 0.75 })}/>`,
    label(input.failLabel, lx + 84, ly, { size: 10 }),
  );
  parts.push(
    `<circle${attrs({ cx: lx + 145, cy: ly - 4, r: 3, fill: '#fff', stroke: AXIS_COLOUR, 'stroke-width': 1.2 })}/>`,
    label(input.sampleLabel, lx + 152, ly, { size: 10, maxWidth: 78 }),
  );

  return svg({ kind: 'margin', title: input.title, width: WIDTH, height: HEIGHT, dataPoints: bars, extra: { 'data-samples': dots } }, parts.join(''));
}
