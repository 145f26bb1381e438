import type { Bilingual, Lang } from './bilingual.js';

export type { Bilingual, Lang } from './bilingual.js';

/**
 * A user-facing statement (reason, warning, error, undefined-metric explanation).
 * Chinese first (`zh`), English second (`en`); `key` is the stable English identifier
 * that tests, logs and translations match on.
 */
export interface Note extends Bilingual {
  key: string;
}

export function note(key: string, zh: string, en: string): Note {
  return { key, zh, en };
}

/** Picks the text of a note (or any bilingual text) in the given language. */
export function noteText(n: Bilingual, lang: Lang = 'zh'): string {
  return lang === 'en' ? n.en : n.zh;
}
