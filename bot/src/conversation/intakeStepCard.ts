import { questionText, type IntakeState } from './assistanceIntake.js';
import { card, heading, submit } from './cards.js';
import type { IntakeField } from './intakeFields.js';
import type { AdaptiveCard, ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * The choices of one questionnaire step as a small card (a choice set and an OK button), so a
 * channel can offer them as a selection instead of asking for a typed number — WeCom, whose cards
 * have no text inputs, asks every choice this way; `undefined` for fields answered by text.
 */
export function stepCard(field: IntakeField, lang: Lang): AdaptiveCard | undefined {
  const choices =
    field.type === 'choice' || field.type === 'multi'
      ? field.options!.map((o) => ({ title: lang === 'en' ? o.en : o.zh, value: o.value }))
      : field.type === 'yesno'
        ? [
            { title: t(lang, '是', 'yes'), value: 'yes' },
            { title: t(lang, '否', 'no'), value: 'no' },
          ]
        : field.type === 'confirm'
          ? [{ title: t(lang, '确认承诺', 'I confirm'), value: 'yes' }]
          : undefined;
  if (!choices) return undefined;
  return card(
    [
      heading(lang === 'en' ? field.en : field.zh),
      { type: 'Input.ChoiceSet', id: field.key, style: 'expanded', isMultiSelect: field.type === 'multi', choices },
    ],
    [submit(t(lang, '确定', 'OK'), { action: 'assistance.answer', field: field.key, lang })],
  );
}

/** The question of a step (after an optional lead line), with its choice card when it has choices. */
export function questionReply(field: IntakeField, state: IntakeState, lang: Lang, lead?: string): ChatReply {
  const text = `${lead ? `${lead}\n` : ''}${questionText(field, state, lang)}`;
  const c = stepCard(field, lang);
  return c ? { text, card: c } : { text };
}
