import type { ChannelCapabilities } from '../../conversation/channelCapabilities.js';
import { detectLang, t, type ChatReply, type Lang } from '../../conversation/types.js';
import { cardShape, type CardAction, type CardChoice, type CardShape } from './cardShape.js';
import { encodeKey } from './cardKeys.js';
import { clip, LIMITS, splitText, utf8Bytes, type TemplateCard, type TemplateCardButton, type WecomMessage } from './templateCard.js';

/**
 * One engine reply as WeCom messages. The reply's text always goes as text (split at 2048 bytes):
 * it carries the whole answer, as it does for any plain channel. A card adds a template card when
 * it asks for something a WeCom card can collect:
 *   • buttons only → button_interaction (six buttons a card; more buttons, more cards);
 *   • one choice and one button → vote_interaction (checkbox, single or multiple);
 *   • one single choice of ≤10 options and up to six buttons → button_interaction with a selection;
 *   • up to three single choices of ≤10 options and one button → multiple_interaction.
 * WeCom cards have no text inputs: a card that asks for typed values keeps only its buttons that
 * do not submit inputs, and the text says to answer those fields as messages. A card without
 * actions (facts, results) adds nothing to its text.
 */

/** What WeCom's template cards can hold, for the engine's words: no text inputs (see above). */
export const WECOM_CARD_CAPABILITIES: ChannelCapabilities = { typedCardInputs: false };

export interface MappingOptions {
  /** A new task_id for each interactive card (unique per application). */
  newTaskId(): string;
}

const SOURCE = { desc: '可靠 kekao', desc_color: 0 } as const;

function typedInputsNote(labels: string[], lang: Lang): string {
  if (labels.length > 3)
    return t(
      lang,
      '（企业微信卡片不能输入文字：表中各项请按对话提示逐项回复文字消息。）',
      '(WeCom cards take no typed input: answer the fields as messages, one by one.)',
    );
  const named = labels.map((l) => `「${l}」`).join('');
  return t(lang, `（企业微信卡片不能输入文字：${named}请直接回复文字消息。）`, `(WeCom cards take no typed input: answer ${named} as messages.)`);
}

function fitsOptionIds(c: CardChoice): boolean {
  const ids = c.options.map((o) => o.value);
  return ids.length > 0 && ids.every((id) => id && utf8Bytes(id) <= LIMITS.optionIdBytes) && new Set(ids).size === ids.length;
}

function singleSelect(c: CardChoice): boolean {
  return !c.multi && c.unselected === undefined && c.options.length <= LIMITS.selectOptions && fitsOptionIds(c);
}

/** Button titles made distinct (several "录入评分" buttons become "录入评分 1", "录入评分 2"). */
function distinctTitles(actions: CardAction[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.title, (counts.get(a.title) ?? 0) + 1);
  const seen = new Map<string, number>();
  return actions.map((a) => {
    if ((counts.get(a.title) ?? 0) < 2) return a.title || '…';
    const n = (seen.get(a.title) ?? 0) + 1;
    seen.set(a.title, n);
    return `${a.title} ${n}`;
  });
}

function offValues(choices: CardChoice[]): Record<string, string> | undefined {
  const off = Object.fromEntries(choices.filter((c) => c.unselected !== undefined).map((c) => [c.id, c.unselected!]));
  return Object.keys(off).length ? off : undefined;
}

function buttonOf(a: CardAction, index: number, title: string, gather: CardChoice[]): TemplateCardButton | undefined {
  if (a.kind === 'openUrl') return { type: 1, text: title, url: a.url };
  const key = encodeKey({ i: index, t: title, d: a.data, ...(a.gathersInputs && gather.length ? { g: 1 as const, off: offValues(gather) } : {}) });
  return key ? { type: 0, text: title, style: index === 0 ? 1 : 2, key } : undefined;
}

function header(shape: CardShape, fallbackTitle: string, note?: string): Pick<TemplateCard, 'source' | 'main_title' | 'sub_title_text'> {
  const sub = [shape.texts[0], note].filter(Boolean).join('\n');
  return { source: SOURCE, main_title: { title: clip(shape.title ?? fallbackTitle, 36) }, ...(sub ? { sub_title_text: clip(sub, 160) } : {}) };
}

