import type { Lang } from '@kekao/core/i18n';
import type { Note } from '@kekao/core/i18n';
import { escapeHtml } from './escapeHtml.js';

/** The report's language (the one language type of kekao, named for this layer). */
export type ReportLang = Lang;

/** What every part of the report needs: the language and a counter for unique SVG ids. */
export interface ReportContext {
  lang: ReportLang;
  /** Picks the text for the report language (Chinese is the default). */
  t: (zh: string, en: string) => string;
  /** A document-unique id (clip paths of several charts must not collide). */
  nextId: (prefix: string) => string;
}

export function createContext(lang: ReportLang): ReportContext {
  let counter = 0;
  return {
    lang,
    t: (zh, en) => (lang === 'en' ? en : zh),
    nextId: (prefix) => `${prefix}-${++counter}`,
  };
}

/** A note as an HTML list item: the text in the report language and its stable key. */
export function noteItem(ctx: ReportContext, n: Note, place?: string): string {
  const text = ctx.lang === 'en' ? n.en : n.zh;
  const where = place ? `<span class="place">${escapeHtml(place)}</span> ` : '';
  return `<li>${where}${escapeHtml(text)} <span class="key">(${escapeHtml(n.key)})</span></li>`;
}

/** A list of notes, or nothing when there are none. */
export function noteList(ctx: ReportContext, notes: readonly Note[], className: string): string {
  if (notes.length === 0) return '';
  return `<ul class="${escapeHtml(className)}">${notes.map((n) => noteItem(ctx, n)).join('')}</ul>`;
}

/** The text of a note in the report language. */
export function noteText(ctx: ReportContext, n: Note): string {
  return ctx.lang === 'en' ? n.en : n.zh;
}
