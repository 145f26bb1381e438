/**
 * The object handed to the submission schema: the form's values at their contract paths, then the
 * data tables' parts, then the score sheet's. The form's paths are data (the contract's `target`
 * strings), so the draft is only typed once the schema has validated it.
 */
import { RUBRIC_OF_KIND, type WorkbookKind } from '../contract.js';
import type { FormTarget } from './formSheet.js';
import type { ScoreSheetInput } from './scoreSheet.js';
import type { BestPracticeTables } from './sections/bestPracticeTables.js';
import type { BreakthroughTables } from './sections/breakthroughTables.js';

type Draft = Record<string, unknown>;

/** Sets `enterprise.name` and the like, creating the objects on the way. */
function setPath(obj: Draft, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Draft;
  }
  o[parts[parts.length - 1]!] = value;
}

export function draftSubmission(
  kind: WorkbookKind,
  form: readonly FormTarget[],
  tables: BestPracticeTables | BreakthroughTables,
  scoreSheet: ScoreSheetInput,
): Draft {
  // The objects the schema requires are present even when empty, so that a missing name is
  // reported as that field ("企业名称不能为空"), not as a missing object.
  const draft: Draft = { rubric: RUBRIC_OF_KIND[kind], enterprise: {} };
  if (kind === 'best-practice') draft.product = {};
  if (kind === 'fmea') draft.case = {};
  if (kind === 'breakthrough') draft.project = {};
  for (const t of form) setPath(draft, t.path, t.value);
  return Object.assign(draft, tables, scoreSheet);
}
