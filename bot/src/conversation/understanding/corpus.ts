import { readFileSync } from 'node:fs';
import { isIntent, type Intent } from './intents.js';

/**
 * The labelled corpus (bot/data/understanding/corpus.tsv): one example a line, "intent<TAB>text",
 * '#' starts a comment. Read and checked at start: a line with an unknown intent or without text
 * stops the bot with the line number, rather than training on a typo.
 */

export interface Example {
  id: number;
  intent: Intent;
  text: string;
}

export const CORPUS_URL = new URL('../../../data/understanding/corpus.tsv', import.meta.url);

export function parseCorpus(tsv: string, source = 'corpus.tsv'): Example[] {
  const out: Example[] = [];
  tsv.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const intent = tab > 0 ? line.slice(0, tab).trim() : '';
    const text = tab > 0 ? line.slice(tab + 1).trim() : '';
    if (!isIntent(intent)) throw new Error(`${source}:${i + 1}: unknown intent "${intent}"`);
    if (!text) throw new Error(`${source}:${i + 1}: example without text`);
    out.push({ id: out.length, intent, text });
  });
  return out;
}

export function loadCorpus(): Example[] {
  return parseCorpus(readFileSync(CORPUS_URL, 'utf8'));
}
