import { card, heading, para } from '../cards.js';
import type { ChatReply, Lang } from '../types.js';
import { t } from '../types.js';
import { chineseTerms, inDefinitionWords } from './evidence.js';
import { bandsOfAll, directFact, fmeaDefinition, type Fact } from './facts.js';
import { bestSentence, sharedPairs } from './sentenceMatch.js';
import type { Passage } from './passages.js';
import { analyse, type RubricQuestion } from './question.js';
import { ANSWER_THRESHOLD, searchPassages } from './search.js';

/**
 * Answers a rubric or programme question: the direct answer first ("Ic 20%、Id 25%…", "说明（d）：
 * …得0分", "极限应用场景不少于3种"), then the documents' words with their clause. The quote is the
 * document's text; kekao adds only the lead, the title and the citation. A message that asks two
 * things ("专业指标有哪些？效益指标呢") is answered part by part; a part that says only what is
 * asked ("Id呢", "怎么评分？") takes the indicators or the kind of answer of the part before it.
 */

function quoteBlock(p: Passage, lang: Lang): string {
  return t(lang, `【${p.title}】\n“${p.quote}”\n——出处：${p.citation}`, `[${p.title}]\n“${p.quote}”\n— Source: ${p.citation} (quoted in the original Chinese)`);
}

export interface RubricAnswer {
  replies: ChatReply[];
  passages: Passage[];
  question: RubricQuestion;
  /** The indicators (and FMEA) the answer is about: those asked, and those of the passages quoted. */
  indicators: string[];
}

/** The answer to one question (one part of a message), or undefined when no clause fits. */
function answerPart(q: RubricQuestion, lang: Lang): Fact | undefined {
  const fact = directFact(q, lang);
  if (fact) return fact;
  // The passages are Chinese: an English question is searched with the documents' words for what it asks too.
  const english = !/[\u4e00-\u9fff]/.test(q.normalised);
  const searched = english ? { ...q, normalised: `${q.normalised} ${chineseTerms(q.normalised).join(' ')}` } : q;
  const hits = searchPassages(searched, 2).filter((h) => h.score >= ANSWER_THRESHOLD);
  const top = hits[0]?.passage;
  // Bands asked without an indicator: the passage only when the question shares its own words with
  // it ("颠覆式创新" → C's criteria); otherwise the four bands every indicator has.
  if (q.facet === 'bands' && !q.indicators.length && !q.fmea && !q.notes.length && (!top || sharedPairs(top, q.normalised) < 2)) return bandsOfAll(lang);
  if (!top) return q.fmea ? fmeaDefinition(lang) : undefined;
  const quotes = [top];
  // Band criteria that say “基本要求（a）” are incomplete without note (a).
  if (top.kind === 'criteria' && top.quote.includes('基本要求（a）'))
    quotes.push(
      ...searchPassages({ ...q, notes: ['a'], facet: 'note', indicators: [] }, 1)
        .map((h) => h.passage)
        .filter((p) => p.id === 'rel-note-a'),
    );
  // The passages are Chinese: an English question is matched by the Chinese words for what it asks.
  const asked = /[\u4e00-\u9fff]/.test(q.normalised) ? q.normalised : inDefinitionWords(q.normalised);
  return { lead: t(lang, bestSentence(top, asked), `${top.title}: ${bestSentence(top, asked)}`), quotes };
}

/** The parts of a message that ask something of their own (split at question marks and semicolons). */
function parts(question: string): RubricQuestion[] {
  const pieces = question
    .split(/[？?；;]+/)
    .map((s) => s.trim())
    .filter((s) => /[\u4e00-\u9fffa-z]{2,}/i.test(s));
  const out: RubricQuestion[] = [];
  for (const piece of pieces) {
    const q = analyse(piece);
    const prev = out[out.length - 1];
    if (prev && !q.indicators.length && !q.fmea && !q.notes.length && q.facet !== 'other') out.push({ ...q, indicators: prev.indicators, fmea: prev.fmea });
    else if (prev && q.facet === 'other' && (q.indicators.length || q.fmea) && /呢|and|what about/.test(q.normalised)) out.push({ ...q, facet: prev.facet });
    else out.push(q);
  }
  return out;
}

export function answerRubricQuestion(question: string, lang: Lang): RubricAnswer {
  const whole = analyse(question);
  const split = parts(question);
  const answered = split.length > 1 ? split.map((q) => ({ q, fact: answerPart(q, lang) })).filter((a): a is { q: RubricQuestion; fact: Fact } => !!a.fact) : [];
  const facts = answered.length > 1 ? answered.map((a) => a.fact) : [answerPart(whole, lang)].filter((f): f is Fact => !!f);
  if (facts.length === 0) {
    return {
      question: whole,
      passages: [],
      indicators: [...whole.indicators, ...(whole.fmea ? ['FMEA'] : [])],
      replies: [
        {
          text: t(
            lang,
            '没有在评价要求和相关文件中找到与该问题对应的条文。可以换个说法，例如“什么是关键性能可靠域？”“Id怎么评分”“评分说明（d）”。',
            'I found no clause in the documents that answers this. Try e.g. "what is Ir?", "how is Id scored?".',
          ),
        },
      ],
    };
  }
  const lead = facts.map((f) => f.lead).join('\n');
  const quotes = [...new Map(facts.flatMap((f) => f.quotes).map((p) => [p.id, p])).values()];
  const asked = answered.length > 1 ? answered.map((a) => a.q) : [whole];
  const indicators = new Set<string>([...asked.flatMap((q) => [...q.indicators, ...(q.fmea ? ['FMEA'] : [])])]);
  // A quoted passage about an indicator makes the answer about it too (all six weights → all six).
  for (const p of quotes) if (p.indicator) indicators.add(p.indicator);
  if (quotes.some((p) => p.entities.includes('fmea'))) indicators.add('FMEA');
  const text = [lead, '', ...quotes.map((p) => quoteBlock(p, lang))].join('\n');
  const body: unknown[] = [para(lead, { weight: 'Bolder' })];
  for (const p of quotes) {
    body.push(heading(p.title));
    body.push(para(p.quote));
    body.push(para(t(lang, `出处：${p.citation}`, `Source: ${p.citation}`), { isSubtle: true, size: 'Small' }));
  }
  return { question: whole, passages: quotes, indicators: [...indicators], replies: [{ text, card: card(body) }] };
}
