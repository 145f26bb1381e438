import type { AdaptiveCard } from '../../conversation/types.js';

/**
 * What an Adaptive Card says and asks, independent of how it is laid out: its heading, texts and
 * facts, the choices it offers (Input.ChoiceSet, Input.Toggle), the inputs only typing can answer
 * (Input.Text, Input.Number, Input.Date, Input.Time) and its actions (Action.Submit with its data,
 * Action.OpenUrl). The WeCom mapping works on this shape, never on a particular card's wording.
 */

export interface CardChoice {
  id: string;
  /** The input's label (absent when the card's heading asks the question). */
  label?: string;
  options: Array<{ value: string; title: string }>;
  multi: boolean;
  /** Pre-selected values (the card's `value`, comma-separated for multi-select). */
  selected: string[];
  /** The value sent when nothing is selected (Input.Toggle's valueOff). */
  unselected?: string;
}

export interface CardAction {
  title: string;
  kind: 'submit' | 'openUrl';
  data?: unknown;
  url?: string;
  /** Whether a submit gathers the card's inputs (Adaptive Cards' associatedInputs; default auto). */
  gathersInputs: boolean;
}

export interface CardShape {
  title?: string;
  texts: string[];
  facts: Array<[string, string]>;
  choices: CardChoice[];
  /** Inputs that need typed text (their labels), which no WeCom card can collect. */
  typedInputs: Array<{ id: string; label: string }>;
  actions: CardAction[];
}

type Element = Record<string, unknown>;

function isElement(v: unknown): v is Element {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** A TextBlock's text as plain text: Markdown paragraph breaks folded back, emphasis dropped. */
function plain(text: string): string {
  return text
    .replace(/\n\n/g, '\n')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .trim();
}

function action(a: Element): CardAction | undefined {
  const title = str(a.title) ?? '';
  if (a.type === 'Action.Submit' || a.type === 'Action.Execute') {
    return { title, kind: 'submit', data: a.data, gathersInputs: a.associatedInputs !== 'none' };
  }
  if (a.type === 'Action.OpenUrl' && str(a.url)) return { title, kind: 'openUrl', url: a.url as string, gathersInputs: false };
  return undefined;
}

export function cardShape(card: AdaptiveCard): CardShape {
  const shape: CardShape = { texts: [], facts: [], choices: [], typedInputs: [], actions: [] };
  const visit = (el: unknown): void => {
    if (Array.isArray(el)) {
      el.forEach(visit);
      return;
    }
    if (!isElement(el)) return;
    switch (el.type) {
      case 'TextBlock': {
        const text = str(el.text);
        if (!text) break;
        if (!shape.title && shape.texts.length === 0 && el.weight === 'Bolder') shape.title = plain(text);
        else shape.texts.push(plain(text));
        break;
      }
      case 'RichTextBlock': {
        const inlines = Array.isArray(el.inlines) ? el.inlines : [];
        const text = inlines.map((i) => (typeof i === 'string' ? i : isElement(i) ? (str(i.text) ?? '') : '')).join('');
        if (text.trim()) shape.texts.push(plain(text));
        break;
      }
      case 'FactSet':
        for (const f of Array.isArray(el.facts) ? el.facts : []) {
          if (isElement(f) && str(f.title) !== undefined) shape.facts.push([String(f.title), String(f.value ?? '')]);
        }
        break;
      case 'Input.ChoiceSet': {
        const id = str(el.id);
        if (!id) break;
        const options = (Array.isArray(el.choices) ? el.choices : [])
          .filter(isElement)
          .map((c) => ({ value: String(c.value ?? ''), title: String(c.title ?? c.value ?? '') }));
        const multi = el.isMultiSelect === true;
        const selected = typeof el.value === 'string' && el.value ? el.value.split(',') : [];
        shape.choices.push({ id, label: str(el.label), options, multi, selected });
        break;
      }
      case 'Input.Toggle': {
        const id = str(el.id);
        if (!id) break;
        const on = String(el.valueOn ?? 'true');
        const off = String(el.valueOff ?? 'false');
        const label = str(el.label) ?? str(el.title) ?? id;
        shape.choices.push({
          id,
          label,
          options: [{ value: on, title: str(el.title) ?? label }],
          multi: true,
          selected: el.value === on ? [on] : [],
          unselected: off,
        });
        break;
      }
      case 'Input.Text':
      case 'Input.Number':
      case 'Input.Date':
      case 'Input.Time': {
        const id = str(el.id);
        if (id) shape.typedInputs.push({ id, label: str(el.label) ?? str(el.placeholder) ?? id });
        break;
      }
      case 'ActionSet':
        for (const a of Array.isArray(el.actions) ? el.actions : []) {
          const mapped = isElement(a) ? action(a) : undefined;
          if (mapped) shape.actions.push(mapped);
        }
        break;
      case 'Container':
        visit(el.items);
        break;
      case 'ColumnSet':
        for (const c of Array.isArray(el.columns) ? el.columns : []) if (isElement(c)) visit(c.items);
        break;
      default:
        break;
    }
  };
  visit(card.body);
  for (const a of Array.isArray(card.actions) ? card.actions : []) {
    const mapped = isElement(a) ? action(a) : undefined;
    if (mapped) shape.actions.push(mapped);
  }
  return shape;
}
