import { readFileSync } from 'node:fs';
import { z } from 'zod/v4';
import { INTENTS } from '../../src/conversation/understanding/intents.js';

/**
 * The evaluation file format (JSON Lines): one message, where it is said, and what a correct
 * answer does. Validated line by line; a bad line stops the run with its number and the problem.
 */

export const ROLES = ['unregistered', 'enterprise', 'officer', 'reviewer', 'secretariat'] as const;
export const FIELDS = [
  'orgName',
  'uscc',
  'address',
  'contact',
  'phone',
  'industry',
  'size',
  'productCategory',
  'problemTypes',
  'problemDetails',
  'needs',
  'measuresTaken',
  'willing',
  'commitment',
  'evidence',
] as const;

export const evalCaseSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1).max(4000),
  context: z.object({
    role: z.enum(ROLES),
    inQuestionnaire: z.enum(FIELDS).nullable().default(null),
  }),
  expect: z.object({
    intent: z.enum(INTENTS),
    place: z.string().optional(),
    indicators: z.array(z.enum(['Ic', 'Id', 'Ir', 'W', 'C', 'G', 'FMEA'])).optional(),
    score: z.object({ entry: z.number().int().optional(), indicator: z.string(), raw: z.number() }).optional(),
    enterprise: z.string().optional(),
    answerContains: z.array(z.string()).optional(),
    value: z.unknown().optional(),
  }),
  category: z.string().default('uncategorised'),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export function parseEvalCases(jsonl: string, source: string): EvalCase[] {
  const out: EvalCase[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new Error(`${source}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const r = evalCaseSchema.safeParse(json);
    if (!r.success) throw new Error(`${source}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push(r.data);
  });
  return out;
}

export function loadEvalCases(file: string): EvalCase[] {
  return parseEvalCases(readFileSync(file, 'utf8'), file);
}
