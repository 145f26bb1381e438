import { indicatorsIn, type IndicatorCode } from '../understanding/indicators.js';
import { normalise } from '../understanding/normalise.js';
import { fmeaCase2025 } from '@kekao/core/rubrics';

/** The FMEA items' names, longest first ("案例水平" before any shorter name inside it). */
const FMEA_ITEMS = fmeaCase2025.groups.flatMap((g) => g.items.map((i) => i.name.zh)).sort((a, b) => b.length - a.length);
/**
 * Item names that only an FMEA case has: naming one asks about FMEA even without the word
 * ("团队完整怎么评"). 创新性 and 可推广性 are also the indicators C and G, so they do not count.
 */
/** An FMEA item named by its first word only ("团队那一项" → 团队完整), when no other item begins so. */
function itemByItsFirstWord(bare: string): string | undefined {
  const found = FMEA_ITEMS.filter((name) => !name.startsWith('案例') && bare.includes(name.slice(0, 2)));
  return found.length === 1 ? found[0] : undefined;
}
const FMEA_ONLY_ITEMS = FMEA_ITEMS.filter((name) => name !== '创新性' && name !== '可推广性');
/** English: the distinctive word of each item's English name (core's rubric data), e.g. "team" → 团队完整. */
const FMEA_ITEMS_EN: Array<[RegExp, string]> = fmeaCase2025.groups.flatMap((g) =>
  g.items.map((i): [RegExp, string] => {
    const words = i.name.en
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => !['case', 'and', 'of', 'the', 'analysis', 'results', 'actions'].includes(w))
      .map((w) => w.slice(0, Math.max(4, w.length - 3)));
    return [new RegExp(`(?<![a-z])(?:${words.join('|')})`), i.name.zh];
  }),
);

/**
 * What a rubric question asks for: the indicators and scoring notes it names, and its facet — a
 * weight, the score bands, a note, a definition, the tiers, the total, FMEA's structure — from the
 * question's words (Chinese and English). The facet decides the direct answer; retrieval decides
 * the passage when no facet fits.
 */

export type Facet = 'weight' | 'bands' | 'note' | 'definition' | 'tier' | 'total' | 'count' | 'other';

export interface RubricQuestion {
  normalised: string;
  indicators: Exclude<IndicatorCode, 'FMEA'>[];
  fmea: boolean;
  notes: Array<'a' | 'b' | 'c' | 'd'>;
  facet: Facet;
  /** An FMEA first-level group the question names (案例策划 …). */
  fmeaGroup?: 'planning' | 'implementation' | 'results' | 'advancement';
  /** An FMEA second-level item the question names (团队完整, 失效、风险分析 …), by its name. */
  fmeaItem?: string;
  /**
   * Whether data, tests or samples count or are required ("实验室模拟的数据能用吗", "t=0的数据是必须的吗",
   * "样品数量有规定吗"): the indicators' definitions say, whatever the facet ("打分的时候…" is no band question).
   */
  evidence: boolean;
}

const NOTE_REF = /(?:说明|note|注)[^a-z]{0,3}?([abcd])(?![a-z])|[（(]\s*([abcd])\s*[）)]/g;
/** "评分说明第二条" → (b): the notes in their printed order. */
const NOTE_ORDINAL = /说明.{0,4}?第\s*([一二三四1-4])\s*(?:条|个|项|点)/;
const ORDINAL_NOTE: Record<string, 'a' | 'b' | 'c' | 'd'> = { 一: 'a', 二: 'b', 三: 'c', 四: 'd', 1: 'a', 2: 'b', 3: 'c', 4: 'd' };
/**
 * "什么情况下直接0分 / 会被打零分 / when does an indicator get zero": 0 points outright are note
 * (d)'s (造假 → 得0分); no band is 0 alone (the lowest is 0～40).
 */
