import { note, type Note } from '../../i18n/note.js';
import { allEqual, safeScale } from './leastSquaresLine.js';

/**
 * R² on the original scale of the measurements, 1 − SSE/SST with SSE = Σ(yᵢ − ŷᵢ)² of the
 * back-transformed fitted values and SST = Σ(yᵢ − ȳ)² (Kvålseth 1985, "Cautionary note about R²",
 * Am. Stat. 39(4), eq. R²₁). Every form is judged on the same y, so the four compare fairly; for the
 * transformed forms it can be below the linearised R² and, in a bad fit, negative.
 * `fitted(i)` is ŷᵢ. Extreme data are divided by max|y| first (leastSquaresLine.ts, safeScale).
 */
export function originalScaleR2(y: readonly number[], fitted: (i: number) => number): { r2: number | null; note?: Note } {
  if (allEqual(y)) {
    return {
      r2: null,
      note: note(
        'path.r2ConstantValues',
        '所有测量值相同（总平方和为 0），决定系数 R² 无定义。',
        'all values are identical (total sum of squares is 0); R² is undefined.',
      ),
    };
  }
  const n = y.length;
  const scale = safeScale(y);
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]! / scale;
  yMean /= n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const residual = y[i]! / scale - fitted(i) / scale;
    sse += residual * residual;
    sst += (y[i]! / scale - yMean) * (y[i]! / scale - yMean);
  }
  const r2 = sst > 0 ? 1 - sse / sst : Number.NaN;
  if (Number.isFinite(r2)) return { r2 };
  return {
    r2: null,
    note: note(
      'path.r2Undefined',
      '拟合值超出可表示的数值范围，原尺度 R² 无法计算。',
      'fitted values are outside the representable range; R² on the original scale cannot be computed.',
    ),
  };
}
