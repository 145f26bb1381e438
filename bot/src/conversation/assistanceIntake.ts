import { z } from 'zod/v4';
import { card, facts, heading, para, submit } from './cards.js';
import { fieldApplies, INTAKE_FIELDS, INTAKE_SOURCE, type IntakeField } from './intakeFields.js';
import { validateAnswer } from './intakeValidation.js';
import type { AssistanceLocation, Bilingual, ConversationPorts, Identity, TriageResult } from './ports.js';
import type { AdaptiveCard, ChatReply, ChatUser, Lang } from './types.js';
import { t } from './types.js';

/**
 * The assistance intake (帮扶申请): the Annex A.1 questionnaire as an Adaptive Card and as a
 * step-by-step text dialogue over the same fields and the same validation. The answers are saved
 * to the database after every step, so a restart in the middle loses nothing.
 */

export const intakeStateSchema = z.object({
  kind: z.literal('assistance-intake'),
  version: z.literal(1),
  answers: z.record(z.string(), z.unknown()),
  location: z
    .object({ provinceCode: z.string(), cityCode: z.string().optional(), districtCode: z.string().optional(), label: z.string() })
    .optional(),
  startedAt: z.string(),
  lang: z.enum(['zh', 'en']),
});
export type IntakeState = z.infer<typeof intakeStateSchema>;

export function newIntakeState(now: Date, lang: Lang): IntakeState {
  return { kind: 'assistance-intake', version: 1, answers: {}, startedAt: now.toISOString(), lang };
}

/** The fields still to ask, in form order (conditional fields only when their condition holds). */
export function pendingFields(state: IntakeState): IntakeField[] {
  return INTAKE_FIELDS.filter((f) => fieldApplies(f, state.answers) && !(f.key in state.answers));
}

function activeFields(answers: Record<string, unknown>): IntakeField[] {
  return INTAKE_FIELDS.filter((f) => fieldApplies(f, answers));
}

export function questionText(field: IntakeField, state: IntakeState, lang: Lang): string {
  const fields = activeFields(state.answers);
  const n = fields.indexOf(field) + 1;
  const lines = [
    field.type === 'confirm'
      ? t(lang, `第 ${n}/${fields.length} 项：请确认——${field.zh}\n回复“确认”表示承诺。`, `Step ${n}/${fields.length}: please confirm — ${field.en}\nReply "confirm".`)
      : t(lang, `第 ${n}/${fields.length} 项：请填写「${field.zh}」`, `Step ${n}/${fields.length}: ${field.en}`),
  ];
  if (field.options) {
    lines.push(field.options.map((o, i) => `${i + 1}. ${lang === 'en' ? o.en : o.zh}`).join('\n'));
    lines.push(field.type === 'multi' ? t(lang, '可多选，回复编号，用逗号分隔（如“1,3”）。', 'Several allowed: reply with numbers, e.g. "1,3".') : t(lang, '回复编号或选项文字。', 'Reply with the number or the option.'));
  }
  if (field.type === 'yesno') lines.push(t(lang, '请回复“是”或“否”。', 'Reply yes or no.'));
  if (field.hint) lines.push(field.hint[lang]);
  if (!field.required) lines.push(t(lang, '（选填，可回复“跳过”）', '(optional — reply "skip")'));
  lines.push(t(lang, '随时回复“取消”可退出。', 'Reply "cancel" at any time to stop.'));
  return lines.join('\n');
}

