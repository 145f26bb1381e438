import { reliabilityIndicator } from '@kekao/core/rubrics';
import { INDICATOR_CODES } from '@kekao/core/submission';
import { FunctionInputError, isBlank } from '../cellInput.js';

/**
 * KEKAO.TOTAL: the weighted total Σ raw × weight over the six raw scores in 评分表 order
 * Ic, Id, Ir, W, C, G (rubric reliability-2024 note (c); weights 20/25/25/15/5/10 %). Either six
 * cells (a row or a column), or the 评分表's raw-score column as laid out — 24 cells, four band rows
 * per indicator, the score in the first row of each block (e.g. F5:F28). Each 0–100. A missing
 * score is an error naming the indicator, because a partial total would look like a final one.
 */
export function weightedTotal(scores: unknown): number {
  const rows = Array.isArray(scores) ? scores.map((r) => (Array.isArray(r) ? r : [r])) : [[scores]];
  const all = rows.flat();
  const n = INDICATOR_CODES.length;
  // 评分表 layout: four rows per indicator, the raw score in the block's first row.
  const cells = all.length === 4 * n ? all.filter((_, i) => i % 4 === 0) : all;
  if (cells.length !== n) {
    throw new FunctionInputError(
      'fn.totalNeedsSix',
      `需要 6 个原始得分（依次为 ${INDICATOR_CODES.join('、')}；或评分表的 24 行得分列），区域中有 ${all.length} 个单元格`,
      `six raw scores are needed (${INDICATOR_CODES.join(', ')} in order; or the 评分表's 24-row score column); the range has ${all.length} cells`,
    );
  }
  let total = 0;
  INDICATOR_CODES.forEach((code, i) => {
    const v = cells[i];
    const ind = reliabilityIndicator(code);
    if (isBlank(v)) {
      throw new FunctionInputError(
        'fn.missingScore',
        `缺少 ${code}（${ind.name.zh}）的原始得分（第${i + 1}个）`,
        `the raw score of ${code} (value ${i + 1}) is missing`,
      );
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new FunctionInputError(
        'fn.notNumeric',
        `${code} 的原始得分 "${String(v)}" 不是数值（第${i + 1}个）`,
        `the raw score of ${code} "${String(v)}" (value ${i + 1}) is not a number`,
      );
    }
    if (v < 0 || v > 100) {
      throw new FunctionInputError('fn.scoreOutOfRange', `${code} 的原始得分 ${v} 不在 0–100 之间`, `the raw score of ${code} ${v} is not within 0–100`);
    }
    total += v * ind.weight;
  });
  return total;
}