const ZERO = String.raw`(?:(?<![0-9.])0|零)\s*分`;
const ZERO_POINTS = new RegExp(
  [
    `(?:什么|啥|哪些|哪种|何种)(?:情况|时候|条件|情形).{0,10}${ZERO}`,
    String.raw`(?:直接|就会?|会被?|被)(?:得|给|打|记|判|评)?(?:成|为)?\s*${ZERO}`,
    String.raw`(?:得|给|打|记|判)\s*${ZERO}`,
    '零分',
    String.raw`(?<![a-z])(?:get|gets|given|score|scores|scored|marked)\s+(?:a\s+)?(?:zero|0)(?![0-9a-z])`,
    String.raw`(?<![a-z])(?:zero|0)\s+(?:points|marks|score)(?![a-z])`,
    String.raw`(?<![a-z])(?:score|points?|marks?)\s+(?:is|are|be|becomes?)\s+(?:zero|0)(?![0-9a-z])`,
  ].join('|'),
);

const FRAUD = /造假|作假|编造|捏造|瞎编|是编的|falsif|fraud|fake|fabricat|made up|数据.*假|信息.*假|材料.{0,3}假/;
/** Falling short of a requirement: fewer scenarios, no data of a kind. */
const SHORTFALL = /少于|不足|不到|低于|不够|没有|没做|缺|(?<![a-z])(?:less than|fewer than|without|missing|only)(?![a-z])/;
const QUANTITY_NAMED = /\d|[一二两三四五六七八九十]+\s*(?:种|个|项|类)/;

const NOTE_TOPIC: Array<[RegExp, 'a' | 'b' | 'c' | 'd']> = [
  [/基本要求|basic requirement|参数选取|样品状态/, 'a'],
  [/满分|full mark|原始得分/, 'b'],
  [/加权得分之和|总分为/, 'c'],
  [FRAUD, 'd'],
  // Note (d) is the only clause that gives 0 points outright: "啥情况下直接0分", "when is it zero".
  [ZERO_POINTS, 'd'],
];

/**
 * "怎样拿高分 / 最高档 / 满分标准 / 满分要什么条件 / 怎样才能满分 / what does full marks take": the top
 * band's criterion is asked (what full marks are, 满分分值, is note (b)'s).
 */
export const TOP_BAND = new RegExp(
  [
    /高分|最高(?:那|这)?一?档|满分档|满分那档|满分那一档|拿满分|得满分|满分的?(?:标准|要求|条件)|第一档/.source,
    /满分.{0,3}(?:要|需|得|必须)要?.{0,4}(?:什么|啥|哪些|怎样|怎么|达到|满足|做到|具备)/.source,
    /(?:才能|才可以|才会|才|怎样|怎么样?|如何|要怎么)(?:拿|得|打|评|给|获得|拿到|得到)?满分|满分(?:怎么|如何|怎样)(?:拿|得|才)/.source,
    /(?:什么|啥|哪些|哪种)(?:条件|情况|样|水平|程度).{0,6}满分/.source,
    /top band|high score|score high|full marks?.{0,20}(?:require|need|take|criteri|condition)/.source,
    /(?:get|earn|achieve|reach|obtain|score|take)(?:s|ing)? (?:the )?(?:full marks?|top score|top marks?|top band|100)/.source,
    /(?:need|needed|required|requires|take|takes) (?:for|to (?:get|earn|reach|achieve)) (?:the )?(?:full marks?|top score|top band|100)/.source,
  ].join('|'),
);
/** "最低一档 / 给低分 / lowest band": the bottom band's criterion is asked. */
export const BOTTOM_BAND = /最低(?:那|这)?一?档|最后(?:那|这)?一档|低分|最差|lowest band|bottom band|low score/;

/**
 * Data, tests and samples — what an indicator is evaluated on. The definitions say which data count
 * (出厂时（t＝0）的数据, 实验室测试方法, 每种极限应用场景至少测试一个样品, 售后责任故障对比数据).
 */
const EVIDENCE_WORD =
  /数据|试验|测试|检测|样品|样本|实验室|模拟|t\s*[=＝]\s*0|t\s*[>﹥＞]\s*0|出厂时|现场使用|统计|三包|(?<![a-z])(?:data|tests?|testing|tested|samples?|lab|laboratory|accelerated|simulat(?:ed|ion)|statistics|records)(?![a-z])/;
