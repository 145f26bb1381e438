import type { z } from 'zod/v4';
import type { Bilingual } from '../i18n/bilingual.js';

/**
 * Validation messages that name the real problem, in Chinese and English ("zh / en", the form the
 * schemas' own messages use and every reader splits): a missing field is "缺少必填字段" only when the
 * field is absent; a wrong value says what was received ("应为数字，收到文本“1.03”"); a number JSON
 * could not hold (1e400 → Infinity) is "数值超出范围"; an integer beyond 2^53 − 1 is "too large",
 * since a double cannot hold it exactly.
 *
 * `bilingualZodError` is a per-parse zod error map (schema.safeParse(data, { error })): schema-level
 * messages still take precedence (zod v4 "error precedence"), so it only words zod's own issues.
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '是/否（true/false）',
  object: '对象',
  array: '数组（列表）',
  bigint: '整数',
};

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What was received, in both languages. */
function received(input: unknown): Bilingual {
  if (input === null) return { zh: '空值（null）', en: 'null' };
  if (typeof input === 'string') return { zh: `文本“${clip(input)}”`, en: `the text "${clip(input)}"` };
  if (typeof input === 'number') return { zh: `数值 ${input}`, en: `the number ${input}` };
  if (typeof input === 'boolean') return { zh: `布尔值 ${input}`, en: `the boolean ${input}` };
  if (Array.isArray(input)) return { zh: '数组（列表）', en: 'an array' };
  if (typeof input === 'object') return { zh: '对象', en: 'an object' };
  return { zh: String(typeof input), en: String(typeof input) };
}

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** The bilingual text of one zod issue, given the input it was raised on (when known). */
function describe(iss: Issue, input: unknown, inputKnown: boolean): Bilingual {
  switch (iss.code) {
    case 'invalid_type': {
      if (inputKnown && input === undefined) return { zh: '缺少必填字段', en: 'missing required field' };
      if (iss.expected === 'number' && typeof input === 'number') {
        return Number.isNaN(input)
          ? { zh: '不是有效数字（NaN）', en: 'not a number (NaN)' }
          : { zh: '数值超出范围（超出双精度浮点数能表示的范围）', en: 'number out of range (beyond what a double can hold)' };
      }
      const want = TYPE_ZH[iss.expected] ?? iss.expected;
      if (!inputKnown) return { zh: `类型错误（应为${want}）`, en: `wrong type (expected ${iss.expected})` };
      const got = received(input);
      return { zh: `应为${want}，收到${got.zh}`, en: `expected ${iss.expected === 'int' ? 'an integer' : `a ${iss.expected}`}, received ${got.en}` };
    }
    case 'too_big':
      if (Number(iss.maximum) === MAX_SAFE) {
        return {
          zh: `数值过大：整数不能超过 2^53 − 1（${MAX_SAFE}），否则无法精确表示`,
          en: `too large: an integer above 2^53 − 1 (${MAX_SAFE}) cannot be represented exactly`,
        };
      }
      return { zh: `数值或长度过大（最大 ${String(iss.maximum)}）`, en: `too large (maximum ${String(iss.maximum)})` };
    case 'too_small':
      if (Number(iss.minimum) === -MAX_SAFE) {
        return { zh: `数值过小：整数不能小于 −(2^53 − 1)`, en: 'too small: an integer below −(2^53 − 1) cannot be represented exactly' };
      }
      return { zh: `数值或长度过小（最小 ${String(iss.minimum)}）`, en: `too small (minimum ${String(iss.minimum)})` };
    case 'invalid_value':
      return { zh: `取值无效（可选：${iss.values.map(String).join('、')}）`, en: `invalid value (allowed: ${iss.values.map(String).join(', ')})` };
    case 'unrecognized_keys':
      return { zh: `未知字段：${iss.keys.join('、')}`, en: `unknown field(s): ${iss.keys.join(', ')}` };
    case 'invalid_union':
      return iss.path !== undefined && iss.path.length === 0
        ? {
            zh: 'rubric 字段无效（可选：reliability-2024、fmea-case-2025、db31-1368-2022）',
            en: 'invalid rubric (allowed: reliability-2024, fmea-case-2025, db31-1368-2022)',
          }
        : { zh: '不符合任何允许的格式', en: 'matches none of the allowed forms' };
    default:
      return { zh: '取值无效', en: 'invalid value' };
  }
}

/** Per-parse zod error map producing "zh / en" messages (see the module comment). */
export const bilingualZodError: z.core.$ZodErrorMap = (iss) => {
  const { zh, en } = describe(iss, iss.input, true);
  return `${zh} / ${en}`;
};

/**
 * The bilingual text of an issue already raised: the schema's or the error map's "zh / en" split,
 * else worded from the issue (the input is known only when parsed with `reportInput`; otherwise a
 * missing field is recognised from zod's own "received undefined").
 */
export function zodIssueText(issue: z.core.$ZodIssue): Bilingual {
  const cut = issue.message.indexOf(' / ');
  if (cut > 0) return { zh: issue.message.slice(0, cut), en: issue.message.slice(cut + 3) };
  const reported = issue as { input?: unknown };
  const known = Object.hasOwn(issue, 'input');
  if (!known && issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { zh: '缺少必填字段', en: 'missing required field' };
  }
  return describe(issue, reported.input, known);
}
