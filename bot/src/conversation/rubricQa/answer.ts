import { card, heading, para } from '../cards.js';
import type { ChatReply, Lang } from '../types.js';
import { t } from '../types.js';
import { bestSentence, directFact } from './facts.js';
import type { Passage } from './passages.js';
import { analyse, type RubricQuestion } from './question.js';
import { ANSWER_THRESHOLD, searchPassages } from './search.js';

/**
 * Answers a rubric or programme question: the direct answer first ("Ic 20%、Id 25%…", "说明（d）：
 * …得0分", "极限应用场景不少于3种"), then the documents' words with their clause. The quote is the
 * document's text; kekao adds only the lead, the title and the citation.
 */

function quoteBlock(p: Passage, lang: Lang): string {
  return t(lang, `【${p.title}】\n“${p.quote}”\n——出处：${p.citation}`, `[${p.title}]\n“${p.quote}”\n— Source: ${p.citation} (quoted in the original Chinese)`);
}

export interface RubricAnswer {
  replies: ChatReply[];
  passages: Passage[];
  question: RubricQuestion;
}

export function answerRubricQuestion(question: string, lang: Lang): RubricAnswer {
  const q = analyse(question);
  const fact = directFact(q, lang);
  let lead: string;
  let quotes: Passage[];
  if (fact) {
    ({ lead, quotes } = fact);
  } else {
    const hits = searchPassages(q, 2).filter((h) => h.score >= ANSWER_THRESHOLD);
    if (hits.length === 0) {
      return {
        question: q,
        passages: [],
        replies: [{
          text: t(lang, '没有在评价要求和相关文件中找到与该问题对应的条文。可以换个说法，例如“什么是关键性能可靠域？”“Id怎么评分”“评分说明（d）”。', 'I found no clause in the documents that answers this. Try e.g. "what is Ir?", "how is Id scored?".'),
        }],
      };
    }
    const top = hits[0]!.passage;
    quotes = [top];
    // Band criteria that say “基本要求（a）” are incomplete without note (a).
    if (top.kind === 'criteria' && top.quote.includes('基本要求（a）')) quotes.push(...searchPassages({ ...q, notes: ['a'], facet: 'note', indicators: [] }, 1).map((h) => h.passage).filter((p) => p.id === 'rel-note-a'));
    lead = t(lang, bestSentence(top, q.normalised), `${top.title}: ${bestSentence(top, q.normalised)}`);
  }
  const text = [lead, '', ...quotes.map((p) => quoteBlock(p, lang))].join('\n');
  const body: unknown[] = [para(lead, { weight: 'Bolder' })];
  for (const p of quotes) {
    body.push(heading(p.title));
    body.push(para(p.quote));
    body.push(para(t(lang, `出处：${p.citation}`, `Source: ${p.citation}`), { isSubtle: true, size: 'Small' }));
  }
  return { question: q, passages: quotes, replies: [{ text, card: card(body) }] };
}
