import { QUOTE_PREFIX, type Passage } from './passages.js';

/**
 * Which of a passage's sentences answers a question, by the character pairs they share (question
 * words and band words aside): the lead of a rubric answer is the passage's own sentence, so it
 * never says more than the quote.
 */

/** Character pairs of the text (lower case; Chinese, Latin letters and digits only). */
export function bigrams(s: string): Set<string> {
  const c = s.toLowerCase().replace(/[^\u4e00-\u9fffa-z0-9]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) out.add(c.slice(i, i + 2));
  return out;
}

const GENERIC = new Set(['什么', '是什', '么是', '怎么', '多少', '意思', '一下', '请问', '哪些', '几种', '要几', '至少']);

/** A sentence that states a quantity ("不少于3种", "不超过500字") answers "how many / at least". */
const QUANTITY = /不少于|至少|不超过|以内|以上|\d/;
const ASKS_QUANTITY =
  /最少|至少|不少于|少于|不足|不到|fewer than|less than|几种|多少种|几个|多少个|几类|几份|多少字|字数|数量|多长|how many|at least|minimum|word limit/;

/** How many of the question's own character pairs (question words aside) the passage's text has. */
export function sharedPairs(p: Passage, question: string): number {
  const b = bigrams(p.quote);
  return [...bigrams(question)].filter((x) => !GENERIC.has(x) && !BAND_WORDS.has(x) && b.has(x)).length;
}
const BAND_WORDS = new Set(['评分', '分数', '几档', '哪档', '档次', '分档', '得分', '打分', '能拿', '拿多', '少分', '几分']);

/** The passage's sentence that shares most character pairs with the question (first wins ties). */
export function bestSentence(p: Passage, question: string): string {
  const q = [...bigrams(question)].filter((b) => !GENERIC.has(b));
  const pieces = p.quote
    .split('\n')
    .map((l) => l.replace(QUOTE_PREFIX, ''))
    .flatMap((l) => l.split(/(?<=[。；])/))
    .map((s) => s.trim())
    .filter(Boolean);
  // A heading-like fragment ("高风险问题。") belongs to the sentence after it.
  const sentences: string[] = [];
  for (const s of pieces) {
    const prev = sentences[sentences.length - 1];
    if (prev !== undefined && [...prev].length < 8) sentences[sentences.length - 1] = prev + s;
    else sentences.push(s);
  }
  let best = sentences[0] ?? p.quote;
  let bestScore = -1;
  for (const s of sentences) {
    const b = bigrams(s);
    const score = q.filter((x) => b.has(x)).length + (ASKS_QUANTITY.test(question) && QUANTITY.test(s) ? 3 : 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** A passage's first sentence (a definition's opening says what the indicator is). */
export function firstSentence(p: Passage): string {
  return p.quote.split(/(?<=。)/)[0]!;
}

/**
 * A definition's sentence of method ("关键性能一致性根据实际测试结果计算…变异系数…"): the sentence closest
 * to the question together with the words those sentences share (根据测试结果计算).
 */
export function methodSentence(definition: Passage, question = ''): string {
  return bestSentence(definition, `${question} 根据测试结果计算`);
}