function choiceCard(shape: CardShape, choices: CardChoice[], actions: CardAction[], o: MappingOptions): TemplateCard | undefined {
  const titles = distinctTitles(actions);
  const [first] = actions;
  if (!first || first.kind !== 'submit') return undefined;
  if (choices.length === 1 && actions.length === 1 && choices[0]!.options.length <= LIMITS.checkboxOptions && fitsOptionIds(choices[0]!)) {
    const c = choices[0]!;
    const key = encodeKey({ i: 0, t: titles[0]!, d: first.data, g: 1, off: offValues(choices) });
    if (!key) return undefined;
    return {
      card_type: 'vote_interaction',
      ...header(shape, c.label ?? c.id),
      main_title: {
        title: clip(shape.title ?? c.label ?? c.id, 36),
        ...(shape.title && c.label && c.label !== shape.title ? { desc: clip(c.label, 44) } : {}),
      },
      task_id: o.newTaskId(),
      checkbox: {
        question_key: c.id,
        mode: c.multi ? 1 : 0,
        option_list: c.options.map((opt) => ({ id: opt.value, text: opt.title, is_checked: c.selected.includes(opt.value) })),
      },
      submit_button: { text: titles[0]!, key },
    };
  }
  if (choices.length === 1 && singleSelect(choices[0]!) && actions.length <= LIMITS.buttons) {
    const c = choices[0]!;
    const buttons = actions.map((a, i) => buttonOf(a, i, titles[i]!, choices));
    if (buttons.some((b) => !b)) return undefined;
    return {
      card_type: 'button_interaction',
      ...header(shape, c.label ?? c.id),
      task_id: o.newTaskId(),
      button_selection: {
        question_key: c.id,
        ...(c.label ? { title: clip(c.label, 20) } : {}),
        option_list: c.options.map((opt) => ({ id: opt.value, text: opt.title })),
        ...(c.selected[0] ? { selected_id: c.selected[0] } : {}),
      },
      button_list: buttons as TemplateCardButton[],
    };
  }
  if (choices.length <= LIMITS.selects && choices.every(singleSelect) && actions.length === 1) {
    const key = encodeKey({ i: 0, t: titles[0]!, d: first.data, g: 1 });
    if (!key) return undefined;
    return {
      card_type: 'multiple_interaction',
      ...header(shape, choices[0]!.label ?? choices[0]!.id),
      task_id: o.newTaskId(),
      select_list: choices.map((c) => ({
        question_key: c.id,
        title: clip(c.label ?? c.id, 20),
        option_list: c.options.map((opt) => ({ id: opt.value, text: opt.title })),
        ...(c.selected[0] ? { selected_id: c.selected[0] } : {}),
      })),
      submit_button: { text: titles[0]!, key },
    };
  }
  return undefined;
}

function buttonCards(shape: CardShape, actions: CardAction[], note: string | undefined, o: MappingOptions, lang: Lang): TemplateCard[] {
  const titles = distinctTitles(actions);
  const buttons = actions.map((a, i) => buttonOf(a, i, titles[i]!, [])).filter((b): b is TemplateCardButton => !!b);
  const cards: TemplateCard[] = [];
  for (let at = 0; at < buttons.length; at += LIMITS.buttons) {
    const continued = at > 0;
    cards.push({
      card_type: 'button_interaction',
      ...(continued
        ? { source: SOURCE, main_title: { title: clip(`${shape.title ?? ''}${t(lang, '（续）', ' (continued)')}`, 36) } }
        : header(shape, t(lang, '请选择', 'Choose'), note)),
      task_id: o.newTaskId(),
      button_list: buttons.slice(at, at + LIMITS.buttons),
    });
  }
  return cards;
}

export function wecomMessagesOf(reply: ChatReply, o: MappingOptions): WecomMessage[] {
  const lang = detectLang(reply.text);
  let text = reply.text;
  const cards: TemplateCard[] = [];
  if (reply.card) {
    const shape = cardShape(reply.card);
    const typed = shape.typedInputs.length > 0;
    const gathering = shape.actions.filter((a) => a.kind === 'submit' && a.gathersInputs);
    const standalone = shape.actions.filter((a) => !(a.kind === 'submit' && a.gathersInputs));
    const withChoices = !typed && shape.choices.length > 0 && gathering.length > 0 ? choiceCard(shape, shape.choices, shape.actions, o) : undefined;
    if (withChoices) cards.push(withChoices);
    else {
      // Without a fitting choice card, the choices cannot be answered on the card either.
      const unanswerable = typed || (shape.choices.length > 0 && gathering.length > 0);
      const offered = typed || shape.choices.length > 0 ? standalone : shape.actions;
      const note = unanswerable
        ? typedInputsNote(
            [...shape.typedInputs, ...shape.choices].map((i) => i.label ?? i.id),
            lang,
          )
        : undefined;
      if (offered.length) cards.push(...buttonCards(shape, offered, note, o, lang));
      else if (note) text = `${text}\n${note}`;
    }
  }
  return [
    ...splitText(text).map((content): WecomMessage => ({ msgtype: 'text', text: { content } })),
    ...cards.map((c): WecomMessage => ({ msgtype: 'template_card', template_card: c })),
  ];
}
