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
  ['帮夫', '帮扶'],
  // Homophone and look-alike typos of the programme's words (拼音输入法 picks the wrong character).
  ['联糸', '联系'],
  ['连系', '联系'],
  ['联细', '联系'],
  ['材枓', '材料'],
  ['材才', '材料'],
  ['推存', '推荐'],
  ['推建', '推荐'],
  ['全重', '权重'],
  ['权中', '权重'],
  ['梯对', '梯队'],
  ['梯退', '梯队'],
  ['流陈', '流程'],
  ['流成', '流程'],
  ['评份', '评分'],
  ['凭分', '评分'],
  ['申保', '申报'],
  ['申情', '申请'],
  ['申清', '申请'],
  ['电化', '电话'],
  ['关建', '关键'],
  ['关健', '关键'],
  ['进渡', '进度'],
  ['附建', '附件'],
  ['付件', '附件'],
  ['模版', '模板'],
  ['时侯', '时候'],
  ['怎摸', '怎么'],
  ['需要交那些', '需要交哪些'],
  ['有那些', '有哪些'],
  ['是那些', '是哪些'],
  ['要那些', '要哪些'],
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
  pfbz: '评分标准',
  sbjd: '申报进度',
  bfjd: '帮扶进度',
  tjb: '推荐表',
  // The coefficient of variation by its usual abbreviation (the rubric and metrics say 变异系数).
  cv: '变异系数',
  // Transposed letters of FMEA (typed fast, the E and A swap).
  fmae: 'fmea',
  fema: 'fmea',
  thx: 'thanks',
  thanx: 'thanks',
  tks: 'thanks',
  ty: 'thanks',
  pls: 'please',
  plz: 'please',
  u: 'you',
  r: 'are',
};
