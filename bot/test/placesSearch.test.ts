import { describe, expect, it } from 'vitest';
import { findPlaces } from '../src/conversation/places.js';
import { DIVISIONS } from '../src/conversation/places/divisions.js';
import { shortName } from '../src/conversation/places/names.js';
import { normalise } from '../src/conversation/understanding/normalise.js';
import { loadCorpus } from '../src/conversation/understanding/corpus.js';

/**
 * `findPlaces` tries at each position only the lengths of the names that begin with that
 * character. Its name matches must be exactly those of the plain search it replaces — at each
 * position, every length from the longest name down to 2, the first name found wins and the search
 * goes on after it — computed here from the same division table, over every corpus message.
 */
const names = new Set<string>();
for (const d of DIVISIONS.values()) {
  names.add(d.name);
  const s = shortName(d.name, d.level);
  if (s) names.add(s);
}
const longest = Math.max(...[...names].map((n) => n.length));

function plainSearch(text: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(longest, text.length - i); len >= 2; len--) {
      const w = text.slice(i, i + len);
      if (!names.has(w)) continue;
      words.push(w);
      i += len - 1;
      break;
    }
  }
  return words;
}

describe('findPlaces: the indexed search finds what the plain search finds', () => {
  const texts = [
    ...loadCorpus().map((e) => normalise(e.text)),
    '我在石家庄市长安区，联系谁',
    '浦东新区和朝阳区的企业',
    '延边朝鲜族自治州',
    'what is the deadline for shijiazhuang and peking',
  ];

  it(`on ${texts.length} messages`, () => {
    let withPlaces = 0;
    for (const text of texts) {
      const found = findPlaces(text)
        .filter((m) => m.kind === 'name')
        .map((m) => m.word);
      expect(found, text).toEqual(plainSearch(text));
      if (found.length) withPlaces++;
    }
    // The corpus does name places (so the comparison covers matches, not only their absence).
    expect(withPlaces).toBeGreaterThan(50);
  });
});
