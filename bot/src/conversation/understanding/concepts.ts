import { readFileSync } from 'node:fs';
import { z } from 'zod/v4';
import { stem } from './englishWords.js';

/**
 * A reviewed lexicon of the programme's concepts (bot/data/understanding/concepts.tsv): the words
 * (Chinese substrings, English words) that point at one concept, whatever the language or register.
 * Each concept found in a message becomes one extra feature term (#TIME, #DOC …) next to the
 * character n-grams, so that an example written one way teaches the classifier about the other ways
 * too ("ddl", "最晚哪天", "due date" all carry #TIME). The classifier still learns from the corpus
 * what each concept means for each intent; the lexicon only says which words belong together.
 * The file is data so that it can be reviewed and extended without reading code; it is checked at
 * start, and a malformed line stops the bot with its line number.
 */

export interface Concept {
  id: string;
  /** Substrings of normalised (simplified, lower-case) Chinese text. */
  zh: readonly string[];
  /** Whole English words or phrases. */
  en: readonly string[];
}

export const CONCEPTS_URL = new URL('../../../data/understanding/concepts.tsv', import.meta.url);

const words = z.string().transform((cell) =>
  cell
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean),
);
const lineSchema = z.tuple([z.string().regex(/^[A-Z]+$/, 'ID: capital letters only'), words, words]);

export function parseConcepts(tsv: string, source = 'concepts.tsv'): Concept[] {
  const out: Concept[] = [];
  tsv.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const parsed = lineSchema.safeParse(line.split('\t'));
    if (!parsed.success) throw new Error(`${source}:${i + 1}: expected "ID<TAB>中文|…<TAB>english|…" (${parsed.error.issues[0]?.message})`);
    const [id, zh, en] = parsed.data;
    if (out.some((c) => c.id === id)) throw new Error(`${source}:${i + 1}: concept ${id} appears twice`);
    out.push({ id, zh, en });
  });
  return out;
}

export const CONCEPTS: readonly Concept[] = parseConcepts(readFileSync(CONCEPTS_URL, 'utf8'));

const EN_INDEX = CONCEPTS.map((c) => ({
  id: c.id,
  re: c.en.length ? new RegExp(`(?<![a-z])(?:${c.en.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`) : undefined,
}));

/**
 * An English word as the lexicon writes it: itself when the lexicon has it ("noted" is an
 * acknowledgement, not a rubric note), otherwise the lexicon word with the same Porter stem
 * ("reviewed" → "review", "deadlines" → "deadline"), preferring the word that is its own stem.
 */
const LEXICON_WORDS = new Set(CONCEPTS.flatMap((c) => c.en.flatMap((w) => w.match(/[a-z][a-z']*/g) ?? [])));
const BY_STEM = new Map<string, string>();
for (const w of [...LEXICON_WORDS].sort((a, b) => a.length - b.length)) {
  const root = stem(w);
  if (!BY_STEM.has(root) || root === w) BY_STEM.set(root, w);
}
function lexiconForm(word: string): string {
  return LEXICON_WORDS.has(word) ? word : (BY_STEM.get(stem(word)) ?? word);
}

/**
 * The substring words by their first character, so that a message is scanned once (at each
 * position only the words that can start there are compared) instead of once per word.
 */
const BY_FIRST = new Map<string, Array<{ word: string; concept: number }>>();
CONCEPTS.forEach((c, concept) => {
  for (const word of c.zh) {
    const list = BY_FIRST.get(word[0]!) ?? [];
    list.push({ word, concept });
    BY_FIRST.set(word[0]!, list);
  }
});

/** The concepts a normalised message mentions, in the lexicon's order. */
export function conceptsIn(text: string): string[] {
  const found = new Array<boolean>(CONCEPTS.length).fill(false);
  for (let i = 0; i < text.length; i++) {
    for (const { word, concept } of BY_FIRST.get(text[i]!) ?? []) if (!found[concept] && text.startsWith(word, i)) found[concept] = true;
  }
  if (/[a-z]/.test(text)) {
    const stemmed = text.replace(/[a-z][a-z']*/g, lexiconForm);
    EN_INDEX.forEach((e, i) => {
      if (!found[i] && e.re?.test(stemmed)) found[i] = true;
    });
  }
  const out: string[] = [];
  if (/(?<![a-z])bf[\s\-_]?\d{4}/.test(text)) out.push('CASEREF');
  CONCEPTS.forEach((c, i) => {
    if (found[i]) out.push(c.id);
  });
  return out;
}