/** The whole form as an Adaptive Card 1.5, pre-filled with the answers given so far. */
export function intakeCard(state: IntakeState, lang: Lang, problems: Bilingual[] = []): AdaptiveCard {
  const body: unknown[] = [
    heading(t(lang, '质量技术帮扶申请表', 'Quality and technical assistance application')),
    para(t(lang, `依据：${INTAKE_SOURCE}`, `Form: ${INTAKE_SOURCE}`), { isSubtle: true, size: 'Small' }),
  ];
  if (problems.length) {
    body.push(para(problems.map((p) => `• ${p[lang]}`).join('\n'), { color: 'Attention' }));
  }
  const a = state.answers;
  for (const f of INTAKE_FIELDS) {
    const label = lang === 'en' ? f.en : f.zh;
    const prev = a[f.key];
    const common = { id: f.key, label, isRequired: f.required && !f.askWhen, errorMessage: t(lang, `请填写「${f.zh}」`, `${f.en} is required`) };
    if (f.type === 'choice' || f.type === 'multi') {
      body.push({
        type: 'Input.ChoiceSet',
        ...common,
        style: 'expanded',
        isMultiSelect: f.type === 'multi',
        choices: f.options!.map((o) => ({ title: lang === 'en' ? o.en : o.zh, value: o.value })),
        ...(prev != null ? { value: Array.isArray(prev) ? prev.join(',') : String(prev) } : {}),
      });
    } else if (f.type === 'confirm') {
      body.push({ type: 'Input.Toggle', id: f.key, title: lang === 'en' ? f.en : f.zh, label: t(lang, '承诺', 'Commitment'), valueOn: 'yes', valueOff: 'no', isRequired: true, errorMessage: t(lang, '须确认承诺', 'Please confirm'), wrap: true, ...(prev === true ? { value: 'yes' } : {}) });
    } else if (f.type === 'yesno') {
      body.push({
        type: 'Input.ChoiceSet',
        ...common,
        style: 'expanded',
        choices: [
          { title: t(lang, '是', 'yes'), value: 'yes' },
          { title: t(lang, '否', 'no'), value: 'no' },
        ],
        ...(prev != null ? { value: prev ? 'yes' : 'no' } : {}),
      });
    } else {
      const input: Record<string, unknown> = {
        type: 'Input.Text',
        ...common,
        isMultiline: f.type === 'longText',
        placeholder: f.hint ? f.hint[lang] : undefined,
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(typeof prev === 'string' ? { value: prev } : {}),
      };
      // Client-side checks mirror the server's (the server validates again regardless).
      if (f.type === 'phone') input.regex = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d+)?)$';
      if (f.type === 'uscc') input.regex = '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$';
      body.push(input);
    }
  }
  // Cancelling needs none of the inputs: without associatedInputs 'none' a client would first
  // insist on the required fields.
  return card(body, [submit(t(lang, '提交申请', 'Submit'), { action: 'assistance.submit' }), { ...(submit(t(lang, '取消', 'Cancel'), { action: 'cancel' }) as object), associatedInputs: 'none' }]);
}

/**
 * The choices of one step as a small card (a choice set and an OK button), so a channel can offer
 * them as a selection instead of asking for a typed number; `undefined` for fields answered by text.
 */
export function stepCard(field: IntakeField, lang: Lang): AdaptiveCard | undefined {
  const yes = { title: t(lang, '是', 'yes'), value: 'yes' };
  const choices =
    field.type === 'choice' || field.type === 'multi'
      ? field.options!.map((o) => ({ title: lang === 'en' ? o.en : o.zh, value: o.value }))
      : field.type === 'yesno'
        ? [yes, { title: t(lang, '否', 'no'), value: 'no' }]
        : field.type === 'confirm'
          ? [{ title: t(lang, '确认承诺', 'I confirm'), value: 'yes' }]
          : undefined;
  if (!choices) return undefined;
  return card(
    [heading(lang === 'en' ? field.en : field.zh), { type: 'Input.ChoiceSet', id: field.key, style: 'expanded', isMultiSelect: field.type === 'multi', choices }],
    [submit(t(lang, '确定', 'OK'), { action: 'assistance.answer', field: field.key })],
  );
}

/** The question of a step, with its choice card when it has choices. */
export function questionReply(field: IntakeField, state: IntakeState, lang: Lang, lead?: string): ChatReply {
  const text = `${lead ? `${lead}\n` : ''}${questionText(field, state, lang)}`;
  const c = stepCard(field, lang);
  return c ? { text, card: c } : { text };
}

export interface IntakeStep {
  state: IntakeState | null;
  replies: ChatReply[];
}

/** Applies one typed answer to the current step. */
export function answerStep(state: IntakeState, answer: unknown, ports: ConversationPorts, lang: Lang): { state: IntakeState; replies: ChatReply[]; complete: boolean } {
  const field = pendingFields(state)[0];
  if (!field) return { state, replies: [], complete: true };
  const r = validateAnswer(field, answer, ports.programme);
  if (!r.ok) {
    return { state, replies: [questionReply(field, state, lang, `${r.problem[lang]}\n`)], complete: false };
  }
  const next: IntakeState = { ...state, answers: { ...state.answers, [field.key]: r.value } };
  if (r.location) next.location = r.location;
  // An 其他 option that was removed drops its text so the form stays consistent.
  const nextField = pendingFields(next)[0];
  if (!nextField) return { state: next, replies: [], complete: true };
  return { state: next, replies: [questionReply(nextField, next, lang, t(lang, '已记录。', 'Saved.'))], complete: false };
}

