import { findPlaces } from '../places.js';
import { conceptsIn } from './concepts.js';
import { indicatorMentions } from './indicators.js';
import { stem } from './englishWords.js';

/**
 * The terms a normalised message is indexed and searched by. Chinese has no word boundaries, so a
 * run of Chinese is cut into overlapping character 1-, 2- and 3-grams (the usual unit for short-text
 * retrieval); Latin words are kept whole and stemmed (englishWords.ts). Before that, the things that vary
 * from message to message but not in meaning become one placeholder each, so that one corpus
 * example stands for every city and every indicator: a place Ⓟ, an indicator Ⓘ, a number Ⓝ, a case
 * number Ⓒ, a credit code or phone number Ⓤ (and, marked before, a company named in pinyin Ⓞ). A message of up to six characters also yields itself
 * as one term ("=好的"), because short replies mean exactly what they say.
 */

export const PLACE = 'Ⓟ';
export const INDICATOR = 'Ⓘ';
export const NUMBER = 'Ⓝ';
export const CASE = 'Ⓒ';
export const CODE = 'Ⓤ';

const CASE_REF = /bf[\s\-_]?\d{4}[\s\-_]?\d{1,4}/g;
const LONG_CODE = /(?<![a-z0-9])(?:[0-9a-z]{18}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d+)?)(?![a-z0-9])/g;

/** The message with its entities replaced by placeholders (indicator codes except FMEA, places, numbers). */
export function abstracted(text: string): string {
  let s = text.replace(CASE_REF, CASE).replace(LONG_CODE, CODE);
  const spans: Array<[number, number, string]> = [];
  for (const m of indicatorMentions(s)) if (m.code !== 'FMEA') spans.push([m.index, m.length, INDICATOR]);
  // Replace from the end so earlier offsets stay valid; overlapping spans keep the first.
  spans.sort((a, b) => b[0] - a[0]);
  let lastStart = Infinity;
  for (const [i, len, ph] of spans) {
    if (i + len > lastStart) continue;
    s = s.slice(0, i) + ph + s.slice(i + len);
    lastStart = i;
  }
  for (const m of findPlaces(s)) {
    s = m.kind === 'pinyin' ? s.replace(new RegExp(`(?<![a-z])${m.word.replace(/ /g, '\\s+')}(?![a-z])`, 'g'), PLACE) : s.split(m.word).join(PLACE);
  }
  return s.replace(/\d+(?:\.\d+)?/g, NUMBER);
}

const CJK_RUN = /[\u3400-\u9fffⓅⒾⓃⒸⓊⓄ]+/g;
const LATIN_WORD = /[a-z][a-z']*/g;
/**
 * English words that carry no topic of their own: as features they learn only which intents have
 * more English examples ("a" in "tell me a joke" made "thanks a lot" off-topic). Question words,
 * pronouns and negations stay: they do carry meaning here.
 */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'and',
  'or',
  'is',
  'are',
  'be',
  'it',
  'this',
  'that',
  'with',
  'by',
  'so',
  'as',
]);

/**
 * A number that can be a score: not a percentage (a weight), not a test's time point ("t=0",
 * "t>Ⓝ", the rubric's notation for the rows of a degradation table) and not a count or duration
 * with its unit ("1000h", "3种", "5个样本").
 */
const SCORE_LIKE_NUMBER =
  /(?<!(?<![a-z])t\s*[=＝>＞<＜]\s*)Ⓝ(?!\s*(?:%|percent|per cent|pct|h(?![a-z])|hours?|小时|个|台|件|种|次|天|年|月|周|批|组|样|家|份|cycles?|pcs|units?|samples?|times|days|years))/;

export function features(normalised: string): string[] {
  const s = abstracted(normalised);
  const terms: string[] = [];
  for (const run of s.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      terms.push(run[i]!);
      if (i + 1 < run.length) terms.push(run.slice(i, i + 2));
      if (i + 2 < run.length) terms.push(run.slice(i, i + 3));
    }
  }
  for (const w of s.match(LATIN_WORD) ?? []) {
    if (FUNCTION_WORDS.has(w)) continue;
    const root = stem(w);
    terms.push(w);
    if (root !== w) terms.push(`${root}~`);
  }
  // Concepts weigh like two n-grams: they carry the meaning the n-grams only hint at (two, not one
  // or three, by the cross-validated accuracy on the corpus).
  for (const c of conceptsIn(normalised)) terms.push(`#${c}`, `#${c}+`);
  // An indicator and a number together is how scores are written ("Id 88", "一致性给85分").
  // Two numbers as a range ("91-100", "71到90分") name a band: a rubric question, not a score.
  if (/Ⓝ\s*(?:-|~|～|—|到|至|(?<![a-z])to(?![a-z]))\s*Ⓝ/.test(s)) terms.push('#RANGE', '#RANGE+');
  // A percentage is a weight, not a score.
  else if (s.includes(INDICATOR) && SCORE_LIKE_NUMBER.test(s)) terms.push('#SCORED', '#SCORED+');
  if (/Ⓝ\s*(?:%|percent|per cent)/.test(s)) terms.push('#PERCENT');
  if (/[?？]/.test(s)) terms.push('?');
  const compact = s.replace(/[\s,，。.!！~、]+/g, '');
  if (compact && [...compact].length <= 6) terms.push(`=${compact}`);
  return terms;
}
