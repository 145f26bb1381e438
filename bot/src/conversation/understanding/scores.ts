import { indicatorMentions, type IndicatorCode, type IndicatorMention } from './indicators.js';

/**
 * A reviewer's score entry as people type it: the indicator (code or name, any case) and the raw
 * score in any order, with or without the entry number and a reason — "Id打88分", "第1条 W 80",
 * "score 1 Ic 90 fine", "给第一条的ir打75，极限场景覆盖较全面", "88分 Id".
 */

export interface ParsedScore {
  /** 1-based entry of the reviewer's digest, when written. */
  entry?: number;
  indicator: Exclude<IndicatorCode, 'FMEA'>;
  raw: number;
  reason?: string;
}

export type ScoreParse = { ok: true; score: ParsedScore } | { ok: false; problem: 'noIndicator' | 'severalIndicators' | 'noNumber' | 'range' };

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s === '一百') return 100;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10 + (CN_DIGITS[s[2]!] ?? NaN);
  return CN_DIGITS[s];
}

const ENTRY =
  /第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:条|个|项|家|份|号)?|(?:entry|no\.?|#|条目|序号)\s*([0-9]+)|(?:^|给|把|对)\s*([0-9]{1,2})\s*(?:号|条|项)(?![0-9])/;
/** Two numbers joined as a range ("91-100", "71到90") are a band being asked about, never a score. */
export const SCORE_RANGE = /\d+(?:\.\d+)?\s*(?:-|~|～|—|到|至|(?<![a-z])to(?![a-z]))\s*\d+/;
/** A time point of a test (t=0, t>0, t = 500 h). */
const TIME_POINT = /(?<![a-z])t\s*[=＝>＞<＜]\s*\d+(?:\.\d+)?\s*(?:h|小时)?/g;
/**
 * Eleven to a hundred in Chinese numerals, standing alone ("七十五", "八十", "一百") after a space or a
 * verb of scoring, not inside a word; a bare 十 is left alone (十分 is "very").
 */
const CHINESE_SCORE =
  /(?<=^|[\s:：=,，]|[给打为评是成到改了])(?:[一二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]|一百)(?=\s*分|\s*$|[\s,，。;；])/g;
const LEAD = /^\s*(?:打分|评分|录入|score|打分[:：])?\s*[:：]?\s*([0-9]{1,2})\s+(?=[a-z\u4e00-\u9fff])/;

/** Parses a normalised (lower-case, simplified) message; `original` keeps the reason's case; `found`: its indicator mentions, when already known. */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** A score in English words ("eighty two", "ninety-five", "a hundred"); an entry's number after "entry" ("entry one"). */
const ENGLISH_SCORE = new RegExp(
  `(?<![a-z])(?:(${TENS.filter(Boolean).join('|')})(?:[\\s-](${UNITS.slice(1).join('|')}))?|(${TEENS.join('|')})|(?:a |one )?(hundred))(?![a-z])`,
  'g',
);
const ENGLISH_ENTRY = new RegExp(`(?<=(?:entry|item|no\\.?|number)\\s)(${UNITS.slice(1).join('|')})(?![a-z])`, 'g');

/** English number words as digits, padded to the same length so that positions stay where they were. */
function englishNumbersAsDigits(text: string): string {
  if (!/[a-z]{3}/.test(text)) return text;
  return text
    .replace(ENGLISH_SCORE, (m, tens?: string, unit?: string, teen?: string, hundred?: string) => {
      const n = hundred ? 100 : teen ? TEENS.indexOf(teen) + 10 : TENS.indexOf(tens!) * 10 + (unit ? UNITS.indexOf(unit) : 0);
      return String(n).padEnd(m.length, ' ');
    })
    .replace(ENGLISH_ENTRY, (m) => String(UNITS.indexOf(m)).padEnd(m.length, ' '));
}

export function parseScore(text: string, original = text, found: readonly IndicatorMention[] = indicatorMentions(text)): ScoreParse {
  const written = text;
  text = englishNumbersAsDigits(text);
  const mentions = found.filter((m) => m.code !== 'FMEA');
  const codes = [...new Set(mentions.map((m) => m.code))];
  if (codes.length === 0) return { ok: false, problem: 'noIndicator' };
  if (codes.length > 1) return { ok: false, problem: 'severalIndicators' };
  const mention = mentions[0]!;
  if (SCORE_RANGE.test(text.replace(/bf[\s\-_]?\d{4}[\s\-_]?\d{1,4}/g, ' '))) return { ok: false, problem: 'range' };
  let rest = text;
  let entry: number | undefined;
  const e = ENTRY.exec(rest);
  if (e) {
    entry = chineseNumber(e[1] ?? e[2] ?? e[3]!);
    rest = rest.slice(0, e.index) + ' '.repeat(e[0].length) + rest.slice(e.index + e[0].length);
  } else {
    const lead = LEAD.exec(rest);
    // A number in front is the entry only when another number is left to be the score:
    // "1 Ic 85" is entry 1, "85 一致性" is the score 85 written before the indicator's name.
    let unblanked = rest;
    for (const m of mentions) unblanked = unblanked.slice(0, m.index) + ' '.repeat(m.length) + unblanked.slice(m.index + m.length);
    const numberCount = (unblanked.match(/\d+(?:\.\d+)?/g) ?? []).length;
    if (lead && numberCount >= 2 && lead.index + lead[0].length <= mention.index) {
      entry = Number(lead[1]);
      const at = rest.indexOf(lead[1]!, lead.index);
      rest = rest.slice(0, at) + ' '.repeat(lead[1]!.length) + rest.slice(at + lead[1]!.length);
    }
  }
  // The reason keeps indicator words written after the score ("…极限场景只测了三种").
  const forReason = rest.slice(0, mention.index) + ' '.repeat(mention.length) + rest.slice(mention.index + mention.length);
  // Blank out the indicator so its letters or digits are not read as the score.
  for (const m of mentions) rest = rest.slice(0, m.index) + ' '.repeat(m.length) + rest.slice(m.index + m.length);
  // A test time point ("t=0", "t＝1000h", "t>0", the rubric's notation for the rows of a
  // degradation table) is data being talked about, never a score.
  rest = rest.replace(TIME_POINT, (m) => ' '.repeat(m.length));
  // A score said in Chinese numerals ("Ir 七十五", "给八十分"), as digits of the same length so that
  // the positions (and the reason after it) stay where they were.
  rest = rest.replace(CHINESE_SCORE, (m) => String(chineseNumber(m)).padEnd(m.length, ' '));
  // Numbers said in words are the score or the entry, never part of the reason.
  const reasonFrom = [...forReason.replace(CHINESE_SCORE, (m) => ' '.repeat(m.length))].map((c, i) => (written[i] !== text[i] ? ' ' : c)).join('');
  // A percentage is a weight being talked about, never a score.
  const numbers = [...rest.matchAll(/-?\d+(?:\.\d+)?(?!\s*(?:%|percent|per cent|pct)|\d)/g)].map((m) => ({
    value: Number(m[0]),
    index: m.index!,
    end: m.index! + m[0].length,
  }));
  if (numbers.length === 0) return { ok: false, problem: 'noNumber' };
  // The score is the number written as one ("88分", "打88", "= 88"), else the one nearest the indicator.
  const marked = numbers.find((n) => /^\s*分/.test(rest.slice(n.end)) || /(打|给|评|为|=|:|：|改成|改为|to)\s*$/.test(rest.slice(0, n.index)));
  const nearest = [...numbers].sort((a, b) => Math.abs(a.index - mention.index) - Math.abs(b.index - mention.index))[0]!;
  const raw = marked ?? nearest;
  // The reason is what follows the score, in the writer's own case where the lengths allow.
  const source = original.length === text.length ? original : text;
  let reason = '';
  for (let i = raw.end; i < reasonFrom.length; i++) if (reasonFrom[i] !== ' ' || (text[i] === ' ' && written[i] === ' ')) reason += source[i];
  reason = reason
    .replace(/^\s*分/, '')
    .replace(/第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(条|个|项)?/g, '')
    .replace(/^[\s,，。.;；:：、]*(理由是|理由|因为|原因是|reason:?|because)?[\s,，:：]*/i, '')
    .trim();
  return {
    ok: true,
    score: { ...(entry !== undefined ? { entry } : {}), indicator: mention.code as ParsedScore['indicator'], raw: raw.value, ...(reason ? { reason } : {}) },
  };
}
