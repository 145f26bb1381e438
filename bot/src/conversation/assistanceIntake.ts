import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import { fieldApplies, INTAKE_FIELDS, type IntakeField } from './intakeFields.js';
import { validateAnswer, quoteShort } from './intakeValidation.js';
import type { AssistanceLocation, Bilingual, ConversationPorts } from './ports.js';
import type { Lang } from './types.js';
import { t } from './types.js';

/**
 * The assistance intake (帮扶申请): the Annex A.1 questionnaire as a step-by-step text dialogue
 * and as an Adaptive Card (intakeCard.ts) over the same fields and the same validation. The
 * answers are saved to the database after every step, so a restart in the middle loses nothing.
 */

export const intakeStateSchema = z.object({
  kind: z.literal('assistance-intake'),
  version: z.literal(1),
  answers: z.record(z.string(), z.unknown()),
  location: z.object({ provinceCode: z.string(), cityCode: z.string().optional(), districtCode: z.string().optional(), label: z.string() }).optional(),
  startedAt: z.string(),
  lang: z.enum(['zh', 'en']),
  /** The submission id of this questionnaire (card and text alike): one case per id. */
  cardId: z.string().optional(),
  /** Confirmed by the user after the warning that the organisation already has an open case. */
  duplicateConfirmed: z.boolean().optional(),
});
export type IntakeState = z.infer<typeof intakeStateSchema>;

export function newIntakeState(now: Date, lang: Lang, cardId: string = randomUUID()): IntakeState {
  return { kind: 'assistance-intake', version: 1, answers: {}, startedAt: now.toISOString(), lang, cardId };
}

/** The fields still to ask, in form order (conditional fields only when their condition holds). */
export function pendingFields(state: IntakeState): IntakeField[] {
  return INTAKE_FIELDS.filter((f) => fieldApplies(f, state.answers) && !(f.key in state.answers));
}

function activeFields(answers: Record<string, unknown>): IntakeField[] {
  return INTAKE_FIELDS.filter((f) => fieldApplies(f, answers));
}

/** "第 3/15 项「生产 / 经营地址」" — where the questionnaire stands. */
export function stepLabel(field: IntakeField, state: IntakeState, lang: Lang): string {
  const fields = activeFields(state.answers);
  const n = fields.indexOf(field) + 1;
  return t(lang, `第 ${n}/${fields.length} 项「${field.zh}」`, `step ${n}/${fields.length} (${field.en})`);
}

export function questionText(field: IntakeField, state: IntakeState, lang: Lang): string {
  const fields = activeFields(state.answers);
  const n = fields.indexOf(field) + 1;
  const lines = [
    field.type === 'confirm'
      ? t(
          lang,
          `第 ${n}/${fields.length} 项：请确认——${field.zh}\n回复“确认”表示承诺。`,
          `Step ${n}/${fields.length}: please confirm — ${field.en}\nReply "confirm".`,
        )
      : t(lang, `第 ${n}/${fields.length} 项：请填写「${field.zh}」`, `Step ${n}/${fields.length}: ${field.en}`),
  ];
  if (field.options) {
    lines.push(field.options.map((o, i) => `${i + 1}. ${lang === 'en' ? o.en : o.zh}`).join('\n'));
    lines.push(
      field.type === 'multi'
        ? t(lang, '可多选，回复编号，用逗号分隔（如“1,3”）。', 'Several allowed: reply with numbers, e.g. "1,3".')
        : t(lang, '回复编号或选项文字。', 'Reply with the number or the option.'),
    );
  }
  if (field.type === 'yesno') lines.push(t(lang, '请回复“是”或“否”。', 'Reply yes or no.'));
  if (field.hint) lines.push(field.hint[lang]);
  if (!field.required) lines.push(t(lang, '（选填，可回复“跳过”）', '(optional — reply "skip")'));
  lines.push(t(lang, '随时回复“取消”可退出。', 'Reply "cancel" at any time to stop.'));
  return lines.join('\n');
}

/** How an accepted value is echoed back: the option's label, 是/否, or the text (shortened). */
export function valueLabel(field: IntakeField, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return t(lang, '（未填）', '(left empty)');
  if (typeof value === 'boolean') return field.type === 'confirm' ? t(lang, '已确认', 'confirmed') : value ? t(lang, '是', 'yes') : t(lang, '否', 'no');
  const label = (v: string) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? (lang === 'en' ? o.en : o.zh) : v;
  };
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join(t(lang, '、', ', '));
  return quoteShort(label(String(value)), 40);
}

export interface AnswerStep {
  state: IntakeState;
  /** The accepted answer (undefined when refused). */
  accepted?: { field: IntakeField; value: unknown };
  problem?: Bilingual;
  /** The next field to ask, when there is one. */
  next?: IntakeField;
  complete: boolean;
}

/** Applies one answer (typed text, a card's value, or a skip: `null`) to the current step. */
export function answerStep(state: IntakeState, text: unknown, ports: ConversationPorts): AnswerStep {
  const field = pendingFields(state)[0];
  if (!field) return { state, complete: true };
  const r = validateAnswer(field, text ?? '', ports.programme);
  if (!r.ok) return { state, problem: r.problem, next: field, complete: false };
  const next: IntakeState = { ...state, answers: { ...state.answers, [field.key]: r.value } };
  if (r.location) next.location = r.location;
  const nextField = pendingFields(next)[0];
  return { state: next, accepted: { field, value: r.value }, ...(nextField ? { next: nextField } : {}), complete: !nextField };
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

/**
 * Validates a whole card submit; keeps every valid answer and lists every problem. A field left
 * empty on the card keeps the answer given earlier by text; `typed` is what the user typed into
 * each field, so a card sent back after a bad submit shows all of it, wrong values included.
 */
export function applyCardSubmit(
  state: IntakeState,
  value: Record<string, unknown>,
  ports: ConversationPorts,
): { state: IntakeState; problems: Bilingual[]; typed: Record<string, unknown> } {
  const answers: Record<string, unknown> = {};
  let location: AssistanceLocation | undefined;
  const problems: Bilingual[] = [];
  const typed: Record<string, unknown> = {};
  for (const f of INTAKE_FIELDS) {
    let raw = value[f.key];
    if (!isBlank(raw)) typed[f.key] = raw;
    if (!fieldApplies(f, answers)) continue;
    if (isBlank(raw) && f.key in state.answers && state.answers[f.key] !== null) {
      answers[f.key] = state.answers[f.key];
      if (f.type === 'address' && state.location) location = state.location;
      continue;
    }
    if ((f.type === 'yesno' || f.type === 'confirm') && typeof raw === 'string') raw = raw === 'yes' ? '是' : raw === 'no' ? '否' : raw;
    const r = validateAnswer(f, raw, ports.programme);
    if (r.ok) {
      answers[f.key] = r.value;
      if (r.location) location = r.location;
    } else {
      problems.push(r.problem);
    }
  }
  return { state: { ...state, answers, location: location ?? state.location }, problems, typed };
}
