import { pinyin } from 'pinyin-pro';
import { findPlaces } from '../places.js';

/**
 * Company names written in pinyin inside English ("how is Jibei Power getting on?", "any news on
 * Hudong?"): a capitalised word that reads entirely as two or more pinyin syllables and is no
 * place. The classifier sees such a word as one placeholder, Ⓞ (an organisation), so that one
 * corpus example with a name stands for every name, as Ⓟ does for places. The first word of a
 * longer message is not taken ("Change Ic to 80", "Huge delays…" are English); the syllable
 * inventory is read off pinyin-pro for every CJK character, not typed by hand.
 */

export const ORGANISATION = 'Ⓞ';

let syllables: ReadonlySet<string> | undefined;
function pinyinSyllables(): ReadonlySet<string> {
  if (!syllables) {
    let all = '';
    for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
    const list = pinyin(all, { type: 'array', toneType: 'none', v: true }).map((s) => s.toLowerCase());
    syllables = new Set(list.filter((s) => /^[a-z]{2,6}$/.test(s) && /[aeiouv]/.test(s)));
  }
  return syllables;
}

/** Whether a lower-case word splits into at least two pinyin syllables (dynamic programming over prefixes). */
export function isPinyinWord(word: string): boolean {
  const known = pinyinSyllables();
  // fewest[i]: fewest syllables that spell word[0, i), or Infinity.
  const fewest = new Array<number>(word.length + 1).fill(Number.POSITIVE_INFINITY);
  fewest[0] = 0;
  for (let i = 1; i <= word.length; i++)
    for (let j = Math.max(0, i - 6); j <= i - 2; j++) if (fewest[j]! + 1 < fewest[i]! && known.has(word.slice(j, i))) fewest[i] = fewest[j]! + 1;
  return fewest[word.length]! >= 2 && Number.isFinite(fewest[word.length]!);
}

/** The pinyin names a message contains, lower case as normalised text has them. */
export function latinNamesIn(original: string): string[] {
  const words = [...original.matchAll(/(?<![A-Za-z])([A-Z][a-z]{3,})(?![A-Za-z])/g)];
  const total = (original.match(/[A-Za-z]+/g) ?? []).length;
  return words
    .filter((m) => !(m.index === original.search(/[A-Za-z]/) && total > 2))
    .map((m) => m[1]!.toLowerCase())
    .filter((w) => isPinyinWord(w) && !findPlaces(w).length);
}

/** The normalised text with those names as Ⓞ (what the classifier reads). */
export function withNamesMarked(normalised: string, names: readonly string[]): string {
  let s = normalised;
  for (const n of names) s = s.replace(new RegExp(`(?<![a-z])${n}(?![a-z])`, 'g'), ORGANISATION);
  return s;
}
