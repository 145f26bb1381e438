/**
 * Bench: task-pane recompute after a 10 000-row change to the Ic table, in REAL Chromium,
 * preview mode (the built pane, the `--example` workbook opened through its file picker). Each
 * run hands the pane a changed 10 000-row KekaoIc grid — what office.js `getRange().values` gives
 * after a paste — and times, with performance.mark/measure inside the page, the re-read of that
 * table (tableToSubmission), the Ic re-assessment, the merge and the re-render of the panels.
 * Baseline, in the same page and run: merely reading the same 10 000 rows (one pass copying every
 * cell and summing the values). Median of 15 runs after 3 warm-ups. Target: < 100 ms median.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAddin } from '../build.js';
import { serveDist } from '../test/helpers/serveDist.js';
import { launchChromium, OFFICE_JS_PATTERN } from '../test/helpers/chromium.js';
import { kekao } from '../test/helpers/kekaoCli.js';
import { median, type BenchResult } from '@kekao/test/bench';

export const IC_ROWS = 10_000;
const RUNS = 15;
const WARMUP = 3;

interface PageTimings {
  recompute: number[];
  read: number[];
  paneOnly: number[];
  recomputed: string[];
}

/** Runs inside the page: builds the changed grids, times the baseline read and the pane's recompute. */
const PAGE_SCRIPT = String.raw`({ rows, runs, warmup }) => {
  const pane = window.kekaoPane;
  const header = ['参数', '单位', '阶段', '使用时间(h)', '样品编号', '测量值', '分辨率'];
  // Deterministic pseudo-normal values (sum of uniforms), 3 decimals as an instrument writes them.
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const makeGrid = (shift) => ({
    sheet: 'Ic数据',
    table: 'KekaoIc',
    headerRow: 3,
    columns: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
    header,
    rows: Array.from({ length: rows }, (_, i) => {
      const t1 = i % 2 === 1;
      const v = Math.round((12 + shift + (rnd() + rnd() + rnd() - 1.5) * 0.03) * 1000) / 1000;
      return { rowNumber: 4 + i, values: ['输出电压', 'V', t1 ? 't1' : 't0', t1 ? 2000 : 0, 'S' + ((i >> 1) + 1), v, 0.001] };
    }),
  });
  const grids = Array.from({ length: runs + warmup }, (_, k) => makeGrid(k * 0.001));
  const out = { recompute: [], read: [], paneOnly: [], recomputed: [] };
  for (let k = 0; k < grids.length; k++) {
    const g = grids[k];
    // Baseline: merely read the same rows (copy every cell, sum the numbers).
    performance.mark('read-start');
    let sum = 0;
    const copy = new Array(g.rows.length);
    for (let i = 0; i < g.rows.length; i++) {
      const r = g.rows[i].values;
      copy[i] = r.slice();
      const v = r[5];
      if (typeof v === 'number') sum += v;
    }
    performance.mark('read-end');
    const read = performance.measure('read', 'read-start', 'read-end').duration;
    if (!(sum > 0) || copy.length !== rows) throw new Error('baseline read failed');

    performance.mark('change-start');
    const state = pane.applyTableChange('KekaoIc', g);
    performance.mark('change-end');
    const recompute = performance.measure('change', 'change-start', 'change-end').duration;
    if (!state || !state.assessment) throw new Error('recompute failed: ' + JSON.stringify(state && state.errors.slice(0, 2)));
    if (k >= warmup) {
      out.read.push(read);
      out.recompute.push(recompute);
      out.paneOnly.push(pane.lastMs());
      out.recomputed.push(String(state.recomputed));
    }
  }
  return out;
}`;

export async function bench(): Promise<BenchResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'kekao-addin-bench-'));
  const built = await buildAddin({ outDir: join(work, 'dist') });
  const server = await serveDist(built.outDir);
  const browser = await launchChromium();
  try {
    const example = join(work, 'example.xlsx');
    await kekao(['template', '--kind', 'best-practice', '--out', example, '--example'], work);
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    await page.route(OFFICE_JS_PATTERN, (r) => r.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await page.setInputFiles('#file', example);
    await page.waitForSelector('#results[data-file="example.xlsx"] [data-total]');

    // Plain JavaScript text (not a compiled closure): tsx's helpers do not exist in the page.
    const t = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify({ rows: IC_ROWS, runs: RUNS, warmup: WARMUP })})`)) as PageTimings;
    if (!t.recomputed.every((r) => r === 'Ic')) throw new Error(`expected only Ic to be recomputed, got ${t.recomputed.join(',')}`);
    const rec = median(t.recompute);
    const read = median(t.read);
    return [
      {
        name: `addin: pane recompute after a ${IC_ROWS}-row Ic change (Chromium, preview)`,
        value: rec,
        unit: 'ms',
        ratio: rec / read,
        baseline: `reading the same rows ${read.toFixed(2)} ms`,
        target: '< 100 ms median',
        note: `median of ${RUNS}; model only (no render) ${median(t.paneOnly).toFixed(1)} ms`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}
