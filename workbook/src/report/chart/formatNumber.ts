/**
 * A number for people: `digits` significant digits, trailing zeros dropped, exponent form only
 * for very small or very large magnitudes. Non-finite or missing values print as "—".
 */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa)}×10^${Number(exponent)}`;
  }
  const text = Number(value.toPrecision(digits)).toString();
  return text.includes('e') ? value.toFixed(0) : text;
}

/** A fraction as a percentage with `decimals` places ("—" when missing). */
export function formatPercent(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = (value * 100).toFixed(decimals);
  return `${text === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : text}%`;
}

function trimZeros(mantissa: string): string {
  return mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
}
