import { formatNumber as fmt, formatPercent as pct } from '@kekao/core/i18n';

/** A tiny element builder: text only through textContent, so workbook data can never inject HTML. */
export type Child = Node | string | number | null | undefined | false;

export function h(tag: string, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Display forms of numbers: the same as the report and the 评分表 (core's display format). */
export { fmt, pct };

/** A number cell that keeps the full-precision value in data-value (what tests and copy use). */
export function num(v: number | null | undefined, key: string, text = fmt(v)): HTMLElement {
  return h('td', { class: 'num', 'data-metric': key, 'data-value': v === null || v === undefined ? '' : String(v) }, text);
}
