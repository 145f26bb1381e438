import { pinyinOf } from '../places/placePinyin.js';
import { foldText } from './normalise.js';

/**
 * Which of the organisations the asker may see a message names, by part of the name: "浦东精密"
 * finds 上海浦东精密电子有限公司, "那家冀北的" finds 冀北电源科技有限公司, "Jibei" (pinyin) too.
 * Method: the longest common substring of the message and the name's distinctive part (the name
 * without its legal form — 有限公司, 股份, 集团 …),
 * at least two characters; the names with the longest match win. Latin words are compared with
 * the pinyin of the distinctive part, syllable by syllable, and so are Chinese names misheard by
 * voice input (same sounds, other characters).
 */

const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|总厂|分厂|厂|co\.?,?\s*ltd\.?|ltd\.?|inc\.?|corp\.?)$/i;

function distinctive(name: string): string {
  return foldText(name).replace(LEGAL_FORM, '').replace(LEGAL_FORM, '');
}

/** Words many companies' names have: a match on one of these alone names no company ("新宇科技" is not 冀北电源科技). */
const GENERIC_WORDS = new Set([
  '科技',
  '技术',
  '电子',
  '电器',
  '电气',
  '精密',
  '仪器',
  '机械',
  '制造',
  '实业',
  '工业',
  '设备',
  '材料',
  '能源',
  '汽车',
  '智能',
  '信息',
  '发展',
  '国际',
  '控股',
  '新材',
  '生物',
  '化工',
  '电力',
  '光电',
  '通信',
  '软件',
  '网络',
  '贸易',
  '工程',
  '环保',
  '医疗',
  '食品',
  '有限',
  '股份',
  '集团',
  '公司',
]);

/** The longest run two sequences share (characters of two strings, or syllables): its length and where it ends in each. */
/** Generic words only, one or several ("科技", "精密仪器"). */
function onlyGenericWords(s: string): boolean {
  if (s.length === 0 || s.length % 2 !== 0) return GENERIC_WORDS.has(s);
  for (let i = 0; i < s.length; i += 2) if (!GENERIC_WORDS.has(s.slice(i, i + 2))) return false;
  return true;
}

function longestCommonRun<T>(a: ArrayLike<T>, b: ArrayLike<T>): { length: number; endA: number; endB: number } {
  let best = 0;
  let endA = 0;
  let endB = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) {
        best = prev[j]!;
        endA = i;
        endB = j;
      }
      diag = up;
    }
  }
  return { length: best, endA, endB };
}

function longestCommonSubstring(a: string, b: string): { length: number; common: string } {
  const run = longestCommonRun(a, b);
  return { length: run.length, common: a.slice(run.endA - run.length, run.endA) };
}

/**
 * Syllables in common, for a name misheard by voice input ("记北电源" for 冀北电源: ji bei dian
 * yuan): at least three, not only a generic word, and (when the message names a company) including
 * the sound of the typed name's first character.
 */
function soundMatch(textSyllables: readonly string[], core: string, typed: string | undefined): number {
  const coreSyllables = pinyinOf(core).syllables;
  if (coreSyllables.length !== core.length) return 0;
  const run = longestCommonRun(textSyllables, coreSyllables);
  if (run.length < 3) return 0;
  const inName = core.slice(run.endB - run.length, run.endB);
  if (onlyGenericWords(inName)) return 0;
  const first = typed ? pinyinOf(typed[0]!).syllables[0] : undefined;
  return !first || coreSyllables.slice(run.endB - run.length, run.endB).includes(first) ? run.length : 0;
}

function pinyinMatch(text: string, core: string): number {
  const words = text.match(/[a-z]{3,}/g);
  if (!words) return 0;
  const syl = pinyinOf(core).syllables;
  let best = 0;
  for (const w of words) {
    for (let i = 0; i < syl.length; i++) {
      let joined = '';
      for (let j = i; j < syl.length; j++) {
        joined += syl[j];
        if (joined === w && j - i + 1 >= 2) best = Math.max(best, j - i + 1);
        if (joined.length >= w.length) break;
      }
    }
  }
  return best;
}

export interface OrganisationMatch {
  name: string;
  /** Characters (or syllables) in common. */
  length: number;
}

/** The names the message refers to (best matches, all tied), or [] when it names none of them. */
export function matchOrganisations(message: string, names: readonly string[], typed?: string): OrganisationMatch[] {
  const text = foldText(message);
  let syllables: string[] | undefined;
  const scored = [...new Set(names)].map((name) => {
    const core = distinctive(name);
    const lcs = longestCommonSubstring(text, core);
    // A shared generic word only, or (when the message names a company) a match that misses the
    // first character of the typed name ("浦东精密" is not 沪东精密), names another company.
    const ok = !onlyGenericWords(lcs.common) && (!typed || lcs.common.includes(typed[0]!));
    const written = Math.max(ok ? lcs.length : 0, pinyinMatch(text, core));
    if (written >= 3 || !/[\u4e00-\u9fff]/.test(text)) return { name, length: written };
    syllables ??= pinyinOf(text).syllables;
    return { name, length: Math.max(written, soundMatch(syllables, core, typed)) };
  });
  const best = Math.max(0, ...scored.map((s) => s.length));
  return best >= 2 ? scored.filter((s) => s.length === best) : [];
}
