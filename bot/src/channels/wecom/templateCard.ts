/**
 * The outgoing message shapes of WeCom's message/send (发送应用消息) that kekao uses: text and
 * template_card (模板卡片消息) of the three interactive types. Field names and limits as published
 * (developer.work.weixin.qq.com/document/path/90236, 更新模版卡片消息 94888): button_list at most 6,
 * checkbox options 1–20, select_list 1–3 selectors of 1–10 options, keys at most 1024 bytes,
 * option ids at most 128 bytes, task_id of letters, digits and _-@ at most 128 bytes.
 */

export const LIMITS = {
  textBytes: 2048,
  buttons: 6,
  checkboxOptions: 20,
  selects: 3,
  selectOptions: 10,
  keyBytes: 1024,
  optionIdBytes: 128,
  taskIdBytes: 128,
} as const;

export interface TemplateCardButton {
  /** 0 (or absent): callback with `key`; 1: open `url`. */
  type?: 0 | 1;
  text: string;
  /** 1–4. */
  style?: number;
  key?: string;
  url?: string;
}

export interface TemplateCardOption {
  id: string;
  text: string;
}

export interface TemplateCard {
  card_type: 'button_interaction' | 'vote_interaction' | 'multiple_interaction';
  source?: { desc: string; desc_color?: number };
  main_title: { title?: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: Array<{ keyname: string; value?: string }>;
  task_id: string;
  button_selection?: { question_key: string; title?: string; option_list: TemplateCardOption[]; selected_id?: string };
  button_list?: TemplateCardButton[];
  checkbox?: { question_key: string; option_list: Array<TemplateCardOption & { is_checked?: boolean }>; mode: 0 | 1 };
  select_list?: Array<{ question_key: string; title?: string; selected_id?: string; option_list: TemplateCardOption[] }>;
  submit_button?: { text: string; key: string };
}

export type WecomMessage = { msgtype: 'text'; text: { content: string } } | { msgtype: 'template_card'; template_card: TemplateCard };

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Splits text into messages of at most `maxBytes` UTF-8 bytes (WeCom truncates longer text):
 * at line breaks where possible, inside a line only when the line alone is too long.
 */
export function splitText(text: string, maxBytes: number = LIMITS.textBytes): string[] {
  const out: string[] = [];
  let current = '';
  const push = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (utf8Bytes(candidate) <= maxBytes) {
      current = candidate;
      continue;
    }
    push();
    if (utf8Bytes(line) <= maxBytes) {
      current = line;
      continue;
    }
    let piece = '';
    for (const ch of line) {
      if (utf8Bytes(piece + ch) > maxBytes) {
        out.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
  }
  push();
  return out.length ? out : [''];
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
