import { relativeMargin } from '@kekao/core/metrics';
import { FunctionInputError, readDirection, readNumber, readNumbers } from '../cellInput.js';

/**
 * KEKAO.MARGIN: the worst (smallest) relative margin of the samples against the limit, through
 * core's `relativeMargin` (O'Connor & Kleyner 2012 §7.3): (x − L)/|L| for a lower limit ('min'),
 * (U − x)/|U| for an upper limit ('max'). > 0 means every sample is inside the limit.
 */
export function worstMargin(values: unknown, limit: unknown, direction: unknown): number {
  const xs = readNumbers(values, { zh: '测量值区域', en: 'values' }, 1);
  const lim = readNumber(limit, { zh: '限值', en: 'limit' });
  const dir = readDirection(direction);
  let worst = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const m = relativeMargin(xs[i], lim, dir);
    if (m.relative === null) {
      const why = m.reason ?? { key: 'fn.marginUndefined', zh: '裕量无定义', en: 'the margin is undefined' };
      throw new FunctionInputError(why.key, `第${i + 1}个值：${why.zh}`, `value ${i + 1}: ${why.en}`);
    }
    if (m.relative < worst) worst = m.relative;
  }
  return worst;
}
