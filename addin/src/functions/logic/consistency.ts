import { coefficientOfVariation } from '@kekao/core/metrics';
import { vangelCvInterval } from '@kekao/core/metrics';
import { sampleMoments } from '@kekao/core/stats';
import { cellError, FunctionInputError, readConfidence, readNumbers, type CellOut } from '../cellInput.js';

const VALUES = { zh: '测量值区域', en: 'values' };

/** KEKAO.CV: sample CV s / x̄ (n − 1) through core's `coefficientOfVariation`; undefined CV → error with the reason. */
export function cvOf(values: unknown): number {
  const xs = readNumbers(values, VALUES, 2);
  const { cv, reason } = coefficientOfVariation(xs);
  if (cv === null) throw new FunctionInputError(reason?.key ?? 'cv.undefined', reason?.zh ?? '变异系数无定义', reason?.en ?? 'the CV is undefined');
  return cv;
}

export const CV_INTERVAL_HEADER: CellOut[] = ['CV', '下限 lower', '上限 upper', 'n'];

/**
 * KEKAO.CVINTERVAL: the CV with Vangel's (1996) modified McKay interval (core `vangelCvInterval`),
 * spilled as a header row and one result row [cv, lower, upper, n]. An unbounded upper bound is
 * an error cell with the reason, not a number.
 */
export function cvIntervalOf(values: unknown, confidence?: unknown): CellOut[][] {
  const xs = readNumbers(values, VALUES, 2);
  const level = readConfidence(confidence);
  const cv = cvOf(xs.map((x) => [x]));
  const { n } = sampleMoments(xs);
  const ci = vangelCvInterval(cv, n, level);
  const missing = (zh: string, en: string): CellOut => cellError('notAvailable', ci.reason?.zh ?? zh, ci.reason?.en ?? en);
  return [
    CV_INTERVAL_HEADER,
    [cv, ci.lower ?? missing('下限无定义', 'the lower bound is undefined'), ci.upper ?? missing('上限无界', 'the upper bound is unbounded'), n],
  ];
}
