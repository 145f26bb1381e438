import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';
import { findPlaces } from '../places.js';
import { CONCEPTS } from './concepts.js';
import { SoundAlike } from './homophones.js';

/**
 * Latin words the classifier has never seen, read as what they most likely are, before features:
 * - a misspelt English word ("deadine", "submision", "materails") becomes the one known word
 *   within Levenshtein distance 1 (words of 6–7 letters) or 2 (8 letters or more) — the nearest
 *   only when it is the only one that near, so a guess between two words is not made. Shorter
 *   words are left alone: among them a real word one letter from another is the rule (later/late,
 *   form/from, data/date), a typo the exception;
 * - failing that, pinyin initials ("jzrq", "sbcl") become the Chinese term of the corpus with those
 *   initials (terms of the same length seen at least three times, or in the concept lexicon), the
 *   most frequent one. Initials are computed with pinyin-pro, not typed by hand.
 * - a word of full pinyin ("jiezhi", "lianxiren") becomes the Chinese term with that sound, chosen
 *   the same way;
 * - Chinese characters misheard by voice input or chosen wrongly in pinyin typing ("练习人", "节至")
 *   become the lexicon term they sound exactly like (homophones.ts), unless the training examples
 *   use them as written (then they are a word of their own).
 * "Known" means seen in the training examples or the concept lexicon, so in cross-validation a
 * fold corrects only towards words its own training part has. Place names in pinyin are left alone
 * (places.ts reads them), as are case numbers.
 */

const LATIN = /(?<![a-z])[a-z]{3,}(?![a-z\d-])/g;
const CJK_RUN = /[\u4e00-\u9fff]+/g;
const MIN_TERM_COUNT = 3;

export class Spelling {
  private readonly known = new Set<string>();
  private readonly knownByLength = new Map<number, string[]>();
  private readonly byInitials = new Map<string, string>();
  private readonly byFullPinyin = new Map<string, string>();
  private readonly soundAlike: SoundAlike;
  private readonly cache = new Map<string, string>();

  constructor(normalisedTexts: readonly string[]) {
    const words = [...normalisedTexts, ...CONCEPTS.flatMap((c) => c.en)].flatMap((t) => t.match(/[a-z]+/g) ?? []);
    for (const w of words) this.known.add(w);
    for (const w of this.known) {
      const list = this.knownByLength.get(w.length) ?? [];
      list.push(w);
      this.knownByLength.set(w.length, list);
    }
    const counts = new Map<string, number>();
    for (const t of normalisedTexts)
      for (const run of t.match(CJK_RUN) ?? [])
        for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= run.length; i++) counts.set(run.slice(i, i + n), (counts.get(run.slice(i, i + n)) ?? 0) + 1);
    const lexicon = CONCEPTS.flatMap((c) => c.zh).filter((w) => /^[\u4e00-\u9fff]{2,5}$/.test(w));
    for (const w of lexicon) counts.set(w, Math.max(counts.get(w) ?? 0, MIN_TERM_COUNT));
    const bestInitials = new Map<string, number>();
    const bestFull = new Map<string, number>();
    for (const [term, n] of counts) {
      if (n < MIN_TERM_COUNT) continue;
      const syllables = pinyin(term, { toneType: 'none', type: 'array' });
      if (syllables.length !== term.length) continue;
      const full = syllables.join('');
      // Full pinyin of two syllables or more, long enough not to be an English word by chance.
      if (full.length >= 4 && !this.known.has(full) && n > (bestFull.get(full) ?? 0)) {
        bestFull.set(full, n);
        this.byFullPinyin.set(full, term);
      }
      if (term.length < 3) continue;
      const initials = syllables.map((x) => x[0]).join('');
      if (this.known.has(initials)) continue;
      if (n > (bestInitials.get(initials) ?? 0)) {
        bestInitials.set(initials, n);
        this.byInitials.set(initials, term);
      }
    }
    // A two-character run the examples use twice or more is a word as written.
    const written = new Set([...counts].filter(([w, n]) => n >= 2 && w.length <= 4).map(([w]) => w));
    this.soundAlike = new SoundAlike(lexicon, written, 3);
  }

  /** The normalised message with unknown Latin words corrected or read as pinyin initials. */
  correct(normalised: string): string {
    const heard = process.env.NOSOUND ? normalised : this.soundAlike.correct(normalised);
    if (!/[a-z]{3}/.test(heard)) return heard;
    return heard.replace(LATIN, (w) => {
      if (this.known.has(w)) return w;
      let out = this.cache.get(w);
      if (out === undefined) {
        out = this.read(w);
        if (this.cache.size < 10_000) this.cache.set(w, out);
      }
      return out;
    });
  }

  private read(w: string): string {
    if (findPlaces(w).length) return w;
    if (w.length >= 6) {
      const limit = w.length >= 8 ? 2 : 1;
      let bestWord: string | undefined;
      let bestDistance = limit + 1;
      let tied = false;
      for (let len = w.length - limit; len <= w.length + limit; len++) {
        for (const k of this.knownByLength.get(len) ?? []) {
          const d = distance(w, k);
          if (d < bestDistance) [bestWord, bestDistance, tied] = [k, d, false];
          else if (d === bestDistance) tied = true;
        }
      }
      if (bestWord && !tied) return bestWord;
    }
    const sounded = this.byFullPinyin.get(w);
    if (sounded) return sounded;
    if (w.length <= 5) return this.byInitials.get(w) ?? w;
    return w;
  }
}
