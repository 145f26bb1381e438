/**
 * The last step of reading: the draft checked against the submission schema. What the schema
 * refuses becomes an error at the cell the value came from; what it accepts is the submission,
 * with the contact person of the form added for the 推荐汇总表.
 */
import { bilingualZodError, submissionSchema, type Submission } from '../../submission/index.js';
import type { WorkbookKind } from '../contract.js';
import type { CellNoteCollector } from '../cellNotes.js';
import type { CellOrigins } from './cellOrigins.js';
import type { WorkbookReading } from './workbookCells.js';
import type { Bilingual } from '../../i18n/bilingual.js';

/** Zod's bilingual messages are written "中文 / English". */
function splitMessage(m: string): Bilingual {
  const i = m.indexOf(' / ');
  return i > 0 ? { zh: m.slice(0, i), en: m.slice(i + 3) } : { zh: m, en: m };
}

/** Form field key → contact field. */
const CONTACT_FIELDS = [
  ['contact', 'name'],
  ['phone', 'phone'],
  ['mobile', 'mobile'],
  ['email', 'email'],
  ['position', 'title'],
] as const;

export function validateSubmission(
  kind: WorkbookKind,
  draft: unknown,
  form: Record<string, string>,
  notes: CellNoteCollector,
  origins: CellOrigins,
): WorkbookReading {
  const parsed = submissionSchema.safeParse(draft, { error: bilingualZodError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = origins.locate(issue.path as PropertyKey[]);
      const { zh, en } = splitMessage(issue.message);
      const path = issue.path.map(String).join('.');
      notes.errors.push({ sheet: at?.sheet ?? '', cell: at?.cell ?? '', key: 'submission.invalid', zh: `${zh}（${path}）`, en: `${en} (${path})` });
    }
    return { kind, form, warnings: notes.warnings, errors: notes.errors };
  }
  // The contact person is not part of the scored submission; the 推荐汇总表 (Annexes 5/6) needs it.
  const contact: Record<string, string> = {};
  for (const [from, to] of CONTACT_FIELDS) {
    if (form[from]) contact[to] = form[from]!;
  }
  const submission = Object.keys(contact).length ? (Object.assign(parsed.data, { contact }) as Submission) : parsed.data;
  return { kind, submission, form, warnings: notes.warnings, errors: notes.errors };
}
