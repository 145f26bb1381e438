import { describe, expect, it } from 'vitest';
import { CONCEPTS, conceptsIn, parseConcepts } from '../../src/conversation/understanding/concepts.js';

describe('the concept lexicon (bot/data/understanding/concepts.tsv)', () => {
  it('reads every concept with at least one word, each id once', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(20);
    for (const c of CONCEPTS) expect(c.zh.length + c.en.length, c.id).toBeGreaterThan(0);
    expect(new Set(CONCEPTS.map((c) => c.id)).size).toBe(CONCEPTS.length);
  });

  it('stops at a malformed line, naming its number, and at an id given twice', () => {
    expect(() => parseConcepts('# comment\nTIME\t截止\tdeadline\nlower\t字\tword\n')).toThrow(/concepts\.tsv:3: .*capital letters/);
    expect(() => parseConcepts('TIME\t截止\nDOC\t材料\tmaterials\n')).toThrow(/concepts\.tsv:1: expected/);
    expect(() => parseConcepts('TIME\t截止\t\nTIME\t最晚\t\n')).toThrow(/concepts\.tsv:2: concept TIME appears twice/);
  });

  it('finds Chinese words as substrings and English ones only as whole words', () => {
    expect(conceptsIn('最晚哪天交')).toContain('TIME');
    expect(conceptsIn("what's the deadline")).toContain('TIME');
    expect(conceptsIn('skipping')).not.toContain('SKIP');
  });
});
