import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserExecutable } from '@kekao/test/helpers';
import { renderReport } from '../src/report/index.js';
import type { ScoredEntry } from '../src/scoredEntry.js';
import { submissionSchema, type ReliabilitySubmission } from '@kekao/core/submission';
import { assess } from '@kekao/core/scoring';
import {
  allFixtureEntries,
  completeBestPracticeEntry,
  fmeaEntry,
  hostileEntry,
  nullMetricsEntry,
  COMPLETE_RAW_SCORES,
  HOSTILE_NAME,
  HOSTILE_PRODUCT,
  IC_PARAMETERS,
  IC_STAGES,
  ID_TIMES,
  ID_UNITS,
  IR_SCENARIOS,
  IR_SAMPLES,
} from './fixtures/scoredEntries.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const GENERATED_AT = new Date('2025-09-01T00:00:00Z');

/** What a page did while the report was loaded: dialogs, requests, failed requests, console errors. */
interface PageLog {
  dialogs: string[];
  requests: string[];
  failed: string[];
  errors: string[];
}

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: browserExecutable(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, viewport = { width: 900, height: 1200 }): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport });
  const log: PageLog = { dialogs: [], requests: [], failed: [], errors: [] };
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.setContent(html, { waitUntil: 'load' });
  return { page, log };
}

