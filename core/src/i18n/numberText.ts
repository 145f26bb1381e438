/**
 * Numbers as people read them. One place, so every message, the HTML report, the task pane and the
 * 评分表 summary column round the same way: `significant`/`num`/`pct` inside reasons and errors,
 * `formatNumber`/`formatPercent` for displayed values (which may be missing: "—").
 */
import type { Bilingual } from './bilingual.js';

/** Up to `digits` significant digits, no trailing zeros (1234.5678 → "1235", 0.012345 → "0.01235"). */
export function significant(x: number, digits = 4): string {
  return String(Number(x.toPrecision(digits)));
}

/** Like `significant`, but in exponent form beyond [1e-4, 1e6) so tiny rates stay readable. */
export function num(x: number, digits = 4): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) return x.toExponential(digits - 1);
  return significant(x, digits);
}

/** A fraction as a percentage (0.0123 → "1.23%"). */
export function pct(x: number, digits = 2): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * A displayed value: `digits` significant digits, trailing zeros dropped, "×10^n" only for very
 * small or very large magnitudes (below 1e-4, from 1e9); missing or non-finite values print "—".
 */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa!)}×10^${Number(exponent)}`;
  }
  const text = Number(value.toPrecision(digits)).toString();
  return text.includes('e') ? value.toFixed(0) : text;
}

/** A displayed fraction as a percentage with `decimals` places ("—" when missing; never "-0.00%"). */
export function formatPercent(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = (value * 100).toFixed(decimals);
  return `${text === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : text}%`;
}

function trimZeros(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
}

/**
 * A relative reduction in words, never a negative percentage: 0.25 → 降幅 25.0% / reduction 25.0%;
 * −0.5 → 升幅 50.0%（不降反升）/ increase of 50.0% (no reduction).
 */
export function reductionText(reduction: number, digits = 1): Bilingual {
  if (reduction >= 0) return { zh: `降幅 ${pct(reduction, digits)}`, en: `reduction ${pct(reduction, digits)}` };
  return { zh: `升幅 ${pct(-reduction, digits)}（不降反升）`, en: `increase of ${pct(-reduction, digits)} (no reduction)` };
}

/**
 * A share of the allowed drift in words, never a negative percentage: a share ≤ 0 means the path
 * moves away from its limit (退化方向与限值相反).
 */
export function driftShareText(share: number, digits = 0): Bilingual {
  if (share > 0) return { zh: pct(share, digits), en: pct(share, digits) };
  return { zh: '0%（退化方向与限值相反）', en: '0% (the drift runs opposite to the limit)' };
}
