import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { assess, validateSubmission, type ReliabilitySubmissionInput } from '../src/index.js';

/**
 * English text without Chinese fragments, Chinese text without English ones — over every message
 * key. Two checks:
 *  1. statically, every `note(key, zh, en)` call and every `{ zh, en }` object literal in
 *     core/src: the literal parts of `en` contain no Chinese characters or full-width punctuation,
 *     the literal parts of `zh` no English words but the technical terms below, and no `en`
 *     interpolation reads a `.zh` (nor a `zh` one a `.en`);
 *  2. dynamically, every bilingual text anywhere in assessments of generated submissions (names
 *     without letters, so that user data cannot hide a fragment) passes the same test, with the
 *     interpolated numbers and words filled in.
 */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Terms that stay in Latin letters in Chinese text: indices, people, file formats, field values. */
const ALLOWED_IN_ZH = new Set([
  'Cpk',
  'Ppk',
  'LSL',
  'USL',
  'Vangel',
  'Meeker',
  'Escobar',
  'max',
  'min',
  'FMEA',
  'DFMEA',
  'PFMEA',
  'Word',
  'PDF',
  'Excel',
  'kWh',
  'null',
  'NaN',
  'rubric',
  'reliability',
  'fmea',
  'case',
  'true',
  'false',
]);
const englishWords = (zh: string) => (zh.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED_IN_ZH.has(w));

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Parts {
  literals: string[];
  expressions: string[];
}

function parts(e: ts.Expression, out: Parts = { literals: [], expressions: [] }): Parts {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) out.literals.push(e.text);
  else if (ts.isTemplateExpression(e)) {
    out.literals.push(e.head.text);
    for (const span of e.templateSpans) {
      out.expressions.push(span.expression.getText());
      out.literals.push(span.literal.text);
    }
  } else if (ts.isConditionalExpression(e)) {
    parts(e.whenTrue, out);
    parts(e.whenFalse, out);
  } else if (ts.isParenthesizedExpression(e)) parts(e.expression, out);
  else out.expressions.push(e.getText());
  return out;
}

interface Message {
  where: string;
  zh: Parts;
  en: Parts;
}

function messages(): Message[] {
  const found: Message[] = [];
  for (const file of sources(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = file.slice(SRC.length);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'note' && n.arguments.length >= 3) {
        const [key, zh, en] = n.arguments;
        found.push({ where: `${rel} ${key!.getText()}`, zh: parts(zh!), en: parts(en!) });
      }
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (name: string) => n.properties.find((q): q is ts.PropertyAssignment => ts.isPropertyAssignment(q) && q.name.getText() === name);
        const zh = prop('zh');
        const en = prop('en');
        if (zh && en)
          found.push({ where: `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`, zh: parts(zh.initializer), en: parts(en.initializer) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('every message key in core/src, statically', () => {
  const all = messages();

  it('finds the messages (the scan is not vacuous)', () => {
    expect(all.filter((m) => m.where.includes("'")).length).toBeGreaterThan(150);
  });

  it('English literals contain no Chinese; Chinese literals no English words', () => {
    const bad = all.flatMap((m) => [
      ...m.en.literals.filter((t) => CJK.test(t)).map((t) => `${m.where} en: ${t}`),
      ...m.zh.literals.flatMap(englishWords).map((w) => `${m.where} zh: ${w}`),
    ]);
    expect(bad).toEqual([]);
  });

  it('no English text interpolates a Chinese field, and no Chinese text an English one', () => {
    const bad = all.flatMap((m) => [
      ...m.en.expressions.filter((x) => /\.zh\b/.test(x)).map((x) => `${m.where} en: \${${x}}`),
      ...m.zh.expressions.filter((x) => /\.en\b/.test(x)).map((x) => `${m.where} zh: \${${x}}`),
    ]);
    expect(bad).toEqual([]);
  });
});

/** Every { zh, en } pair of strings anywhere in a value. */
function bilingualTexts(v: unknown, out: { zh: string; en: string; key?: string }[] = []): { zh: string; en: string; key?: string }[] {
  if (Array.isArray(v)) for (const x of v) bilingualTexts(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') out.push({ zh: o.zh, en: o.en, key: typeof o.key === 'string' ? o.key : undefined });
    for (const x of Object.values(o)) if (typeof x !== 'function') bilingualTexts(x, out);
  }
  return out;
}

const label = fc.integer({ min: 1, max: 99 }).map((i) => `P${i}`);
const value = fc.double({ min: -50, max: 150, noNaN: true });
const submissionArb: fc.Arbitrary<ReliabilitySubmissionInput> = fc.record({
  rubric: fc.constant('reliability-2024' as const),
  enterprise: fc.record({ name: label }),
  product: fc.record({ name: label, family: fc.constantFrom('general', 'electronic') }),
  basicRequirements: fc.record({
    parameterChoice: fc.boolean(),
    sampleState: fc.constant(true),
    sampleSize: fc.constant(true),
    fieldData: fc.constant(true),
    instruments: fc.constant(true),
    testPlan: fc.constant(true),
    resultData: fc.constant(true),
  }),
  ic: fc.record({
    parameters: fc.array(
      fc.record({
        name: label,
        stages: fc.array(
          fc.record({ stage: fc.constantFrom('t0', 't1'), usageHours: fc.constantFrom(0, 50, 500), values: fc.array(value, { maxLength: 60 }) }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { maxLength: 2 },
    ),
  }),
  id: fc.record({
    parameters: fc.array(
      fc.record({
        name: label,
        limit: value,
        direction: fc.constantFrom('min' as const, 'max' as const),
        ratedLife: fc.constantFrom(10, 100, 1000),
        model: fc.constantFrom('linear' as const, 'exponential' as const, 'power' as const, 'logarithmic' as const, 'auto' as const),
        units: fc.array(
          fc.integer({ min: 0, max: 6 }).chain((n) =>
            fc.record({
              id: label,
              times: fc.constant(Array.from({ length: n }, (_, i) => i * 100)),
              values: fc.array(value, { minLength: n, maxLength: n }),
            }),
          ),
          { minLength: 1, maxLength: 7 },
        ),
      }),
      { maxLength: 2 },
    ),
  }),
  ir: fc.record({
    scenarios: fc.array(
      fc.record({ name: label, limit: value, direction: fc.constantFrom('min' as const, 'max' as const), values: fc.array(value, { maxLength: 5 }) }),
      { maxLength: 4 },
    ),
  }),
  w: fc.option(
    fc.record({
      before: fc.record({ failures: fc.nat(50), exposure: fc.constantFrom(10, 1000) }),
      after: fc.record({ failures: fc.nat(50), exposure: fc.constantFrom(10, 1000) }),
    }),
    { nil: undefined },
  ),
  scores: fc.record(
    { Ic: fc.record({ raw: fc.integer({ min: 0, max: 100 }) }), W: fc.record({ raw: fc.integer({ min: 0, max: 100 }) }) },
    { requiredKeys: [] },
  ),
});

describe('every bilingual text of generated assessments', () => {
  it('English has no Chinese, Chinese no English words (names are letter-free)', () => {
    fc.assert(
      fc.property(submissionArb, (input) => {
        const v = validateSubmission(input);
        if (!v.ok) return;
        for (const t of bilingualTexts(assess(v.submission))) {
          expect(CJK.test(t.en), `${t.key}: ${t.en}`).toBe(false);
          expect(englishWords(t.zh), `${t.key}: ${t.zh}`).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
