import { pinyin } from 'pinyin-pro';

/**
 * Place names typed in Latin letters: full pinyin ("shijiazhuang", "pudong") and pinyin initials
 * ("sjz", "bj", "cq"), both computed from the Chinese names with pinyin-pro (its phrase dictionary
 * reads polyphonic names as names: 重庆 chongqing, 长安 chang'an), never typed by hand. A few
 * English exonyms that are not pinyin (Peking, Tibet, Hong Kong …) are listed as such.
 */

export interface PinyinName {
  /** Division code. */
  code: string;
  /** Full pinyin without tones or separators. */
  full: string;
  /** First letters of the syllables. */
  initials: string;
}

/** Pinyin of a Chinese name: full and initials. */
export function pinyinOf(name: string): PinyinName & { syllables: string[] } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).map((s) => s.toLowerCase());
  return { code: '', full: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), syllables };
}

/** English names that are not the pinyin of the Chinese one (province level). */
export const EXONYMS: Readonly<Record<string, string>> = {
  peking: '11',
  'inner mongolia': '15',
  tibet: '54',
  shaanxi: '61',
  'hong kong': '81',
  hongkong: '81',
  macau: '82',
  macao: '82',
  taiwan: '71',
};

/**
 * Latin words that also read as pinyin initials of a place but are ordinary English or chat words
 * ("my" would be 绵阳, "hi" nothing, "sd" kept: 山东). Initials are only matched outside this list.
 */
export const NOT_INITIALS: ReadonlySet<string> = new Set([
  'am',
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'hi',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'ok',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'id',
  'ic',
  'ir',
  'pc',
  'pm',
  'qq',
  'tv',
  'ceo',
  'pdf',
  'ddl',
  'faq',
  'bf',
  'jz',
  'fmea',
  'pfmea',
  'dfmea',
  'thx',
  'pls',
  'plz',
  'asap',
  'fyi',
  'btw',
  'wps',
  'usb',
  'led',
  'the',
  'and',
  'for',
  'who',
  'how',
  'why',
  'can',
  'you',
  'are',
  'was',
  'has',
  'had',
  'its',
  'our',
  'new',
  'now',
  'one',
  'two',
  'all',
  'any',
  'may',
  'not',
]);
