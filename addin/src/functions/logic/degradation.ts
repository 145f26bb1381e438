import { parameterDegradation } from '@kekao/core/metrics';
import { PATH_MODEL_LABELS, PATH_MODELS, type PathModel } from '@kekao/core/metrics';
import { readEnum } from '@kekao/core/workbook';
import { MODEL_OPTIONS } from '@kekao/core/workbook';
import type { IdParameter, IdUnit } from '@kekao/core/submission';
import { cellError, FunctionInputError, readDirection, readLabels, readNumber, readNumbers, readOptionalNumber, readText, type CellOut } from '../cellInput.js';

export const DEGRADATION_HEADER: CellOut[] = ['样品 unit', '模型 model', 'R²', '伪失效时间 pseudo-failure time'];

function readModel(value: unknown): PathModel | 'auto' {
  const s = readText(value, { zh: '模型', en: 'model' }, 'auto').toLowerCase();
  // The words of the Id table's model column (contract MODEL_OPTIONS): one vocabulary for both.
  const read = readEnum(s, MODEL_OPTIONS);
  if (!read.ok) {
    throw new FunctionInputError(
      'fn.invalidModel',
      `模型 "${s}" 无法识别，应为 auto、${PATH_MODELS.join('、')} 之一`,
      `model "${s}" is not recognised; use auto, ${PATH_MODELS.join(', ')}`,
    );
  }
  return read.value as PathModel | 'auto';
}

/**
 * KEKAO.DEGRADATION: per unit, the degradation path fit of core's `parameterDegradation`
 * (Meeker & Escobar 1998 §13.7: one path form for all units, pseudo-failure time at the limit).
 * The three data ranges are the columns of the Id table in long form: unit id, time, value.
 * Spills a header row and one row per unit (in order of first appearance):
 * [unit id, model, R² (original scale), pseudo-failure time]; an undefined R² or a path that never
 * reaches the limit is an error cell carrying the reason.
 */
export function degradationTable(
  unitIds: unknown,
  times: unknown,
  values: unknown,
  limit: unknown,
  direction: unknown,
  ratedLife: unknown,
  model?: unknown,
  minR2?: unknown,
): CellOut[][] {
  const ids = readLabels(unitIds, { zh: '样品编号区域', en: 'unit ids' });
  const ts = readNumbers(times, { zh: '时间区域', en: 'times' }, 1);
  const ys = readNumbers(values, { zh: '测量值区域', en: 'values' }, 1);
  if (ids.length !== ts.length || ts.length !== ys.length) {
    throw new FunctionInputError(
      'fn.lengthMismatch',
      `样品编号、时间、测量值的个数须相同（${ids.length}、${ts.length}、${ys.length}）`,
      `unit ids, times and values must have the same length (${ids.length}, ${ts.length}, ${ys.length})`,
    );
  }
  const negative = ts.findIndex((t) => t < 0);
  if (negative >= 0) {
    throw new FunctionInputError('fn.negativeTime', `时间区域的第${negative + 1}个值为负数`, `times value ${negative + 1} is negative`);
  }
  const lim = readNumber(limit, { zh: '规格限', en: 'limit' });
  const dir = readDirection(direction);
  const life = readNumber(ratedLife, { zh: '额定寿命', en: 'rated life' });
  if (!(life > 0)) throw new FunctionInputError('fn.ratedLifeNotPositive', `额定寿命须大于 0，收到 ${life}`, `rated life must be > 0; got ${life}`);
  const r2Bound = readOptionalNumber(minR2, { zh: 'R² 下限', en: 'minimum R²' });

  // Group the long table by unit id (order of first appearance), keeping each unit's point order.
  const byId = new Map<string, IdUnit>();
  for (let i = 0; i < ids.length; i++) {
    let u = byId.get(ids[i]);
    if (!u) {
      u = { id: ids[i], times: [], values: [] };
      byId.set(ids[i], u);
    }
    u.times.push(ts[i]);
    u.values.push(ys[i]);
  }
  const param: IdParameter = {
    name: 'KEKAO.DEGRADATION',
    limit: lim,
    direction: dir,
    ratedLife: life,
    model: readModel(model),
    units: [...byId.values()],
  };
  const result = parameterDegradation(param, r2Bound === undefined ? {} : { minR2: r2Bound });
  const label = `${PATH_MODEL_LABELS[result.model].zh} ${result.model}`;
  const rows: CellOut[][] = [DEGRADATION_HEADER];
  for (const u of result.units) {
    const why = u.fitReason ?? u.pseudoFailureReason;
    rows.push([
      u.id,
      label,
      u.r2 ?? cellError('notAvailable', u.fitReason?.zh ?? 'R² 无定义', u.fitReason?.en ?? 'R² is undefined'),
      u.pseudoFailureTime ?? cellError('notAvailable', why?.zh ?? '不会到达规格限', why?.en ?? 'never reaches the limit'),
    ]);
  }
  return rows;
}
