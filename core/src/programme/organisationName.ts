/**
 * Organisation names as people write them, compared for two purposes:
 *
 * 1. `organisationNameKey` — is this the same organisation? Used for the recusal rule of
 *    DB31/T 1368—2022 §5.2 (回避原则) when no 统一社会信用代码 ties the two records together. The key
 *    is deliberately coarse, because the two mistakes do not cost the same: recusing a reviewer
 *    from an entry of a different company with a near-identical name costs the officer one other
 *    reviewer; not recusing a reviewer from their own company is the conflict of interest the rule
 *    exists to prevent. The key therefore
 *    - applies Unicode NFKC (full-width letters, digits and brackets → half-width: （Ａ）→ (A));
 *    - drops all white space (also U+3000 and zero-width characters) and bracket characters, so
 *      上海甲（集团）有限公司 and 上海甲集团有限公司 agree;
 *    - lower-cases Latin letters;
 *    - drops one trailing legal form: 股份有限公司, 有限责任公司, 有限公司, 公司, and the English
 *      Co., Ltd. / Company Limited / Ltd. / Limited / Inc. / Corp. The 企业名称登记管理规定 make the
 *      organisational form the last part of a company name; the part before it (place, trade name,
 *      industry) is what tells companies apart, so 上海甲公司, 上海甲有限公司 and 上海甲有限责任公司
 *      are treated as one.
 * 2. `sameWrittenName` — does a stated name say the same as the registered one? Used to flag
 *    evidence whose enterprise name differs from the registry. Only width, white space and case are
 *    ignored here: 上海乙公司 for 上海乙有限公司 is a discrepancy an officer should see.
 */

const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;
const BRACKETS = /[()[\]{}〔〕【】〈〉《》「」『』]/gu;
/** Longest first, so 有限责任公司 is not cut to 有限责任 by 公司. */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '公司',
  'company limited',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd.',
  'co.ltd',
  'co,ltd',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'corp.',
  'corp',
].map((f) => f.replace(/\s+/g, ''));

function written(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** The recusal key of an organisation name (see above). */
export function organisationNameKey(name: string): string {
  const base = written(name).replace(BRACKETS, '');
  for (const form of LEGAL_FORMS) {
    if (base.endsWith(form) && base.length > form.length) return base.slice(0, -form.length).replace(/[,.]+$/u, '');
  }
  return base;
}

/** Same organisation for recusal: equal keys (never for empty names). */
export function sameOrganisationName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ka = organisationNameKey(a);
  return ka !== '' && ka === organisationNameKey(b);
}

/** The same name as written, ignoring only width, white space and case. */
export function sameWrittenName(a: string, b: string): boolean {
  return written(a) === written(b);
}