/** Validates a whole card submit; keeps every valid answer and lists every problem. */
export function applyCardSubmit(state: IntakeState, value: Record<string, unknown>, ports: ConversationPorts): { state: IntakeState; problems: Bilingual[] } {
  const answers: Record<string, unknown> = {};
  let location: AssistanceLocation | undefined;
  const problems: Bilingual[] = [];
  for (const f of INTAKE_FIELDS) {
    let raw = value[f.key];
    if ((f.type === 'yesno' || f.type === 'confirm') && typeof raw === 'string') raw = raw === 'yes' ? '是' : raw === 'no' ? '否' : raw;
    if (!fieldApplies(f, answers)) continue;
    const r = validateAnswer(f, raw, ports.programme);
    if (r.ok) {
      answers[f.key] = r.value;
      if (r.location) location = r.location;
    } else {
      problems.push(r.problem);
    }
  }
  return { state: { ...state, answers, location: location ?? state.location }, problems };
}

/** Triage (guide §7.2), case creation and notification of the officers covering the place. */
export async function completeIntake(
  state: IntakeState,
  ports: ConversationPorts,
  applicant: ChatUser,
  identity: Identity | undefined,
  lang: Lang,
): Promise<{ replies: ChatReply[]; caseId?: string; triage?: TriageResult; notified: string[] }> {
  const location = state.location!;
  const triage = ports.programme.triage(state.answers);
  const created = await ports.assistance.createCase({ answers: state.answers, location, triage, applicant, identity });
  if ('refused' in created) {
    return { replies: [{ text: t(lang, `无法登记帮扶申请：${created.refused.zh}`, `The request cannot be registered: ${created.refused.en}`) }], notified: [] };
  }
  const officers = await ports.assistance.officersCovering(location);
  const decisionText: Record<TriageResult['decision'], Bilingual> = {
    started: { zh: '启动帮扶', en: 'assistance started' },
    'not-started': { zh: '不启动帮扶', en: 'assistance not started' },
    'out-of-scope': { zh: '不属于帮扶范围', en: 'outside the scope of assistance' },
  };
  const unit = String(state.answers.orgName);
  const reasons = triage.reasons.map((r) => `• ${r[lang]}`).join('\n');
  const notice: ChatReply = {
    text: t(
      lang,
      `新的帮扶申请：${unit}（${location.label}）\n判定：${decisionText[triage.decision].zh}\n${triage.reasons.map((r) => `• ${r.zh}`).join('\n')}\n依据：${triage.clause}\n案件编号：${created.id}`,
      `New assistance request: ${unit} (${location.label})\nDecision: ${decisionText[triage.decision].en}\n${triage.reasons.map((r) => `• ${r.en}`).join('\n')}\nClause: ${triage.clause}\nCase: ${created.id}`,
    ),
  };
  const sent = officers.length ? await ports.notify.notifyUsers(officers.map((o) => o.userId), [notice]) : { delivered: [], failed: [] };
  const officerLine =
    officers.length === 0
      ? t(lang, `暂无覆盖${location.label}的监管人员在 kekao 登记，请联系所在区（县）市场监管局。`, `No officer covering ${location.label} is registered in kekao yet; please contact the district bureau.`)
      : t(lang, `已通知覆盖${location.label}的监管人员 ${sent.delivered.length} 名${sent.failed.length ? `；另有 ${sent.failed.length} 名尚未与 kekao 对话过，无法主动通知，请另行告知` : ''}。`, `Notified ${sent.delivered.length} officer(s) covering ${location.label}${sent.failed.length ? `; ${sent.failed.length} have never talked to kekao and cannot be notified proactively` : ''}.`);
  const text = [
    t(lang, `帮扶申请已受理登记，案件编号：${created.id}`, `The assistance request is registered as case ${created.id}.`),
    t(lang, `判定：${decisionText[triage.decision].zh}`, `Decision: ${decisionText[triage.decision].en}`),
    t(lang, '理由：', 'Reasons:'),
    reasons,
    t(lang, `依据：${triage.clause}`, `Clause: ${triage.clause}`),
    officerLine,
  ].join('\n');
  const result = card([
    heading(t(lang, '帮扶申请判定结果', 'Assistance triage')),
    facts([
      [t(lang, '单位', 'Organisation'), unit],
      [t(lang, '所在地', 'Place'), location.label],
      [t(lang, '判定', 'Decision'), decisionText[triage.decision][lang]],
      [t(lang, '案件编号', 'Case'), created.id],
    ]),
    para(reasons),
    para(t(lang, `依据：${triage.clause}`, `Clause: ${triage.clause}`), { isSubtle: true, size: 'Small' }),
    para(officerLine, { isSubtle: true }),
  ]);
  return { replies: [{ text, card: result }], caseId: created.id, triage, notified: sent.delivered };
}
