import MiniSearch from 'minisearch';
import { PASSAGES, type Passage } from './passages.js';
import type { RubricQuestion } from './question.js';
import { normalise } from '../understanding/normalise.js';

/**
 * Retrieval over the passages with MiniSearch (BM25+, the library's defaults): character bigrams of
 * the title, search keywords and quote, plus the passage's entity tags in a field of their own
 * boosted ×6, so that a question naming Ir or note (d) finds Ir's or (d)'s passage before any
 * passage that merely shares words. Passages about another indicator than the one asked are
 * dropped, and the kind the facet asks for is preferred.
 */

function terms(text: string): string[] {
  const clean = normalise(text).replace(/[\s，。、；：“”‘’（）()《》？?！!,.;:"'\-—～~/]+/g, ' ');
  const out: string[] = [];
  for (const chunk of clean.split(' ')) {
    if (!chunk) continue;
    if (/^[a-z0-9%]+$/.test(chunk)) {
      out.push(chunk);
      continue;
    }
    if (chunk.length === 1) out.push(chunk);
    for (let i = 0; i + 1 < chunk.length; i++) out.push(chunk.slice(i, i + 2));
  }
  return out;
}

interface Doc {
  id: string;
  title: string;
  keywords: string;
  quote: string;
  entities: string;
}

const index = new MiniSearch<Doc>({
  fields: ['title', 'keywords', 'quote', 'entities'],
  tokenize: (s, field) => (field === 'entities' ? s.split(' ').filter(Boolean) : terms(s)),
  processTerm: (t) => t,
  searchOptions: { boost: { title: 2, keywords: 2, quote: 1, entities: 6 }, prefix: false, fuzzy: false, combineWith: 'OR' },
});
index.addAll(PASSAGES.map((p) => ({ id: p.id, title: p.title, keywords: p.keywords.join(' '), quote: p.quote, entities: p.entities.join(' ') })));
const byId = new Map(PASSAGES.map((p) => [p.id, p]));

/** Question words that say what kind of answer is wanted, not what it is about. */
const FILLER = /什么是|是什么|什么意思|是啥|怎么评分|如何评分|怎么评|如何评|怎么打分|请问|一下|多少|哪些|怎么|如何|吗|呢|啊/g;

const KIND_FOR_FACET: Record<RubricQuestion['facet'], Passage['kind'][]> = {
  weight: ['weight'],
  bands: ['criteria', 'fmeaGroup'],
  note: ['note'],
  definition: ['definition', 'document', 'principle', 'group'],
  tier: ['document'],
  total: ['formula', 'note'],
  count: ['definition', 'document', 'group'],
  other: [],
};

export interface SearchHit {
  passage: Passage;
  score: number;
}

/** `forms`: search the recommendation forms' passages only (materials questions); else everything but them. */
export function searchPassages(q: RubricQuestion, limit = 3, forms = false): SearchHit[] {
  const entityTerms = [
    ...q.indicators.map((i) => `ind:${i}`),
    ...q.notes.map((n) => `note:${n}`),
    ...(q.fmea ? ['fmea'] : []),
    ...(q.facet === 'tier' ? ['tier'] : []),
  ];
  const query = [...terms(q.normalised.replace(FILLER, ' ')), ...entityTerms].join(' ');
  if (!query.trim()) return [];
  const hits = index.search(query, {
    tokenize: (s) => s.split(' ').filter(Boolean),
    fields: ['title', 'keywords', 'quote', 'entities'],
  });
  const wanted = KIND_FOR_FACET[q.facet];
  return (
    hits
      .map((h) => ({ passage: byId.get(h.id as string)!, score: h.score }))
      .filter((h) => (h.passage.kind === 'form') === forms)
      .filter((h) => !q.indicators.length || !h.passage.indicator || q.indicators.includes(h.passage.indicator as never))
      .filter((h) => !q.fmea || h.passage.entities.includes('fmea'))
      // A weight row ("关键性能一致性（Ic）20%") answers only a question about weights: short as it is,
      // it would otherwise win any question that names its indicator and little else.
      .filter((h) => h.passage.kind !== 'weight' || q.facet === 'weight')
      .map((h) => ({ ...h, score: h.score * (wanted.includes(h.passage.kind) ? 1.5 : 1) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
  );
}

/** Minimum score for a passage to count as an answer (below it kekao says it found nothing). */
export const ANSWER_THRESHOLD = 20;
