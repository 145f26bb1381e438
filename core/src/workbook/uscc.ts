/**
 * 统一社会信用代码 (unified social credit code) check — GB 32100—2015 《法人和其他组织统一社会信用代码编码规则》.
 *
 * - 18 characters from the 31-character code alphabet 0-9, A-H, J-N, P-R, T-U, W-Y
 *   (I, O, Z, S, V are not used, GB 32100 表1); each character's value is its index 0..30.
 * - Positions 1–17 are weighted by W_i = 3^(i−1) mod 31 = 1, 3, 9, 27, 19, 26, 16, 17, 20, 29,
 *   25, 13, 8, 24, 10, 30, 28 (GB 32100 §4.2).
 * - Check character C18 = 31 − (Σ C_i·W_i mod 31); the value 31 is written as 0.
 * The independent reference implementation is core/test/reference/uscc.py.
 */
import type { Bilingual } from '../i18n/bilingual.js';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccResult =
  | { ok: true; code: string }
  | (Bilingual & { ok: false; key: 'uscc.length' | 'uscc.badCharacter' | 'uscc.checkCharacter'; expected?: string });

/** The check character (position 18) for the first 17 characters, or undefined when one is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Validates a code exactly as written (no case folding: the standard uses capital letters only). */
export function validateUscc(code: string): UsccResult {
  const chars = [...code];
  if (chars.length !== 18) {
    return {
      ok: false,
      key: 'uscc.length',
      zh: `统一社会信用代码应为18位，实为${chars.length}位`,
      en: `a unified social credit code has 18 characters, this one has ${chars.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    if (!USCC_ALPHABET.includes(ch)) {
      return {
        ok: false,
        key: 'uscc.badCharacter',
        zh: `第${i + 1}位“${ch}”不是统一社会信用代码字符（0-9 及除 I、O、Z、S、V 外的大写字母）`,
        en: `character ${i + 1} "${ch}" is not allowed (0-9 and capital letters except I, O, Z, S, V)`,
      };
    }
  }
  const expected = usccCheckCharacter(code.slice(0, 17))!;
  if (expected !== code[17]) {
    return {
      ok: false,
      key: 'uscc.checkCharacter',
      zh: `校验码错误：第18位应为“${expected}”，实为“${code[17]}”（GB 32100—2015）`,
      en: `wrong check character: position 18 should be "${expected}", not "${code[17]}" (GB 32100—2015)`,
      expected,
    };
  }
  return { ok: true, code };
}

/**
 * The same check as an Excel formula over one cell (data validation and the visible 校验 cell).
 * Uses W_i = 3^(i−1) mod 31 and MOD(−Σ, 31) (= 31 − Σ mod 31, with 31 → 0) to stay under the
 * 255-character limit of data-validation formulas. FIND is case-sensitive, like the standard.
 */
export function usccExcelFormula(cell: string): string {
  const a = `"${USCC_ALPHABET}"`;
  const r = 'ROW($1:$17)';
  return `AND(LEN(${cell})=18,MID(${a},MOD(-SUMPRODUCT((FIND(MID(${cell},${r},1),${a})-1)*MOD(3^(${r}-1),31)),31)+1,1)` + `=MID(${cell},18,1))`;
}
