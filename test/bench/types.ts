/** One line of `npm run bench`: a measurement, ideally as a ratio to a baseline run in the same process. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
  baseline?: string;
  target?: string;
  /**
   * The guard: `ratio` may not exceed this. `npm run bench` marks a measurement over its guard
   * and exits with a failure.
   */
  maxRatio?: number;
  /**
   * The guard for a ratio that must stay high (a throughput against its baseline): `ratio` may not
   * fall below this. Marked and failing like `maxRatio`.
   */
  minRatio?: number;
  note?: string;
}

/** Median of a sample (benchmarks report medians: robust to a stray GC pause). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns the per-run milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function timeRunsAsync(fn: () => Promise<void>, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export interface PairedRatio {
  /** Median CPU milliseconds of the candidate and of the baseline over every run. */
  candidate: number;
  baseline: number;
  /** Median over the blocks of each block's median candidate/baseline ratio. */
  ratio: number;
  /** Every block's median ratio, in order (shows how stable the ratio was). */
  blockRatios: number[];
}

/**
 * Times a candidate against its baseline in pairs run back to back (the order alternating), so
 * both see the same state of the machine; each pair gives a ratio. Times are the process's CPU
 * time, not the wall clock: on a shared machine the wall clock also counts the time slices other
 * processes took, which made the same ratio read anywhere from 1.6 to 5. The pairs are taken in
 * `blocks` blocks of `pairs`; a block's ratio is the median of its pairs, and the result the
 * median of the blocks: a stray garbage collection moves one pair, a spell of recompilation moves
 * at most a minority of blocks, and neither moves the result.
 */
export function pairedRatio(candidate: () => void, baseline: () => void, blocks = 7, pairs = 15, warmup = 10): PairedRatio {
  for (let i = 0; i < warmup; i++) {
    candidate();
    baseline();
  }
  const c: number[] = [];
  const b: number[] = [];
  const blockRatios: number[] = [];
  for (let k = 0; k < blocks; k++) {
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      const candidateFirst = (k * pairs + i) % 2 === 0;
      let tc = 0;
      let tb = 0;
      if (candidateFirst) tc = timeOnce(candidate);
      tb = timeOnce(baseline);
      if (!candidateFirst) tc = timeOnce(candidate);
      c.push(tc);
      b.push(tb);
      ratios.push(tc / tb);
    }
    blockRatios.push(median(ratios));
  }
  return { candidate: median(c), baseline: median(b), ratio: median(blockRatios), blockRatios };
}

/** CPU time of one call in milliseconds (user + system, every thread of the process). */
function timeOnce(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
