import { processCapability, type ProcessCapability } from '@kekao/core/metrics';
import { cellError, FunctionInputError, readNumbers, readOptionalNumber, type CellOut } from '../cellInput.js';

export type CapabilityIndex = 'cp' | 'cpk' | 'pp' | 'ppk';

const NAMES: Record<CapabilityIndex, string> = { cp: 'Cp', cpk: 'Cpk', pp: 'Pp', ppk: 'Ppk' };

/**
 * KEKAO.CP / CPK / PP / PPK through core's `processCapability` (ISO 22514-2 / AIAG SPC manual;
 * σ_within from the average moving range for individuals, pooled SD for subgroups of k ≥ 2).
 * Either limit may be left blank for a one-sided specification (then Cp and Pp are undefined).
 */
function computeCapability(values: unknown, lsl: unknown, usl: unknown, subgroupSize?: unknown): ProcessCapability {
  const xs = readNumbers(values, { zh: '测量值区域', en: 'values' }, 2);
  const lo = readOptionalNumber(lsl, { zh: '规格下限 LSL', en: 'LSL' });
  const hi = readOptionalNumber(usl, { zh: '规格上限 USL', en: 'USL' });
  const k = readOptionalNumber(subgroupSize, { zh: '子组大小', en: 'subgroup size' });
  if (lo === undefined && hi === undefined) {
    throw new FunctionInputError('fn.noSpecLimits', '至少需要一个规格限（LSL 或 USL）', 'at least one specification limit (LSL or USL) is needed');
  }
  if (lo !== undefined && hi !== undefined && !(hi > lo)) {
    throw new FunctionInputError('fn.specLimitsOrder', `规格上限 ${hi} 须大于规格下限 ${lo}`, `USL ${hi} must be greater than LSL ${lo}`);
  }
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) {
    throw new FunctionInputError('fn.invalidSubgroupSize', `子组大小须为正整数，收到 ${k}`, `subgroup size must be a positive integer; got ${k}`);
  }
  return processCapability({
    values: xs,
    ...(lo !== undefined ? { lsl: lo } : {}),
    ...(hi !== undefined ? { usl: hi } : {}),
    ...(k !== undefined ? { subgroupSize: k } : {}),
  });
}

/** One index as a number (KEKAO.CPK, KEKAO.PPK); undefined → an error with the reason. */
export function capabilityIndex(index: CapabilityIndex, values: unknown, lsl: unknown, usl: unknown, subgroupSize?: unknown): number {
  const result = computeCapability(values, lsl, usl, subgroupSize);
  const v = result[index];
  if (v === null) {
    const why = result.reasons[0];
    throw new FunctionInputError(
      why?.key ?? 'fn.capabilityUndefined',
      `${NAMES[index]} 无定义：${why?.zh ?? '数据不足'}`,
      `${NAMES[index]} is undefined: ${why?.en ?? 'not enough data'}`,
    );
  }
  return v;
}

export const CAPABILITY_HEADER: CellOut[] = ['Cp', 'Cpk', 'Pp', 'Ppk'];

/** KEKAO.CAPABILITY: header and [Cp, Cpk, Pp, Ppk]; an undefined index (one-sided spec) is an error cell with the reason. */
export function capabilityTable(values: unknown, lsl: unknown, usl: unknown, subgroupSize?: unknown): CellOut[][] {
  const r = computeCapability(values, lsl, usl, subgroupSize);
  const why = r.reasons[0];
  const cell = (v: number | null, name: string): CellOut =>
    v ?? cellError('notAvailable', `${name} 无定义：${why?.zh ?? '数据不足'}`, `${name} is undefined: ${why?.en ?? 'not enough data'}`);
  return [CAPABILITY_HEADER, [cell(r.cp, 'Cp'), cell(r.cpk, 'Cpk'), cell(r.pp, 'Pp'), cell(r.ppk, 'Ppk')]];
}
