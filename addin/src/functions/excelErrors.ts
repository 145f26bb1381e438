import { FunctionInputError, isCellError, type CellOut } from './cellInput.js';

/**
 * The slice of Excel's `CustomFunctions` global (@types/custom-functions-runtime) the registration
 * layer uses; the pure logic and its tests never need the global itself.
 */
export type CustomFunctionsApi = Pick<typeof CustomFunctions, 'Error' | 'ErrorCode' | 'associate'>;

/** The runtime's CustomFunctions object, or null outside Excel (preview mode, tests). */
export function customFunctionsApi(): CustomFunctionsApi | null {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;
  return cf && typeof cf.associate === 'function' ? cf : null;
}

/**
 * Runs a pure function and converts its failures into Excel errors with a message: a bad argument
 * → #VALUE! carrying `zh / en (key)`; an error cell inside a spilled result → #N/A or #NUM! with
 * its reason. Anything unexpected is also #VALUE! with the message — never a bare #VALUE!.
 */
export function toExcel<T extends number | CellOut[][]>(api: CustomFunctionsApi, compute: () => T): T {
  let result: T;
  try {
    result = compute();
  } catch (e) {
    if (e instanceof FunctionInputError) throw new api.Error(api.ErrorCode.invalidValue, `${e.zh} / ${e.en} (${e.key})`);
    const message = e instanceof Error ? e.message : String(e);
    throw new api.Error(api.ErrorCode.invalidValue, `内部错误 / internal error: ${message}`);
  }
  if (typeof result === 'number') return result;
  return result.map((row) => row.map((cell) => (isCellError(cell) ? new api.Error(api.ErrorCode[cell.kekaoError], cell.message) : cell))) as T;
}
