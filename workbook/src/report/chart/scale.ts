/** Maps a numeric domain linearly onto a pixel range (the range may run downwards, as for y). */
export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Equal-width bands for categories: `start(i)` is the left edge, `width` the band width. */
export function bandScale(
  count: number,
  range: [number, number],
  padding = 0.2,
): { start: (i: number) => number; center: (i: number) => number; width: number } {
  const n = Math.max(1, count);
  const step = (range[1] - range[0]) / n;
  const width = step * (1 - padding);
  const start = (i: number) => range[0] + i * step + (step - width) / 2;
  return { start, center: (i: number) => start(i) + width / 2, width };
}
