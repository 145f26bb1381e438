import { stemmer } from 'stemmer';

/**
 * English words to one form per meaning: the Porter stemmer (Porter 1980, "An algorithm for suffix
 * stripping"; the `stemmer` package) folds inflections, so "reviewed", "reviews" and "reviewing"
 * are one feature and one concept word, as "材料" is whatever its context. Cached: people reuse a
 * small vocabulary and the stemmer is the slow part.
 */

const LATIN_WORD = /[a-z][a-z']*/g;
const cache = new Map<string, string>();

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length <= 3 ? word : stemmer(word.replace(/'s$|'/g, ''));
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}

/** The text with every Latin word stemmed (other characters unchanged). */
export function stemLatin(text: string): string {
  return text.replace(LATIN_WORD, stem);
}

/** The Latin words of a text, stemmed. */
export function latinStems(text: string): string[] {
  return (text.match(LATIN_WORD) ?? []).map(stem);
}
