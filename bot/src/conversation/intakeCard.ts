import { card, heading, para, submit } from './cards.js';
import { INTAKE_FIELDS, INTAKE_SOURCE } from './intakeFields.js';
import type { IntakeState } from './assistanceIntake.js';
import type { Bilingual } from './ports.js';
import type { ChannelCapabilities } from './channelCapabilities.js';
import type { AdaptiveCard, Lang } from './types.js';
import { t } from './types.js';

/**
 * The whole A.1 form as an Adaptive Card 1.5, pre-filled with the answers given so far — and, after
 * a submit with problems, with everything the user typed (wrong values too, so nothing has to be
 * typed twice). The submit button carries the questionnaire's id: the same card submitted twice
 * opens one case.
 */

function prefill(prev: unknown): string | undefined {
  if (prev === undefined || prev === null) return undefined;
  if (typeof prev === 'boolean') return prev ? 'yes' : 'no';
  return Array.isArray(prev) ? prev.join(',') : String(prev);
}

export function intakeCard(state: IntakeState, lang: Lang, problems: Bilingual[] = [], typed: Record<string, unknown> = {}): AdaptiveCard {
  const body: unknown[] = [
    heading(t(lang, '质量技术帮扶申请表', 'Quality and technical assistance application')),
    para(t(lang, `依据：${INTAKE_SOURCE}`, `Form: ${INTAKE_SOURCE}`), { isSubtle: true, size: 'Small' }),
  ];
  if (problems.length) body.push(para(problems.map((p) => `• ${p[lang]}`).join('\n'), { color: 'Attention' }));
  for (const f of INTAKE_FIELDS) {
    const label = lang === 'en' ? f.en : f.zh;
    const value = prefill(f.key in typed ? typed[f.key] : state.answers[f.key]);
    const common = { id: f.key, label, isRequired: f.required && !f.askWhen, errorMessage: t(lang, `请填写「${f.zh}」`, `${f.en} is required`) };
    if (f.type === 'choice' || f.type === 'multi') {
      body.push({
        type: 'Input.ChoiceSet',
        ...common,
        style: 'expanded',
        isMultiSelect: f.type === 'multi',
        choices: f.options!.map((o) => ({ title: lang === 'en' ? o.en : o.zh, value: o.value })),
        ...(value !== undefined ? { value } : {}),
      });
    } else if (f.type === 'confirm') {
      body.push({
        type: 'Input.Toggle',
        id: f.key,
        title: label,
        label: t(lang, '承诺', 'Commitment'),
        valueOn: 'yes',
        valueOff: 'no',
        isRequired: true,
        errorMessage: t(lang, '须确认承诺', 'Please confirm'),
        wrap: true,
        ...(value === 'yes' ? { value: 'yes' } : {}),
      });
    } else if (f.type === 'yesno') {
      body.push({
        type: 'Input.ChoiceSet',
        ...common,
        style: 'expanded',
        choices: [
          { title: t(lang, '是', 'yes'), value: 'yes' },
          { title: t(lang, '否', 'no'), value: 'no' },
        ],
        ...(value !== undefined ? { value } : {}),
      });
    } else {
      const input: Record<string, unknown> = {
        type: 'Input.Text',
        ...common,
        isMultiline: f.type === 'longText',
        placeholder: f.hint ? f.hint[lang] : undefined,
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(value !== undefined ? { value } : {}),
      };
      // Client-side checks mirror the server's (the server validates again regardless).
      if (f.type === 'phone') input.regex = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d+)?)$';
      if (f.type === 'uscc') input.regex = '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$';
      body.push(input);
    }
  }
  return card(body, [
    submit(t(lang, '提交申请', 'Submit'), { action: 'assistance.submit', cardId: state.cardId, lang }),
    // Cancelling needs none of the inputs: without associatedInputs 'none' a client would first
    // insist on the required fields.
    { ...(submit(t(lang, '取消', 'Cancel'), { action: 'cancel' }) as object), associatedInputs: 'none' },
  ]);
}

/**
 * The first line of a new questionnaire. It offers the form card only where the card can be filled
 * in: on a channel whose cards take no typed input (WeCom) the member answers field by field, and
 * only the questions with options come as cards to choose from.
 */
export function intakeOpening(lang: Lang, channel: ChannelCapabilities): string {
  return channel.typedCardInputs
    ? t(lang, '质量技术帮扶申请：可以直接填写下面的申请表卡片，也可以逐项回复文字。', 'Assistance request: fill in the card below, or answer step by step.')
    : t(
        lang,
        '质量技术帮扶申请：请按提示逐项回复文字消息，有选项的问题可在卡片上直接选择。',
        'Assistance request: answer the questions one by one as messages; where a question has options, choose them on its card.',
      );
}