describe('renderReport in Chromium', () => {
  it('draws the charts with the data point counts of the complete entry', async () => {
    const entries = allFixtureEntries();
    const complete = entries[0].submission as ReliabilitySubmission;
    const idPoints = complete.id!.parameters.flatMap((p) => p.units).reduce((s, u) => s + u.values.length, 0);
    expect(idPoints).toBe(ID_UNITS * ID_TIMES.length); // 6 units × 8 points = 48

    const { page, log } = await open(renderReport(entries, { generatedAt: GENERATED_AT }));
    try {
      const found = await page.evaluate(() => {
        const entry = document.querySelector('#entry-1')!;
        const q = (sel: string) => entry.querySelectorAll(sel).length;
        const dataPoints = (kind: string) => entry.querySelector(`svg.chart-${kind}`)?.getAttribute('data-points');
        const circles = [...entry.querySelectorAll<SVGCircleElement>('svg.chart-degradation circle.pt')];
        const svgBox = entry.querySelector('svg.chart-degradation')!.getBoundingClientRect();
        return {
          points: q('svg.chart-degradation circle.pt'),
          fits: q('svg.chart-degradation path.fit'),
          limits: q('svg.chart-degradation line.limit'),
          ratedLife: q('svg.chart-degradation line.rated-life'),
          bars: q('svg.chart-margin rect.bar'),
          marginDots: q('svg.chart-margin circle.margin-pt'),
          zero: q('svg.chart-margin line.zero'),
          cvMarkers: q('svg.chart-cv rect.cv'),
          cvIntervals: q('svg.chart-cv line.ci'),
          wBars: q('svg.chart-rate rect.rate'),
          wIntervals: q('svg.chart-rate line.ci'),
          attrs: { degradation: dataPoints('degradation'), cv: dataPoints('cv'), margin: dataPoints('margin'), rate: dataPoints('rate') },
          samples: entry.querySelector('svg.chart-margin')?.getAttribute('data-samples'),
          // Every point is rendered with a size and lies inside its chart.
          allVisible: circles.every((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.left >= svgBox.left && r.right <= svgBox.right && r.top >= svgBox.top && r.bottom <= svgBox.bottom;
          }),
          fitLengths: [...entry.querySelectorAll<SVGPathElement>('path.fit')].map((p) => p.getTotalLength()),
          ticks: q('text.tick'),
        };
      });
      expect(found.points).toBe(48);
      expect(found.fits).toBe(ID_UNITS);
      expect(found.limits).toBe(1);
      expect(found.ratedLife).toBe(1);
      expect(found.bars).toBe(IR_SCENARIOS.length);
      expect(found.marginDots).toBe(IR_SCENARIOS.length * IR_SAMPLES);
      expect(found.zero).toBe(1);
      expect(found.cvMarkers).toBe(IC_PARAMETERS.length * IC_STAGES.length);
      expect(found.cvIntervals).toBe(4);
      expect(found.wBars).toBe(2);
      expect(found.wIntervals).toBe(2);
      expect(found.attrs).toEqual({ degradation: '48', cv: '4', margin: '5', rate: '2' });
      expect(found.samples).toBe('15');
      expect(found.allVisible).toBe(true);
      expect(found.fitLengths.every((l) => l > 50)).toBe(true);
      expect(found.ticks).toBeGreaterThan(20);
      expect(log.requests).toEqual([]);
      expect(log.failed).toEqual([]);
      expect(log.errors).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}report.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('places fitted curves, limit and ticks on the same scale as the data', async () => {
    // A unit that follows y = 80 + 0.01·t exactly: its fitted path must pass through every dot.
    const entry = completeBestPracticeEntry();
    const sub = entry.submission as ReliabilitySubmission;
    const times = [0, 200, 400, 600, 800, 1000];
    sub.id!.parameters[0].units = [{ id: 'EXACT', times, values: times.map((t) => 80 + 0.01 * t) }];
    const metrics = entry.assessment.indicators.find((i) => i.code === 'Id')!.metrics as { parameters: Array<{ units: unknown[] }> };
    metrics.parameters[0].units = [{ id: 'EXACT', model: 'linear', a: 80, b: 0.01, r2: 1, pseudoFailureTime: 4000, driftAtRatedLife: 100, driftShare: 2.5 }];
    const { page } = await open(renderReport([entry], { generatedAt: GENERATED_AT }));
    try {
      const result = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('svg.chart-degradation')!;
        const path = svg.querySelector<SVGPathElement>('path.fit')!;
        const onPath = [...svg.querySelectorAll<SVGCircleElement>('circle.pt')].map((c) => {
          const p = svg.createSVGPoint();
          p.x = c.cx.baseVal.value;
          p.y = c.cy.baseVal.value;
          return path.isPointInStroke(p);
        });
        // The limit (120) lies on the grid line labelled "120".
        const limitY = svg.querySelector<SVGLineElement>('line.limit')!.y1.baseVal.value;
        const tick = [...svg.querySelectorAll<SVGTextElement>('text.tick')].find((t) => t.textContent === '120');
        return { onPath, limitY, tickY: tick ? tick.y.baseVal[0].value - 4 : null };
      });
      expect(result.onPath).toEqual([true, true, true, true, true, true]);
      expect(result.tickY).not.toBeNull();
      expect(result.limitY).toBeCloseTo(result.tickY!, 1);
    } finally {
      await page.close();
    }
  });

  it('shows hostile entry text literally and runs no script from it', async () => {
    const html = renderReport([hostileEntry()], { generatedAt: GENERATED_AT });
    // Also without the Content-Security-Policy: the escaping alone must keep the markup inert.
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toBe(html);
    for (const variant of [html, withoutCsp]) {
      const { page, log } = await open(variant);
      try {
        await page.waitForTimeout(200);
        const found = await page.evaluate(() => ({
          scripts: document.querySelectorAll('script').length,
          injected: document.querySelectorAll('img, iframe, style:not(head style), i[onmouseover], b[onmouseover]').length,
          heading: document.querySelector('#entry-1 h2')?.textContent ?? '',
          tocName: document.querySelector('nav.toc tbody a')?.textContent ?? '',
          bodyVisible: getComputedStyle(document.body).display !== 'none',
          unitLegend: [...document.querySelectorAll('svg.chart-degradation text.legend')].map((t) => t.textContent).join('|'),
        }));
        expect(log.dialogs).toEqual([]);
        expect(found.scripts).toBe(0);
        expect(found.injected).toBe(0);
        expect(found.heading).toContain(HOSTILE_NAME);
        expect(found.heading).toContain(HOSTILE_PRODUCT);
        expect(found.tocName).toBe(HOSTILE_NAME);
        expect(found.bodyVisible).toBe(true);
        expect(found.unitLegend).toContain('</svg>');
        expect(log.requests).toEqual([]);
        expect(log.failed).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('prints on A4 with each entry starting a new page', async () => {
    const entries = allFixtureEntries();
    const { page } = await open(renderReport(entries, { generatedAt: GENERATED_AT }));
    try {
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.evaluate(() => [...document.querySelectorAll('section.entry')].map((s) => getComputedStyle(s).breakBefore));
      expect(breaks).toEqual(entries.map(() => 'page'));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // Table of contents + at least one page per entry.
      expect(pages).toBeGreaterThanOrEqual(entries.length + 1);
      // A4 = 595.28 × 841.89 pt.
      const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/);
      expect(Number(box![1])).toBeCloseTo(595.28, 0);
      expect(Number(box![2])).toBeCloseTo(841.89, 0);
    } finally {
      await page.close();
    }
  });

  it('lists many entries in the table of contents with unique anchors and chart ids', async () => {
    const many: ScoredEntry[] = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 1 ? fmeaEntry() : completeBestPracticeEntry({ enterpriseName: `企业${i + 1}`, seed: i + 1 }),
    );
    const { page, log } = await open(renderReport(many, { generatedAt: GENERATED_AT }));
    try {
      const found = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a')].map((a) => a.getAttribute('href')!.slice(1));
        return {
          rows: document.querySelectorAll('nav.toc tbody tr').length,
          sections: document.querySelectorAll('section.entry').length,
          unique: new Set(ids).size === ids.length,
          linksResolve: links.every((id) => document.getElementById(id) !== null),
          points: document.querySelectorAll('circle.pt').length,
        };
      });
      expect(found.rows).toBe(40);
      expect(found.sections).toBe(40);
      expect(found.unique).toBe(true);
      expect(found.linksResolve).toBe(true);
      expect(found.points).toBe(30 * 48);
      expect(log.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('renderReport content', () => {
  it('gives the official score table with weights, bands, raw and weighted scores and the total', () => {
    const html = renderReport([completeBestPracticeEntry()], { generatedAt: GENERATED_AT });
    const weights = { Ic: 0.2, Id: 0.25, Ir: 0.25, W: 0.15, C: 0.05, G: 0.1 };
    const total = Object.entries(COMPLETE_RAW_SCORES).reduce((s, [k, raw]) => s + raw * weights[k as keyof typeof weights], 0);
    expect(total).toBeCloseTo(77.45, 10);
    expect(html).toContain(`77.45 / 100`);
    for (const [code, raw] of Object.entries(COMPLETE_RAW_SCORES)) {
      const row = html.match(new RegExp(`<tr data-indicator="${code}">(.*?)</tr>`))![1];
      const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
      expect(cells.at(-2)).toBe(String(raw));
      expect(Number(cells.at(-1))).toBeCloseTo(raw * weights[code as keyof typeof weights], 10);
    }
    expect(html).toContain('71–90');
    expect(html).toContain('两个阶段的关键性能一致性都较好');
    expect(html).toContain('建议值（非官方）');
    expect(html).toContain('需核实');
    expect(html).toContain('Ic数据!F7');
    expect(html).toContain('(cell.fullWidthDigits)');
  });

  it('shows "—" and the reason for undefined metrics and lists missing scores', () => {
    const html = renderReport([nullMetricsEntry()], { generatedAt: GENERATED_AT });
    expect(html).toContain('均值接近 0，变异系数无意义。');
    expect(html).toContain('测量点少于 3 个，无法拟合。');
    expect(html).toContain('该场景没有样品数据。');
    expect(html).toContain('缺少改进后数据。');
    expect(html).toContain('缺少原始得分：关键性能退化量（Id）、关键性能可靠域（Ir）、可推广性（G）');
    expect(html).toContain('评分未完成');
    // No JavaScript artefacts in the visible text (tags and class names stripped).
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ');
    expect(text.match(/NaN|Infinity|undefined|null/g)).toBeNull();
  });

  it('shows the FMEA items with their standard scores and criteria and no charts', () => {
    const html = renderReport([fmeaEntry()], { generatedAt: GENERATED_AT });
    expect(html).toContain('案例名称');
    expect(html).toContain('案例来源清晰，目的、意义明确。');
    expect(html).toContain('81.5 / 100');
    expect(html).not.toContain('<svg');
  });

  it('reads the metrics of the real core assessment (the contract, not only the fixtures)', () => {
    const fixture = completeBestPracticeEntry();
    const submission = submissionSchema.parse(fixture.submission);
    const html = renderReport([{ ...fixture, submission, assessment: assess(submission) }], { generatedAt: GENERATED_AT });
    const dataPoints = (kind: string) => html.match(new RegExp(`class="chart chart-${kind}"[^>]*data-points="(\\d+)"`))?.[1];
    expect(dataPoints('degradation')).toBe('48');
    expect(dataPoints('cv')).toBe('4');
    expect(dataPoints('margin')).toBe('5');
    expect(dataPoints('rate')).toBe('2');
    expect((html.match(/<path class="fit"/g) ?? []).length).toBe(ID_UNITS);
    // The CV of the first parameter at t0, computed here from the data: s / x̄ with n − 1.
    const values = (submission as ReliabilitySubmission).ic!.parameters[0].stages[0].values;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    expect(html).toContain(`${((sd / mean) * 100).toFixed(3)}%`);
  });

  it('renders English when asked, and an empty report without entries', () => {
    const en = renderReport([completeBestPracticeEntry()], { lang: 'en', generatedAt: GENERATED_AT });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Score table');
    expect(en).toContain('Degradation paths');
    expect(en).not.toContain('评分表</h3>');
    const empty = renderReport([], { generatedAt: GENERATED_AT });
    expect(empty).toContain('没有可报告的申报。');
    expect(empty).not.toContain('<section');
  });
});
