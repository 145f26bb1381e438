import { englishIndicatorMentions } from './englishIndicators.js';
import { SoundAlike } from './homophones.js';

/**
 * Indicator codes named in a (normalised, lower-case) message, in every form people write them:
 * the codes (Ic / ic / IC / I_c / I c), the names of the 2024 rubric (关键性能一致性 or just 一致性
 * …) in Chinese and English (englishIndicators.ts), and FMEA (the 2025 notice's second rubric).
 * Single letters W, C and G count only standing alone ("w指标", "C 80"), never inside a word.
 */

export type IndicatorCode = 'Ic' | 'Id' | 'Ir' | 'W' | 'C' | 'G' | 'FMEA';

/** Each indicator as a code pattern and its Chinese names. */
const FORMS: ReadonlyArray<readonly [IndicatorCode, RegExp, readonly string[]]> = [
  ['Ic', /(?<![a-z])i\s?[_-]?\s?c(?![a-z])/, ['一致性']],
  ['Id', /(?<![a-z])i\s?[_-]?\s?d(?![a-z])/, ['退化量', '性能退化']],
  // The extremes it is about, in an engineer's words (极端环境, 恶劣工况).
  ['Ir', /(?<![a-z])i\s?[_-]?\s?r(?![a-z])/, ['可靠域', '极限应用场景', '极限场景', '极端环境', '恶劣环境', '极端工况', '恶劣工况', '极端温度']],
  ['W', /(?<![a-z])w(?![a-z])/, ['售后责任故障', '售后故障', '责任故障', '故障数', '故障率']],
  // Not the c of I_c or "i c".
  ['C', /(?<![a-z_]|(?<![a-z])i[\s-])c(?![a-z+#])/, ['创新性']],
  ['G', /(?<![a-z])g(?![a-z])/, ['可推广性', '推广性']],
  ['FMEA', /(?<![a-z])[dp]?fmea(?![a-z])/, ['失效模式']],
];
const PATTERNS = FORMS.map(([code, pattern, names]) => [code, new RegExp(`${pattern.source}|${names.join('|')}`, 'g')] as const);
/**
 * The Chinese names as voice input mishears them ("退化亮", "可靠遇"): same sound, same length, so
 * the positions of the mentions are the message's own.
 */
const MISHEARD = new SoundAlike(
  FORMS.flatMap(([, , names]) => names),
  new Set(),
  3,
);

export interface IndicatorMention {
  code: IndicatorCode;
  index: number;
  length: number;
}

/** Every mention, in text order. */
export function indicatorMentions(written: string): IndicatorMention[] {
  const text = MISHEARD.correct(written);
  const out: IndicatorMention[] = [];
  for (const [code, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ code, index: m.index, length: m[0].length });
  }
  out.push(...englishIndicatorMentions(written));
  return out.sort((a, b) => a.index - b.index);
}

/** The distinct codes, in text order. */
export function indicatorsIn(text: string): IndicatorCode[] {
  return [...new Set(indicatorMentions(text).map((m) => m.code))];
}
