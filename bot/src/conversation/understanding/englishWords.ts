import { stemmer } from 'stemmer';

/**
 * English words to one form per meaning: the Porter stemmer (Porter 1980, "An algorithm for suffix
 * stripping"; the `stemmer` package) folds inflections, so "reviewed", "reviews" and "reviewing"
 * are one feature and one concept word, as "材料" is whatever its context. Cached: people reuse a
 * small vocabulary and the stemmer is the slow part.
 */

const cache = new Map<string, string>();

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length <= 3 ? word : stemmer(word.replace(/'s$|'/g, ''));
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}
