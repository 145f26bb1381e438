import { card, para, submit } from './cards.js';
import { INTENT_LABELS, type Intent } from './understanding/intents.js';
import type { ChatChoice, ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * The short replies: small talk, the one-line decline of an off-topic request, the clarifying
 * question with its candidates as buttons, and the "I can help with …" line when nothing fits.
 * None of them lists the whole menu — that is what “帮助” is for.
 */

const CAN_DO = {
  zh: '查联系人、截止时间、材料清单和推荐流程，办理帮扶申请，查询申报和帮扶进度，评审打分，解答评分标准',
  en: 'contacts, the deadline, the materials and the flow; assistance requests; submission and case status; reviewer scores; rubric questions',
};

export function greetingReply(lang: Lang): ChatReply {
  return {
    text: t(
      lang,
      `您好！我是 kekao（可靠），可以帮您${CAN_DO.zh}。直接问就行，回复“帮助”看全部功能。`,
      `Hello! I am kekao. I can help with ${CAN_DO.en}. Just ask, or type "help" for the menu.`,
    ),
  };
}

export function thanksReply(lang: Lang): ChatReply {
  return { text: t(lang, '不客气！还有问题随时问我。', "You're welcome! Ask me any time.") };
}

export function ackReply(lang: Lang): ChatReply {
  return { text: t(lang, '好的。还有其他问题随时问我。', 'OK. Ask me anything else any time.') };
}

export function offTopicReply(lang: Lang): ChatReply {
  return { text: t(lang, `抱歉，这超出了我能回答的范围。我可以帮您${CAN_DO.zh}。`, `Sorry, that is outside what I can answer. I can help with ${CAN_DO.en}.`) };
}

export function fallbackReply(lang: Lang): ChatReply {
  return {
    text: t(
      lang,
      `没太明白您的意思。我可以帮您${CAN_DO.zh}——换个说法试试？`,
      `I am not sure what you mean. I can help with ${CAN_DO.en} — could you rephrase?`,
    ),
  };
}

/** A reply with buttons: an Adaptive Card for Teams, `choices` for channels that draw their own. */
export function choiceReply(text: string, choices: ChatChoice[]): ChatReply {
  return {
    text,
    choices,
    card: card(
      [para(text)],
      choices.map((c) => submit(c.title, c.value)),
    ),
  };
}

/** “您是想问截止时间，还是材料清单？” — the candidates as buttons that carry the original message. */
export function clarifyReply(candidates: Intent[], original: string, lang: Lang): ChatReply {
  const names = candidates.map((c) => INTENT_LABELS[c][lang]);
  const question =
    lang === 'en'
      ? `Did you mean ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}?`
      : `您是想问${names.slice(0, -1).join('、')}，还是${names[names.length - 1]}？`;
  return choiceReply(
    question,
    candidates.map((c) => ({ title: INTENT_LABELS[c][lang], value: { action: 'choose', intent: c, text: original, lang } })),
  );
}
