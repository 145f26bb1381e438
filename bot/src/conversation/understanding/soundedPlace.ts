import { provincialContacts } from '@kekao/core/programme';
import { findPlaces, type PlaceMatch } from '../places.js';
import { DIVISIONS } from '../places/divisions.js';
import { shortName } from '../places/names.js';
import { reading, wordBoundaries } from './homophones.js';

/**
 * One of the eight provinces, or one of their prefecture-level cities, typed by sound with the wrong
 * characters ("天金的联系人" for 天津, "福洲联系人" for 福州), read as that place only where a place is
 * plainly meant: right before the words of a contact or an office (的联系人, 那边, 省局 …), and only
 * when the characters are no word of their own (ICU's dictionary, as Intl.Segmenter splits text):
 * 附件 sounds like 福建, 背景 like 北京, 伤害 like 上海, 山洞 like 山东, and each is what it says. The
 * sounds are the divisions' own pinyin (bot/data/divisions.tsv).
 */

const COVERED = new Set<string>(provincialContacts.map((c) => c.code));

/** Toneless syllables of a province's or city's short name → the short names that sound so (福州 and 抚州 both fu zhou). */
const BY_SOUND = new Map<string, string[]>();
for (const d of DIVISIONS.values()) {
  if (d.level === 'area' || !COVERED.has(d.provinceCode) || !d.pinyin) continue;
  const name = shortName(d.name, d.level);
  if (!name || name.length < 2 || name.length > 3) continue;
  const sound = d.pinyin.join(' ');
  const names = BY_SOUND.get(sound) ?? [];
  if (!names.includes(name)) names.push(name);
  BY_SOUND.set(sound, names);
}

/** Of the names that sound like what was written, the one sharing most characters with it (福洲 → 福州, not 抚州), if one does. */
function closest(written: string, names: readonly string[]): string | undefined {
  const shared = names.map((n) => [...n].filter((c, i) => written[i] === c).length);
  const best = Math.max(...shared);
  return shared.filter((x) => x === best).length === 1 ? names[shared.indexOf(best)] : undefined;
}

/** What follows a place in a question about its contacts or its office (matched where it starts: sticky). */
const CONTEXT_WORDS = /(?:联系人|联系电话|联系方式|电话|负责人|负责的|省局|市局|市场监管|监管局|的老师|谁负责|找谁|联系谁|归谁|那边)/;
const PLACE_CONTEXT = new RegExp(`(?:的|那边|这边|那里|那儿)?${CONTEXT_WORDS.source}`, 'y');

/** Whether the context starts at `at`. */
function contextAt(text: string, at: number): boolean {
  PLACE_CONTEXT.lastIndex = at;
  return PLACE_CONTEXT.test(text);
}

export function soundedPlace(text: string): PlaceMatch | undefined {
  // Most messages have none of the context words: nothing to look for.
  if (!CONTEXT_WORDS.test(text)) return undefined;
  let boundaries: Set<number> | undefined;
  for (const length of [3, 2]) {
    for (let i = 0; i + length <= text.length; i++) {
      if (!contextAt(text, i + length)) continue;
      const written = text.slice(i, i + length);
      boundaries ??= wordBoundaries(text);
      // Two characters ICU reads as one word are that word (附件, 背景), not a misspelt place.
      if (length === 2 && !boundaries.has(i + 1)) continue;
      const names = BY_SOUND.get([...written].map(reading).join(' '));
      if (!names || names.includes(written)) continue;
      const name = closest(written, names);
      if (name) return { ...findPlaces(name)[0]!, word: written, kind: 'pinyin' };
    }
  }
  return undefined;
}
