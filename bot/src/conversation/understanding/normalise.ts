import * as OpenCC from 'opencc-js/t2cn';
import { LATIN_SYNONYMS, ZH_SYNONYMS } from './synonyms.js';

/**
 * Step 1 of understanding: one spelling for one meaning. Traditional → simplified with OpenCC
 * (Taiwan and Hong Kong variants both, e.g. 著/衞), full-width → half-width and compatibility forms
 * by Unicode NFKC (Ｉｃ → Ic, ～ → ~, （ → (), lower case, one space for any run of whitespace,
 * then the reviewed synonym table (synonyms.ts).
 */

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

const zhPattern = new RegExp(
  [...ZH_SYNONYMS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const zhMap = new Map(ZH_SYNONYMS.map(([a, b]) => [a, b]));

/** Traditional → simplified, NFKC, lower case, whitespace folded — no synonyms (for echoing names back). */
export function foldText(text: string): string {
  const hasHan = /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
  const simplified = hasHan ? fromHongKong(fromTaiwan(text)) : text;
  return simplified.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Pinyin initials of the rubric's words, read so only after an indicator's code. */
const RUBRIC_INITIALS: Readonly<Record<string, string>> = { qz: '权重', fd: '分档', dy: '定义', pf: '评分', mf: '满分' };
const AFTER_INDICATOR = new RegExp(`(?<![a-z])(i[_ -]?[cdr]|w|c|g)([ _-]?|的)(${Object.keys(RUBRIC_INITIALS).join('|')})(?![a-z])`, 'g');

/** The text the classifier and the extractors read. */
export function normalise(text: string): string {
  const folded = foldText(text);
  return (
    folded
      .replace(zhPattern, (m) => zhMap.get(m) ?? m)
      // A case number (bf-2025-0007) keeps its letters, and so does an indicator code (I_r, i r).
      .replace(/(?<![a-z]|(?<![a-z])i[_\- ]?)[a-z]+(?![a-z]|[-_ ]?\d)/g, (w) => LATIN_SYNONYMS[w] ?? w)
      // Right after an indicator's code, pinyin initials are the rubric's words ("ic qz" is Ic's 权重,
      // not 泉州).
      .replace(AFTER_INDICATOR, (_, code: string, gap: string, initials: string) => `${code}${gap}${RUBRIC_INITIALS[initials]}`)
  );
}
