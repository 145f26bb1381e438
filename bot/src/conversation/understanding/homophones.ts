import { pinyin } from 'pinyin-pro';

/**
 * Voice input and pinyin typing put the right sound on the wrong characters: 练习人 for 联系人,
 * 节至 for 截止, 平分 for 评分, 盖张 for 盖章, 退化亮 for 退化量. A run of characters that sounds
 * exactly like one target term (toneless pinyin, each character's usual reading) and
 * is not itself a known word is read as that term. Sounds come from pinyin-pro, not typed by hand.
 *
 * Only whole target terms are matched, longest first, and a sound two terms share is left alone
 * (no guess between them). Runs that overlap a target term written correctly are left alone too,
 * and so are runs that begin or end inside a word: ICU's dictionary word breaks (Intl.Segmenter)
 * say where words are, so "哪个标准" is 哪个/标准 and its 哪个标 is no misheard 哪个表, while
 * "联系仁是谁" (联系/仁/是/谁) has 联系仁 on word boundaries.
 */

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** The positions where a word begins or ends. */
export function wordBoundaries(text: string): Set<number> {
  const out = new Set<number>([text.length]);
  for (const s of WORDS.segment(text)) out.add(s.index);
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * A character's usual toneless reading, computed once per character. Only the usual one: with
 * every reading of every polyphone (说 yuè, 的 dì, 坏 pī), ordinary words sound like terms.
 */
const readingOf = new Map<string, string>();
export function reading(ch: string): string {
  let r = readingOf.get(ch);
  if (r === undefined) {
    r = CJK.test(ch) ? pinyin(ch, { toneType: 'none' }) : '';
    readingOf.set(ch, r);
  }
  return r;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The term ending here; null when two terms share this sound. */
  term?: string | null;
}

export class SoundAlike {
  private readonly root: TrieNode = { next: new Map() };
  private readonly targets: ReadonlySet<string>;
  private readonly longest: number;

  /**
   * `targets`: the terms to read misheard runs as (Chinese only, two characters or more).
   * `known`: words that are right as written, never corrected (for two-character targets, whose
   * sounds real words share: 时间 is not a misheard 实践).
   */
  constructor(
    targets: Iterable<string>,
    private readonly known: ReadonlySet<string> = new Set(),
    private readonly shortest = 2,
  ) {
    const list = [...new Set(targets)].filter((t) => t.length >= shortest && [...t].every((c) => CJK.test(c)));
    this.targets = new Set(list);
    this.longest = Math.max(0, ...list.map((t) => t.length));
    for (const term of list) {
      // The term's own reading in context (pinyin-pro picks a polyphone's reading from its neighbours).
      const sound = pinyin(term, { type: 'array', toneType: 'none' });
      let node = this.root;
      for (const s of sound) {
        let child = node.next.get(s);
        if (!child) node.next.set(s, (child = { next: new Map() }));
        node = child;
      }
      node.term = node.term === undefined || node.term === term ? term : null;
    }
  }

  /** The text with misheard runs replaced by the terms they sound like. */
  correct(text: string): string {
    if (this.longest === 0 || !CJK.test(text)) return text;
    // Most messages have no run that sounds like a term: found with the trie alone, no more work.
    const nothing = new Uint8Array(0);
    let any = false;
    for (let i = 0; i < text.length && !any; i++) any = this.match(text, i, nothing, () => true) !== undefined;
    if (!any) return text;
    const covered = new Uint8Array(text.length);
    for (const term of this.targets) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) covered.fill(1, at, at + term.length);
    }
    const boundaries = wordBoundaries(text);
    const onBoundaries = (start: number, end: number) => boundaries.has(start) && boundaries.has(end);
    let out = '';
    let i = 0;
    while (i < text.length) {
      const found = covered[i] ? undefined : this.match(text, i, covered, onBoundaries);
      if (found) {
        out += found.term;
        i += found.length;
      } else {
        out += text[i];
        i += 1;
      }
    }
    return out;
  }

  /**
   * The longest target whose sound the characters from `start` make, if they are not a known word,
   * not inside a correctly written term (`covered`) and on word boundaries.
   */
  private match(
    text: string,
    start: number,
    covered: Uint8Array,
    onBoundaries: (start: number, end: number) => boolean,
  ): { term: string; length: number } | undefined {
    let best: { term: string; length: number } | undefined;
    let node: TrieNode | undefined = this.root;
    for (let at = start; node; ) {
      const length = at - start;
      if (node.term && length >= this.shortest) {
        const written = text.slice(start, at);
        if (written !== node.term && !this.known.has(written) && onBoundaries(start, at)) best = { term: node.term, length };
      }
      if (length >= this.longest || at >= text.length || covered[at]) break;
      node = node.next.get(reading(text[at]!));
      at += 1;
    }
    return best;
  }
}
