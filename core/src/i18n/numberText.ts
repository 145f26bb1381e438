/**
 * Numbers as they appear in reasons, warnings and errors. One place, so every message rounds the
 * same way.
 */

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
