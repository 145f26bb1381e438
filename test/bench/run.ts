/**
 * `npm run bench`: runs every `*.bench.ts` module of the repository (each exports `bench()`), and
 * prints its measurements — as ratios against baselines measured in the same run — as a table.
 * Pass names to run a subset: `npm run bench -- core workbook`. A measurement whose ratio is over its
 * guard (`maxRatio`), or under it (`minRatio`), is marked 超出 / OVER or 不足 / UNDER, and the run
 * then exits with a failure.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folders = ['core/bench', 'workbook/bench', 'addin/bench', 'bot/bench', 'test/bench'];
const filter = process.argv.slice(2);

function fmt(x: number | undefined, digits = 3): string {
  if (x === undefined) return '';
  if (Math.abs(x) >= 1000) return x.toFixed(0);
  return Number(x.toPrecision(digits)).toString();
}

const files = folders
  .map((f) => join(root, f))
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((n) => n.endsWith('.bench.ts'))
      .map((n) => join(d, n)),
  )
  .filter((f) => filter.length === 0 || filter.some((x) => relative(root, f).includes(x)));

let failed = 0;
let outsideGuard = 0;

/** The guard column: the bound(s), and whether the ratio keeps within them. */
function guard(r: BenchResult): string {
  const marks: string[] = [];
  let outside = false;
  if (r.minRatio !== undefined) {
    const ok = r.ratio !== undefined && r.ratio >= r.minRatio;
    marks.push(`≥ ${fmt(r.minRatio)} ${ok ? 'ok' : '不足 / UNDER'}`);
    outside ||= !ok;
  }
  if (r.maxRatio !== undefined) {
    const ok = r.ratio !== undefined && r.ratio <= r.maxRatio;
    marks.push(`≤ ${fmt(r.maxRatio)} ${ok ? 'ok' : '超出 / OVER'}`);
    outside ||= !ok;
  }
  if (outside) outsideGuard++;
  return marks.join('; ');
}

for (const file of files) {
  const rel = relative(root, file);
  process.stdout.write(`\n## ${rel}\n`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { bench: () => Promise<BenchResult[]> };
    const results = await mod.bench();
    process.stdout.write(
      `${'measurement'.padEnd(64)} ${'value'.padStart(12)} ${'unit'.padEnd(10)} ${'ratio'.padStart(8)}  ${'guard'.padEnd(16)} baseline / target\n`,
    );
    for (const r of results) {
      process.stdout.write(
        `${r.name.padEnd(64)} ${fmt(r.value).padStart(12)} ${r.unit.padEnd(10)} ${fmt(r.ratio).padStart(8)}  ${guard(r).padEnd(16)} ${[r.baseline, r.target, r.note].filter(Boolean).join(' | ')}\n`,
      );
    }
  } catch (e) {
    failed++;
    process.stdout.write(`  基准运行失败 / bench failed: ${(e as Error).message}\n`);
  }
}
if (outsideGuard) process.stdout.write(`\n${outsideGuard} 项超出基准界限 / measurement(s) outside their guard\n`);
process.exitCode = failed || outsideGuard ? 1 : 0;
