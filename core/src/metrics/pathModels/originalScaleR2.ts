import { note, type Note } from '../../i18n/note.js';
import { allEqual, scaledBySafeScale } from './leastSquaresLine.js';

/**
 * R² on the original scale of the measurements, 1 − SSE/SST with SSE = Σ(yᵢ − ŷᵢ)² of the
 * back-transformed fitted values and SST = Σ(yᵢ − ȳ)² (Kvålseth 1985, "Cautionary note about R²",
 * Am. Stat. 39(4), eq. R²₁). Every form is judged on the same y, so the four compare fairly; for the
 * transformed forms it can be below the linearised R² and, in a bad fit, negative.
 * The fitted value is ŷᵢ = c + d·xᵢ for the forms that are straight lines in y (linear: x = t;
 * logarithmic: x = ln t) and ŷᵢ = e^(c + d·xᵢ) for those that are straight lines in ln y
 * (exponential: x = t; power: x = ln t). Extreme data are divided by max|y| (leastSquaresLine.ts,
 * safeScale); ordinary data are used as they are.
 */
export function originalScaleR2(
  y: readonly number[],
  x: readonly number[],
  line: { intercept: number; slope: number },
  inLnY: boolean,
): { r2: number | null; note?: Note } {
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
  const { scale, scaled: ys } = scaledBySafeScale(y);
  const { intercept, slope } = line;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += ys[i]!;
  yMean /= n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const onLine = intercept + slope * x[i]!;
    const fitted = inLnY ? Math.exp(onLine) : onLine;
    const residual = ys[i]! - (scale === 1 ? fitted : fitted / scale);
    sse += residual * residual;
    sst += (ys[i]! - yMean) * (ys[i]! - yMean);
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