/** …asked whether it counts, whether it is required, or how much of it is needed. */
const EVIDENCE_ASKED =
  /能用|可以用|可用|能不能用|可不可以用|能否用|行不行|可以吗|行吗|算不算|算数吗|认不认|认可|接受|承认|必须|必需|必要|非得|非.{0,2}不可|要交|得交|交不交|一定要|是否需要|需不需要|要不要|需要提供|要提供|得提供|规定|有要求|几个|多少个|数量|怎么体现|如何体现|体现到|怎么提供|如何提供|(?<![a-z])(?:accept(?:ed|able)?|allowed|valid|count|counts|mandatory|required|requires?|need|needs|must|how many|use|used)(?![a-z])/;

/** How an indicator is worked out, not only what it is ("怎么算", "how is Ic computed"): its definition's method answers. */
export const HOW_WORKED_OUT =
  /怎么算|如何计算|怎么计算|怎么衡量|如何衡量|怎么测|如何测|(?<![a-z])(?:how (?:is|are|do you|do we|does one|would you|should we)\s+[a-z' -]{0,40}?(?:calculated|computed|measured|worked out|calculate|compute|measure)|how to (?:calculate|compute|measure))(?![a-z])/;

const FACETS: Array<[Facet, RegExp]> = [
  // How the weighted score or the total is formed (原始分乘权重, "a weighted sum", "raw score times weight"),
  // before the weights, which these questions name too.
  [
    'total',
    /乘(?:以|上)?权重|[x×*]\s*权重|权重相乘|乘以?系数|weighted (?:sum|scores?|total)|raw scores? (?:times|multiplied|x)|times (?:the )?weights?|multipl\w* by (?:the )?weights?|sum of (?:the )?(?:weighted )?scores/,
  ],
  // A percentage right after an indicator's code, or as a share (占20%), is a weight ("Ic 20% Id 25% 剩下几项呢").
  [
    'weight',
    /权重|占比|比重|占多少(?!分)|占几个点|几个点|百分之几|(?<!衰减|退化|下降|变化|合格|故障|返修|良品|不良)百分比|占几成|占总分|在总分[里中]占|(?<![a-z])(?:weight(?:s|ing|ings|ed)?|weighs?|heavier|quan ?zhong)(?![a-z])|percentage|count for|worth in the total|how much (?:does|do|is|are) [a-z' ]{1,30}?(?:count|worth|weigh)|(?<![a-z])(?:ic|id|ir|w|c|g)\s*(?:是|为|=|:|：)?\s*\d+\s*%|占\s*\d+\s*%|占几\s*%|几\s*%|多少\s*%|占百分之|百分之[一二两三四五六七八九十]+|\d+\s*(?:percent|per cent)(?![a-z])/,
  ],
  ['tier', /梯队|梯次|tier/],
  // Before the note: "满分要什么条件" asks for the top band, not for what full marks are (note (b)).
  ['bands', TOP_BAND],
  [
    'note',
    /评分说明|说明\s*[（(]?[abcd]|note\s*\(?[abcd]|造假|作假|falsif|fake|(?<!拿|得|想拿|要拿|能拿)满分(?!档|那档|那一档|的档|的?标准|的?要求|的?条件)|基本要求|basic requirement/,
  ],
  ['note', ZERO_POINTS],
  ['total', /总分|total score|加权得分|加权分|加权(?:怎么|如何)算|weighted score|max(?:imum)? (?:total|score)|highest possible (?:total|score)/],
  // 评分表 / 评分说明 name a document, not the scoring of an indicator.
  [
    'bands',
    new RegExp(
      `${TOP_BAND.source}|${BOTTOM_BAND.source}|${/各档|每档|每一档|那档|这档|区分|分档|档次|几档|哪一档|哪档|分数段|评分标准|评价准则|怎么评|如何评|怎样评|怎么打分|如何打分|评分(?![表说])|打分|给分|怎么给|如何给|得分|多少分|几分|能拿多少|能得多少|拿多少|得多少|给多少|打多少|能拿几|能得几|how many (?:points|marks)|what (?:band|mark)|which band|scor|criteria|band|\d+\s*(到|至|~|-|～)\s*\d+|\d+\s*分?\s*(以上|以下|往上)|\d{2,3}\s*分(?!钟)/.source}`,
    ),
  ],
  // How many / at least how many: the answer is a number in a definition or a requirement.
  ['count', /最少|至少|不少于|几种|多少种|几个|多少个|几类|how many|at least|minimum/],
  // How an indicator is worked out is said by its definition (Ic: 变异系数; Id: 长时间保持合格状态 …).
  [
    'definition',
    new RegExp(
      `${HOW_WORKED_OUT.source}|${/是什么|什么意思|指什么|指的是|含义|定义|怎么理解|代表|是啥|什么是|区别|差别|有何不同|有什么不同|啥不同|difference between|differ from|how (?:is|are) [a-z ]{1,30} different|what (is|are|does)|mean|definition|stand for|what (?:counts|qualifies) as|how (?:is|are|do you|do we|does one|would you|should we)\s+(?:[a-z'-]+\s+){0,5}?(?:evaluated|assessed|determined|evaluate|assess|determine)|how to (?:evaluate|assess|determine)/.source}`,
    ),
  ],
];

const FMEA_GROUPS: Array<[RubricQuestion['fmeaGroup'], RegExp]> = [
  ['planning', /策划|planning/],
  ['implementation', /实施|implementation/],
  ['results', /成效|results/],
  ['advancement', /先进性|advancement/],
];

/**
 * Scores said in Chinese numerals ("七八十分那档", "九十多分") as digits, so that they name bands as
 * "75分" and "95分" would: "七八十" is read as the middle of 70 and 80, "…多 / …几" as five more.
 */
function numeralScores(text: string): string {
  const digit = '一二三四五六七八九';
  return text
    .replace(/一百/g, '100')
    .replace(/([一二三四五六七八九])([一二三四五六七八九])?十(多|几)?/g, (_, a: string, b: string | undefined, more: string | undefined) => {
      const tens = b ? (digit.indexOf(a) + 1 + digit.indexOf(b) + 1) / 2 : digit.indexOf(a) + 1;
      return ` ${tens * 10 + (more ? 5 : 0)}`;
    });
}

export function analyse(question: string): RubricQuestion {
  const normalised = numeralScores(normalise(question));
  const codes = indicatorsIn(normalised);
  const notes = new Set<'a' | 'b' | 'c' | 'd'>();
  for (const m of normalised.matchAll(NOTE_REF)) notes.add((m[1] ?? m[2]) as 'a');
  for (const [re, id] of NOTE_TOPIC) if (re.test(normalised)) notes.add(id);
  const ordinal = NOTE_ORDINAL.exec(normalised);
  if (ordinal) notes.add(ORDINAL_NOTE[ordinal[1]!]!);
  const bareText = normalised.replace(/[、，,\s]/g, '');
  const fmea = codes.includes('FMEA') || FMEA_ONLY_ITEMS.some((name) => bareText.includes(name.replace(/[、，,\s]/g, '')));
  // In an FMEA question, 创新性 / 可推广性 are FMEA items, not the reliability indicators C and G.
  const indicators = fmea ? [] : codes.filter((c): c is Exclude<IndicatorCode, 'FMEA'> => c !== 'FMEA');
  let facet = FACETS.find(([, re]) => re.test(normalised))?.[0] ?? 'other';
  // "Ir场景少于三种是不是直接0分": zero for falling short of an indicator's requirement is asked about
  // that requirement (不少于3种), not about note (d), which gives 0 only for falsified data.
  if (indicators.length && SHORTFALL.test(normalised) && ZERO_POINTS.test(normalised) && !FRAUD.test(normalised)) {
    notes.delete('d');
    facet = QUANTITY_NAMED.test(normalised) ? 'count' : 'other';
  }
  const fmeaGroup = fmea ? FMEA_GROUPS.find(([, re]) => re.test(normalised))?.[0] : undefined;
  const bare = normalised.replace(/[、，,\s]/g, '');
  const fmeaItem = fmea
    ? (FMEA_ITEMS.find((name) => bare.includes(name.replace(/[、，,\s]/g, ''))) ??
      itemByItsFirstWord(bare) ??
      (facet === 'bands' || facet === 'definition' ? FMEA_ITEMS_EN.find(([re]) => re.test(normalised))?.[1] : undefined))
    : undefined;
  const evidence = EVIDENCE_WORD.test(normalised) && EVIDENCE_ASKED.test(normalised);
  return { normalised, indicators, fmea, notes: [...notes], facet, evidence, ...(fmeaGroup ? { fmeaGroup } : {}), ...(fmeaItem ? { fmeaItem } : {}) };
}
