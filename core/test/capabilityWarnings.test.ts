import { describe, expect, it } from 'vitest';
import { processCapability, SIGMA_RATIO_WARNING } from '../src/metrics/capability.js';
import { assistanceKpis } from '../src/metrics/assistanceKpis.js';

// The shaft diameters of capability.test.ts (σ_overall 0.02583347481568462 by numpy, reference/capability.py).
const SHAFT = [10.02, 9.98, 10.05, 10.01, 9.97, 10.03, 10.0, 9.99, 10.04, 10.02, 9.96, 10.01, 10.03, 9.98, 10.0, 10.02, 9.99, 10.01, 10.04, 9.97];
const SIGMA_OVERALL = 0.02583347481568462;

describe('capability: short-term and overall σ that disagree are flagged', () => {
  it('the same values sorted: Cpk several times Ppk, with a warning that names the ratio', () => {
    const sorted = [...SHAFT].sort((a, b) => a - b);
    const r = processCapability({ values: sorted, lsl: 9.9, usl: 10.1 });
    // Sorted values: the moving ranges telescope, MR̄ = (max − min)/(n − 1) = 0.09/19 (hand arithmetic),
    // σ_within = 0.09/19/1.128 = 0.0041993…, ratio σ_overall/σ_within = 6.15.
    const within = 0.09 / 19 / 1.128;
    expect(Math.abs(r.sigmaWithin! - within)).toBeLessThan(1e-12);
    const ratio = SIGMA_OVERALL / within;
    expect(ratio.toFixed(1)).toBe('6.2');
    expect(r.cpk! / r.ppk!).toBeGreaterThan(SIGMA_RATIO_WARNING);
    expect(r.warnings.map((w) => w.key)).toEqual(['capability.sigmaOverallExceedsWithin']);
    expect(r.warnings[0]!.zh).toContain('6.2 倍');
    expect(r.warnings[0]!.zh).toContain('排序');
    expect(r.warnings[0]!.en).toContain('Cpk overstates the capability and is unreliable');
  });

  it('a drifting process (steady trend plus small noise) is flagged too', () => {
    const drifting = Array.from({ length: 30 }, (_, i) => 10 + i * 0.01 + (i % 2 === 0 ? 0.002 : -0.002));
    expect(processCapability({ values: drifting, lsl: 9.5, usl: 10.8 }).warnings.map((w) => w.key)).toEqual(['capability.sigmaOverallExceedsWithin']);
  });

  it('the values in production order (ratio 0.76) raise nothing', () => {
    expect(processCapability({ values: SHAFT, lsl: 9.9, usl: 10.1 }).warnings).toEqual([]);
  });

  it('an assistance Cpk computed from sorted data carries the warning beside it', () => {
    const sorted = [...SHAFT].sort((a, b) => a - b);
    const kpis = assistanceKpis({ keyProcessCpk: { data: { values: sorted, lsl: 9.9, usl: 10.1 } } });
    const cpk = kpis.find((k) => k.key === 'keyProcessCpk')!;
    expect(cpk.value).not.toBeNull();
    expect(cpk.detail?.key).toBe('capability.sigmaOverallExceedsWithin');
  });
});
