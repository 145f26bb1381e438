import { pinyinOf } from '../places/placePinyin.js';
import { foldText } from './normalise.js';

/**
 * Which of the organisations the asker may see a message names, by part of the name: "浦东精密"
 * finds 上海浦东精密电子有限公司, "那家冀北的" finds 冀北电源科技有限公司, "Jibei" (pinyin) too.
 * Method: the longest common substring of the message and the name's distinctive part (the name
 * without its legal form — 有限公司, 股份, 集团 …),
 * at least two characters; the names with the longest match win. Latin words are compared with
 * the pinyin of the distinctive part, syllable by syllable.
 */

const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|总厂|分厂|厂|co\.?,?\s*ltd\.?|ltd\.?|inc\.?|corp\.?)$/i;

function distinctive(name: string): string {
  return foldText(name).replace(LEGAL_FORM, '').replace(LEGAL_FORM, '');
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = up;
    }
  }
  return best;
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
export function matchOrganisations(message: string, names: readonly string[]): OrganisationMatch[] {
  const text = foldText(message);
  const scored = [...new Set(names)].map((name) => {
    const core = distinctive(name);
    return { name, length: Math.max(longestCommonSubstring(text, core), pinyinMatch(text, core)) };
  });
  const best = Math.max(0, ...scored.map((s) => s.length));
  return best >= 2 ? scored.filter((s) => s.length === best) : [];
}
