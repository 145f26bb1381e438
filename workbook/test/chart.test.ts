import { describe, expect, it } from 'vitest';
import { niceTicks, niceNumber, stepDecimals, formatTick } from '../src/report/chart/niceTicks.js';
import { formatNumber, formatPercent } from '../src/report/chart/formatNumber.js';
import { evaluatePath, curveTimes, isPathModel } from '../src/report/chart/pathModel.js';
import { linearScale, bandScale } from '../src/report/chart/scale.js';
import { degradationChart } from '../src/report/chart/degradationChart.js';
import { cvChart } from '../src/report/chart/cvChart.js';
import { marginChart } from '../src/report/chart/marginChart.js';
import { failureRateChart } from '../src/report/chart/failureRateChart.js';
import { fitText, textWidth } from '../src/report/chart/svg.js';
import { escapeHtml } from '../src/report/escapeHtml.js';
import { rateDisplayExponent } from '../src/report/reliabilityEvidence.js';

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const attr = (html: string, name: string) => html.match(new RegExp(`${name}="([^"]*)"`))?.[1];

describe('nice-number ticks (Heckbert 1990)', () => {
  it('rounds ranges to 1, 2, 5 × 10^k', () => {
    expect(niceNumber(97, false)).toBe(100);
    expect(niceNumber(0.55, false)).toBeCloseTo(1, 12);
    expect(niceNumber(1666.7, true)).toBe(2000);
    expect(niceNumber(0.35, true)).toBeCloseTo(0.5, 12);
    expect(niceNumber(0.13, true)).toBeCloseTo(0.1, 12);
  });

  it('covers the data with round ticks', () => {
    expect(niceTicks(0, 97, 6).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 10000, 7).ticks).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    const mixed = niceTicks(-0.13, 0.42, 6);
    expect(mixed.ticks).toEqual([-0.2, 0, 0.2, 0.4, 0.6]);
    expect(mixed.decimals).toBe(1);
    const small = niceTicks(0, 0.00042, 6);
    expect(small.ticks).toEqual([0, 0.0001, 0.0002, 0.0003, 0.0004, 0.0005]);
    expect(small.decimals).toBe(4);
  });

  it('widens a single value and survives non-finite input', () => {
    expect(niceTicks(5, 5, 6).ticks).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(niceTicks(0, 0).ticks[0]).toBeLessThan(0);
    expect(niceTicks(Number.NaN, Infinity).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('prints ticks with the decimals of the step and never "-0"', () => {
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(5)).toBe(0);
    expect(stepDecimals(0.0002)).toBe(4);
    expect(formatTick(0.30000000000000004, 1)).toBe('0.3');
    expect(formatTick(-0.0000001, 2)).toBe('0.00');
  });
});

describe('number formatting', () => {
  it('keeps four significant digits and uses ×10^n only at the extremes', () => {
    expect(formatNumber(0.0015)).toBe('0.0015');
    expect(formatNumber(77.45)).toBe('77.45');
    expect(formatNumber(631.2283)).toBe('631.2');
    expect(formatNumber(123456)).toBe('123500');
    expect(formatNumber(0.0000123)).toBe('1.23×10^-5');
    expect(formatNumber(2.5e9)).toBe('2.5×10^9');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatPercent(0.01449, 3)).toBe('1.449%');
    expect(formatPercent(-0.0000001)).toBe('0.00%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('degradation path forms', () => {
  it('evaluates y = a + b·t, a·e^(b·t), a·t^b and a + b·ln t', () => {
    expect(evaluatePath('linear', 2, 3, 4)).toBe(14);
    expect(evaluatePath('exponential', 2, 0.5, 2)).toBeCloseTo(2 * Math.E, 12);
    expect(evaluatePath('power', 3, 0.5, 16)).toBeCloseTo(12, 12);
    expect(evaluatePath('logarithmic', 1, 2, Math.E ** 3)).toBeCloseTo(7, 12);
  });

  it('is undefined where the form is (t ≤ 0 for power/log, overflow)', () => {
    expect(evaluatePath('power', 3, 0.5, 0)).toBeNull();
    expect(evaluatePath('logarithmic', 1, 2, -1)).toBeNull();
    expect(evaluatePath('exponential', 1, 1000, 10)).toBeNull();
    expect(isPathModel('power')).toBe(true);
    expect(isPathModel('auto')).toBe(false);
  });

  it('samples power/log curves geometrically from a positive start', () => {
    const times = curveTimes('power', 0, 1000, 5);
    expect(times[0]).toBeCloseTo(1, 12);
    expect(times[2]).toBeCloseTo(Math.sqrt(1000), 9);
    expect(times[4]).toBe(1000);
    const linear = curveTimes('linear', 0, 100, 5);
    expect(linear).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('scales and text', () => {
  it('maps domains onto pixels, y downwards', () => {
    const y = linearScale([0, 100], [300, 100]);
    expect(y(0)).toBe(300);
    expect(y(50)).toBe(200);
    expect(y(100)).toBe(100);
    const band = bandScale(4, [0, 400], 0.2);
    expect(band.width).toBe(80);
    expect(band.start(0)).toBe(10);
    expect(band.center(3)).toBe(350);
  });

  it('estimates CJK wider than Latin and shortens with an ellipsis', () => {
    expect(textWidth('关键性能', 10)).toBe(40);
    expect(textWidth('abcd', 10)).toBeCloseTo(23.2, 9);
    const cut = fitText('关键性能一致性参数名称很长', 60, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
  });

  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0007c')).toBe('abc');
    expect(escapeHtml(null)).toBe('');
  });

  it('scales small failure rates for the axis', () => {
    expect(rateDisplayExponent(0.00237)).toBe(-3);
    expect(rateDisplayExponent(0.042)).toBe(-2);
    expect(rateDisplayExponent(0.5)).toBe(0);
    expect(rateDisplayExponent(0)).toBe(0);
  });
});

describe('charts', () => {
  const labels = { xTitle: '时间', yTitle: '电阻', limitLabel: '上限', ratedLifeLabel: '额定寿命', emptyMessage: '无数据', moreLabel: (n: number) => `+${n}` };

  it('draws one circle per measurement and one fitted path per fitted unit', () => {
    const svg = degradationChart(
      {
        ...labels,
        title: '退化路径',
        limit: 120,
        ratedLife: 1000,
        series: [
          {
            id: 'A',
            points: [
              { t: 0, y: 80 },
              { t: 100, y: 81 },
              { t: 200, y: 82 },
            ],
            fit: { model: 'linear', a: 80, b: 0.01 },
          },
          {
            id: 'B',
            points: [
              { t: 100, y: 84 },
              { t: 200, y: 86 },
              { t: 300, y: Number.NaN },
            ],
            fit: { model: 'power', a: 50, b: 0.1 },
          },
          { id: 'C', points: [{ t: 50, y: 90 }], fit: null },
        ],
      },
      'clip-1',
    );
    expect(count(svg, /<circle class="pt"/g)).toBe(6);
    expect(attr(svg, 'data-points')).toBe('6');
    expect(count(svg, /<path class="fit"/g)).toBe(2);
    expect(count(svg, /<line class="limit"/g)).toBe(1);
    expect(count(svg, /<line class="rated-life"/g)).toBe(1);
    expect(svg).toContain('clip-path="url(#clip-1)"');
  });

  it('gives an empty degradation chart zero data points', () => {
    const svg = degradationChart({ ...labels, title: 't', limit: null, ratedLife: null, series: [{ id: 'A', points: [] }] }, 'c');
    expect(attr(svg, 'data-points')).toBe('0');
    expect(svg).toContain('无数据');
  });

  it('escapes hostile unit ids inside the SVG', () => {
    const svg = degradationChart(
      { ...labels, title: '<b>t</b>', limit: 1, ratedLife: 2, series: [{ id: '</svg><script>alert(1)</script>', points: [{ t: 1, y: 1 }] }] },
      'c"x',
    );
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;');
  });

  it('marks each defined CV with its interval and an undefined one with "—"', () => {
    const svg = cvChart({
      title: 'CV',
      yTitle: 'CV (%)',
      unitSuffix: '%',
      emptyMessage: '无数据',
      groups: [
        {
          parameter: 'P1',
          stages: [
            { label: 't0', value: 1.2, lower: 0.8, upper: 2.1 },
            { label: 't1', value: 1.5, lower: 1, upper: 2.6 },
          ],
        },
        {
          parameter: 'P2',
          stages: [
            { label: 't0', value: 2.2, lower: null, upper: null },
            { label: 't1', value: null, lower: null, upper: null, note: '均值接近 0' },
          ],
        },
      ],
    });
    expect(count(svg, /<rect class="cv"/g)).toBe(3);
    expect(attr(svg, 'data-points')).toBe('3');
    expect(count(svg, /<line class="ci"/g)).toBe(2);
    expect(count(svg, /class="cv-undefined"/g)).toBe(1);
    expect(svg).toContain('均值接近 0');
  });

  it('draws Ir bars from zero, coloured by pass/fail, and every sample margin', () => {
    const svg = marginChart({
      title: 'Ir',
      yTitle: '%',
      unitSuffix: '%',
      passLabel: '通过',
      failLabel: '不通过',
      sampleLabel: '样品',
      emptyMessage: '无数据',
      scenarios: [
        { name: 'A', worst: 20, pass: true, margins: [20, 25, 30] },
        { name: 'B', worst: -5, pass: false, margins: [-5, 3] },
        { name: 'C', worst: null, pass: null, margins: [] },
      ],
    });
    expect(count(svg, /<rect class="bar pass"/g)).toBe(1);
    expect(count(svg, /<rect class="bar fail"/g)).toBe(1);
    expect(attr(svg, 'data-points')).toBe('2');
    expect(attr(svg, 'data-samples')).toBe('5');
    expect(count(svg, /<line class="zero"/g)).toBe(1);
    // The pass bar ends on the zero line (y + height = zero), the fail bar starts on it.
    const zeroY = Number(svg.match(/<line class="zero" x1="[^"]*" y1="([^"]*)"/)![1]);
    const pass = svg.match(/<rect class="bar pass" x="[^"]*" y="([^"]*)" width="[^"]*" height="([^"]*)"/)!;
    expect(Number(pass[1]) + Number(pass[2])).toBeCloseTo(zeroY, 1);
    const fail = svg.match(/<rect class="bar fail" x="[^"]*" y="([^"]*)"/)!;
    expect(Number(fail[1])).toBeCloseTo(zeroY, 1);
  });

  it('draws the W rates as bars with their intervals', () => {
    const svg = failureRateChart({
      title: 'W',
      yTitle: 'rate',
      emptyMessage: '无数据',
      periods: [
        { label: '改进前', rate: 1.5, lower: 0.89, upper: 2.37 },
        { label: '改进后', rate: 0.33, lower: 0.11, upper: 0.78 },
      ],
    });
    expect(count(svg, /<rect class="rate"/g)).toBe(2);
    expect(count(svg, /<line class="ci"/g)).toBe(2);
    expect(attr(svg, 'data-points')).toBe('2');
  });
});
