import { stem } from './englishWords.js';

/**
 * The indicators' English names, as the rubric's translation and people write them ("key
 * performance degradation", "after-sales failure rate", "generalisability"), matched word by word
 * on Porter stems like the concept lexicon, so that "degrading", "failures" and "innovative" count
 * too. A name is found at most once per place; the longest name wins.
 */

type Code = 'Ic' | 'Id' | 'Ir' | 'W' | 'C' | 'G';

const NAMES: ReadonlyArray<readonly [Code, readonly string[]]> = [
  ['Ic', ['key performance consistency', 'performance consistency', 'consistency']],
  ['Id', ['key performance degradation', 'performance degradation', 'degradation']],
  [
    'Ir',
    [
      'key performance reliability domain',
      'key performance reliable domain',
      'reliability domain',
      'reliability region',
      'reliability range',
      'reliable domain',
      'reliable region',
      'reliable range',
      'extreme application scenario',
      'extreme scenario',
    ],
  ],
  [
    'W',
    [
      'after sales responsibility failure',
      'after sales liability failure',
      'after sales failure',
      'responsibility failure',
      'liability failure',
      'warranty failure',
      'failure rate',
      'failure count',
      'failure number',
      'number of failures',
    ],
  ],
  ['C', ['innovation', 'innovativeness', 'creativity']],
  ['G', ['generalisability', 'generalizability', 'promotability', 'promotion', 'replicability', 'transferability']],
];

/** Words whose stem is an indicator's but which mean something else ("consists of" is not consistency). */
const NOT_A_NAME = new Set(['consist', 'consists', 'consisted', 'consisting', 'promote', 'promotes', 'promoted', 'promoting']);
/** "reliability innovation" is the programme's name (可靠性创新), not the indicator 创新性. */
const PROGRAMME_INNOVATION = /^(?:reliabl|qualiti)$/;

const PHRASES = NAMES.flatMap(([code, names]) => names.map((n) => ({ code, stems: n.split(' ').map(stem) }))).sort((a, b) => b.stems.length - a.stems.length);

export interface EnglishMention {
  code: Code;
  index: number;
  length: number;
}

/** The English indicator names in a normalised (lower-case) message, in text order. */
export function englishIndicatorMentions(text: string): EnglishMention[] {
  // Every name has a word of four letters or more: a message without one names none.
  if (!/[a-z]{4}/.test(text)) return [];
  const words = [...text.matchAll(/[a-z]+/g)].map((m) => ({ index: m.index, end: m.index + m[0].length, word: m[0], stem: stem(m[0]) }));
  const out: EnglishMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = PHRASES.find(
      (p) =>
        p.stems.every((s, k) => words[i + k]?.stem === s && !NOT_A_NAME.has(words[i + k]!.word)) &&
        !(p.code === 'C' && i > 0 && PROGRAMME_INNOVATION.test(words[i - 1]!.stem)),
    );
    if (!hit) continue;
    const last = words[i + hit.stems.length - 1]!;
    out.push({ code: hit.code, index: words[i]!.index, length: last.end - words[i]!.index });
    i += hit.stems.length - 1;
  }
  return out;
}
