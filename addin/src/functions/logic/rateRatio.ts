import { compareFailureRates } from '@kekao/core/metrics';
import { cellError, FunctionInputError, readConfidence, readNumber, type CellOut } from '../cellInput.js';

export const RATE_RATIO_HEADER: CellOut[] = ['比值 ratio', '下限 lower', '上限 upper', 'p'];

function failures(v: unknown, zh: string, en: string): number {
  const x = readNumber(v, { zh, en });
  if (!Number.isInteger(x) || x < 0)
    throw new FunctionInputError('fn.invalidFailures', `${zh}须为非负整数，收到 ${x}`, `${en} must be a non-negative integer; got ${x}`);
  return x;
}

function exposure(v: unknown, zh: string, en: string): number {
  const x = readNumber(v, { zh, en });
  if (!(x > 0)) throw new FunctionInputError('fn.invalidExposure', `${zh}须大于 0，收到 ${x}`, `${en} must be > 0; got ${x}`);
  return x;
}

/**
 * KEKAO.RATERATIO: failure-rate ratio after/before with the exact conditional interval and the
 * two-sided p-value of core's `compareFailureRates` (Przyborowski & Wilenski 1940, the method of
 * R's poisson.test). Spills a header row and [ratio, lower, upper, p].
 */
export function rateRatioTable(
  failuresBefore: unknown,
  exposureBefore: unknown,
  failuresAfter: unknown,
  exposureAfter: unknown,
  confidence?: unknown,
): CellOut[][] {
  const before = {
    failures: failures(failuresBefore, '改进前故障数', 'failures before'),
    exposure: exposure(exposureBefore, '改进前暴露量', 'exposure before'),
  };
  const after = { failures: failures(failuresAfter, '改进后故障数', 'failures after'), exposure: exposure(exposureAfter, '改进后暴露量', 'exposure after') };
  const c = compareFailureRates(before, after, readConfidence(confidence));
  const why = c.reasons[0];
  const na = (): CellOut => cellError('notAvailable', why?.zh ?? '无定义', why?.en ?? 'undefined');
  return [RATE_RATIO_HEADER, [c.rateRatio ?? na(), c.rateRatioLower ?? na(), c.rateRatioUpper ?? na(), c.pValue ?? na()]];
}
