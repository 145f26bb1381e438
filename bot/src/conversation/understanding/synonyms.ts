/**
 * The reviewed table of domain synonyms, colloquialisms and common typos, applied after the
 * traditional → simplified conversion. Kept small on purpose: the classifier learns wording from
 * the corpus; this table only folds spellings that mean exactly the same thing here, so that one
 * corpus example covers them all. Each row: what people type → what it means.
 */

/** Replacements inside Chinese text (substring, longest first). */
export const ZH_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  // 截至 ("as of") is the most common typo for 截止 ("deadline") in these questions.
  ['截至', '截止'],
  ['载止', '截止'],
  ['节止', '截止'],
  ['截只', '截止'],
  // Colloquial question words (北方口语 / 网络用语).
  ['啥时候', '什么时候'],
  ['多会儿', '什么时候'],
  ['几时', '什么时候'],
  ['咋样', '怎么样'],
  ['咋', '怎么'],
  ['啥', '什么'],
  ['神马', '什么'],
  ['木有', '没有'],
  ['咱们', '我们'],
  ['俺们', '我们'],
  ['俺', '我'],
  // Same role, other words (2025 notice 六、联系方式 names them 联系人).
  ['联络人', '联系人'],
  ['对接人', '联系人'],
  ['连系人', '联系人'],
  ['联系方法', '联系方式'],
  ['联络方式', '联系方式'],
  ['资料', '材料'],
  ['材科', '材料'],
  ['申抱', '申报'],
  ['幇扶', '帮扶'],
  ['邦扶', '帮扶'],
  ['帮付', '帮扶'],
];

/** Whole Latin tokens (lower case): chat abbreviations and pinyin initials of domain words. */
export const LATIN_SYNONYMS: Readonly<Record<string, string>> = {
  ddl: '截止时间',
  jz: '截止',
  jzsj: '截止时间',
  lxr: '联系人',
  lxfs: '联系方式',
  bf: '帮扶',
  bfsq: '帮扶申请',
  cl: '材料',
  clqd: '材料清单',
  lc: '流程',
  pf: '评分',
  thx: 'thanks',
  thanx: 'thanks',
  tks: 'thanks',
  ty: 'thanks',
  pls: 'please',
  plz: 'please',
  u: 'you',
  r: 'are',
};
