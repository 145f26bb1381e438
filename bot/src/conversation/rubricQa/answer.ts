import { card, heading, para } from '../cards.js';
import type { ChatReply, Lang } from '../types.js';
import { t } from '../types.js';
import { ANSWER_THRESHOLD, PASSAGES, searchPassages, type Passage } from './search.js';

/**
 * Answers a rubric or programme question by quoting the best passage (and, for the band criteria
 * that refer to the basic requirements, note (a) as well) with its clause. Nothing is reworded:
 * the quote is the document's text; kekao adds only the title and the citation.
 */

function quoteBlock(p: Passage, lang: Lang): string {
  return t(lang, `【${p.title}】\n“${p.quote}”\n——出处：${p.citation}`, `[${p.title}]\n“${p.quote}”\n— Source: ${p.citation} (quoted in the original Chinese)`);
}

export function answerRubricQuestion(question: string, lang: Lang): { replies: ChatReply[]; passages: Passage[] } {
  const hits = searchPassages(question, 3).filter((h) => h.score >= ANSWER_THRESHOLD);
  if (hits.length === 0) {
    return {
      passages: [],
      replies: [{
        text: t(
          lang,
          '没有在评价要求和相关文件中找到与该问题对应的条文。可以换个说法，例如“什么是关键性能可靠域？”“Id怎么评分”“评分说明（d）”。',
          'I found no clause in the documents that answers this. Try e.g. "what is Ir?", "how is Id scored?".',
        ),
      }],
    };
  }
  const chosen: Passage[] = [hits[0]!.passage];
  // Band criteria that say “基本要求（a）” are incomplete without note (a).
  if (chosen[0]!.kind === 'criteria' && chosen[0]!.quote.includes('基本要求（a）')) {
    const noteA = PASSAGES.find((p) => p.id === 'rel-note-a');
    if (noteA) chosen.push(noteA);
  }
  const text = chosen.map((p) => quoteBlock(p, lang)).join('\n\n');
  const body: unknown[] = [];
  for (const p of chosen) {
    body.push(heading(p.title));
    body.push(para(p.quote));
    body.push(para(t(lang, `出处：${p.citation}`, `Source: ${p.citation}`), { isSubtle: true, size: 'Small' }));
  }
  return { passages: chosen, replies: [{ text, card: card(body) }] };
}
