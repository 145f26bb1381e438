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

  it('finds Chinese words as substrings and English ones as whole words or their inflections', () => {
    expect(conceptsIn('最晚哪天交')).toContain('TIME');
    expect(conceptsIn("what's the deadline")).toContain('TIME');
    // Inflections share the word's Porter stem (skipping → skip, deadlines → deadline, reviewed → review) …
    expect(conceptsIn('skipping')).toContain('SKIP');
    expect(conceptsIn('the deadlines')).toContain('TIME');
    expect(conceptsIn('has it been reviewed')).toContain('REVIEW');
    // … a longer word that merely contains one does not (passport is not "pass"), and a word the
    // lexicon lists itself keeps its own concept (noted is an acknowledgement, not a rubric note).
    expect(conceptsIn('passport')).not.toContain('SKIP');
    expect(conceptsIn('noted')).toContain('OK');
    expect(conceptsIn('noted')).not.toContain('RULE');
  });
});
