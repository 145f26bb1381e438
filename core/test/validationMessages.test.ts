import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { issuesFromZod, validateSubmission } from '../src/index.js';

/** Validation messages name the real problem in both languages ("缺少必填字段" only when missing). */
function errorsFor(mutate: (s: Record<string, any>) => void) {
  const s: Record<string, any> = {
    rubric: 'reliability-2024',
    enterprise: { name: 'e' },
    product: { name: 'p' },
    ic: { parameters: [{ name: 'v', stages: [{ stage: 't0', values: [1, 2, 3] }] }] },
  };
  mutate(s);
  const r = validateSubmission(s);
  if (r.ok) throw new Error('expected a validation error');
  return r.errors;
}

const AT = 'ic.parameters[0].stages[0].values[1]';
const setValue = (v: unknown) => (s: Record<string, any>) => (s.ic.parameters[0].stages[0].values[1] = v);

describe('validation messages', () => {
  it('1e400 in a JSON file (Infinity) → 数值超出范围, not "missing required field"', () => {
    const [e] = errorsFor(setValue(JSON.parse('[1e400]')[0]));
    expect(e!.path).toBe(AT);
    expect(e!.zh).toBe(`${AT}：数值超出范围（超出双精度浮点数能表示的范围）`);
    expect(e!.en).toBe(`${AT}: number out of range (beyond what a double can hold)`);
  });

  it('the text "1.03" → 应为数字，收到文本“1.03”', () => {
    const [e] = errorsFor(setValue('1.03'));
    expect(e!.zh).toBe(`${AT}：应为数字，收到文本“1.03”`);
    expect(e!.en).toBe(`${AT}: expected a number, received the text "1.03"`);
  });

  it('the text "NaN" and null name what was received', () => {
    expect(errorsFor(setValue('NaN'))[0]!.zh).toBe(`${AT}：应为数字，收到文本“NaN”`);
    expect(errorsFor(setValue(null))[0]!.zh).toBe(`${AT}：应为数字，收到空值（null）`);
    expect(errorsFor(setValue(null))[0]!.en).toBe(`${AT}: expected a number, received null`);
    expect(errorsFor(setValue(Number.NaN))[0]!.zh).toBe(`${AT}：不是有效数字（NaN）`);
  });

  it('缺少必填字段 only when the field is absent', () => {
    const [missing] = errorsFor((s) => delete s.product.name);
    expect(missing!.zh).toBe('product.name：缺少必填字段');
    expect(missing!.en).toBe('product.name: missing required field');
    const [wrongType] = errorsFor((s) => (s.product.name = 42));
    expect(wrongType!.zh).toBe('product.name：应为文本，收到数值 42');
    for (const v of [JSON.parse('[1e400]')[0], '1.03', 'NaN', null]) {
      expect(errorsFor(setValue(v))[0]!.zh).not.toContain('缺少必填字段');
    }
  });

  it('2^60 failures is refused as too large, not as "not an integer"', () => {
    const [e] = errorsFor((s) => (s.w = { before: { failures: 2 ** 60, exposure: 1e30 }, after: { failures: 1, exposure: 10 } }));
    expect(e!.path).toBe('w.before.failures');
    expect(e!.zh).toContain('数值过大：整数不能超过 2^53 − 1（9007199254740991）');
    expect(e!.en).toContain('too large: an integer above 2^53 − 1');
    expect(e!.en).not.toContain('must be an integer');
    const [frac] = errorsFor((s) => (s.w = { before: { failures: 1.5, exposure: 10 }, after: { failures: 1, exposure: 10 } }));
    expect(frac!.zh).toBe('w.before.failures：故障数必须是整数');
  });

  it('issues from another parse without the error map still do not call a wrong type "missing"', () => {
    const r = z.object({ n: z.number(), s: z.string() }).safeParse({ n: 'x' });
    const issues = issuesFromZod(r.error!);
    expect(issues.find((i) => i.path === 'n')!.zh).toBe('n：类型错误（应为数字）');
    expect(issues.find((i) => i.path === 's')!.zh).toBe('s：缺少必填字段');
  });
});
