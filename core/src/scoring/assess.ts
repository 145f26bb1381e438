import { z } from 'zod/v4';
import { submissionSchema, type Submission } from '../submission/index.js';
import { bilingualZodError, zodIssueText } from '../submission/zodMessages.js';
import type { Assessment, ValidationIssue } from './assessment.js';
import { assessReliability, type AssessOptions } from './reliability/assessReliability.js';
import { assessFmea } from './assessFmea.js';
import { assessDb31 } from './assessDb31.js';

export type { AssessOptions };

/** Formats a zod path as `ic.parameters[0].stages[1].values[3]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(根 / root)';
}

/** Turns zod issues into bilingual, path-named validation issues (wording: submission/zodMessages.ts). */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => {
    const path = formatPath(i.path);
    const { zh, en } = zodIssueText(i);
    return { path, key: `validation.${i.code}`, zh: `${path}：${zh}`, en: `${path}: ${en}` };
  });
}

export type ValidationResult = { ok: true; submission: Submission } | { ok: false; errors: ValidationIssue[] };

/** Validates any submission (the discriminator is `rubric`); errors name the path of the bad field. */
export function validateSubmission(input: unknown): ValidationResult {
  const r = submissionSchema.safeParse(input, { error: bilingualZodError });
  return r.success ? { ok: true, submission: r.data } : { ok: false, errors: issuesFromZod(r.error) };
}

/** Assesses a validated submission. Pure and total: never throws on a valid submission. */
export function assess(submission: Submission, options: AssessOptions = {}): Assessment {
  switch (submission.rubric) {
    case 'reliability-2024':
      return assessReliability(submission, options);
    case 'fmea-case-2025':
      return assessFmea(submission);
    case 'db31-1368-2022':
      return assessDb31(submission);
  }
}

export type AssessInputResult = { ok: true; submission: Submission; assessment: Assessment } | { ok: false; errors: ValidationIssue[] };

/** Validates then assesses untrusted input (a JSON file, an HTTP body). */
export function assessInput(input: unknown, options: AssessOptions = {}): AssessInputResult {
  const v = validateSubmission(input);
  if (!v.ok) return v;
  return { ok: true, submission: v.submission, assessment: assess(v.submission, options) };
}

/** JSON Schema of the submission (`kekao schema`), generated from the zod schema. */
export function submissionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(submissionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
