import type { FormClause } from '../campaignAnswers.js';
import type { Lang } from '../types.js';
import { t } from '../types.js';
import { bestSentence, sharedPairs } from './sentenceMatch.js';
import { FORM_PASSAGES } from './formPassages.js';
import { analyse } from './question.js';
import { ANSWER_THRESHOLD, searchPassages } from './search.js';

/**
 * The clause of the recommendation forms that a materials question is specifically about ("企业
 * 简介限多少字" → 附件2 企业简介 "不超过500字"; "FMEA案例填哪个表" → 三、推荐材料（二）), or undefined
 * for a general materials question, which the checklist answers. Specific means the question
 * shares at least two character pairs of its own with the clause, beyond the words every
 * materials question has (材料, 提交, 需要 …).
 */

const FORM_WORDS = /签字|签名|公章|盖章|照片|字数|说明材料|信用代码/;
const SEAL = /盖章|公章/;
const RECOMMENDER = /推荐单位|推荐部门|监管局|区局|市局|县局|(?<![a-z])recommend(?:ing|er)? (?:unit|bureau|authority|body|organi[sz]ation)|(?:the )?bureau/;
const EVERY_MATERIALS_QUESTION = /材料|提交|需要|准备|哪些|什么|清单|推荐/g;

/**
 * The forms are Chinese only: an English question about a field is searched by the field's
 * Chinese name (附件2's headings) and the word for its limit.
 */
const FIELD_NAMES_EN: Array<[RegExp, string]> = [
  [/company (?:profile|introduction|overview|description)|about (?:the|our) company/, '企业简介'],
  [/product (?:profile|introduction|overview|description)/, '产品简介'],
  [/key performance/, '关键性能'],
  [/benefits?|results of the work/, '工作效益'],
  [/reliability (?:techniques|technology|methods)/, '可靠性技术'],
  [/other (?:notes|remarks|information)/, '其他说明'],
  [/commitment|declaration/, '企业承诺申明'],
  [/word (?:limit|count)|how many (?:words|characters)|how long can/, '不超过多少字'],
  [
    /no (?:such |relevant )?information|nothing to (?:write|fill)|leave (?:it )?blank|(?:do not|don['’]?t|does not|doesn['’]?t) have (?:[a-z]+ ){0,5}?(?:information|info|details|data|one|it|them|that|this|anything)(?![a-z])|not applicable|n\/a/,
    '没有相关信息',
  ],
  [/recommend(?:ing|er)? (?:unit|bureau|authority|body|organi[sz]ation)|bureau['’]?s? (?:opinion|stamp|seal)/, '推荐单位意见'],
  [/(?<![a-z])(?:stamps?|stamped|seals?|sealed)(?![a-z])/, '盖章'],
  [/best practice/, '最佳实践'],
  [/which (?:form|annex)|what form/, '推荐表 附件'],
];

/**
 * A field the enterprise has nothing for, said in everyday words ("没有的话怎么办", "没有这项可以空着吗",
 * "不适用填什么"): the fill-in note's own words (如没有相关信息，填写无), so that the clause is found.
 */
const NOTHING_TO_FILL =
  /没有的话|没有怎么办|没有[^，,。？?]{0,12}?[，,]?[^，,。？?]{0,8}?(?:怎么填|咋填|填什么|填啥|空着|留空|不填)|没有该怎么|没有(?:这|该|那|相关|对应)?(?:项|栏|个|些)?(?:信息|内容|资料|数据)?(?:可以|能|要|该|得)?(?:空着|留空|不填|填什么|填啥|怎么填|咋填)|(?:可以|能不能|能)(?:不填|空着|留空)|不适用|填不了|无可填|没法填|没得填/;

/** How much may be written ("字数有限制吗", "能写多长", "word limit"): the forms' limits answer it. */
const ASKS_LENGTH =
  /字数|多少字|几个字|几千字|字以内|多长(?!时间)|篇幅|写多少|限多少|word limit|word count|how many (?:words|characters)|how long (?:can|may|should)/;
/** A clause that states a limit: "不超过500字", "500字以内", "（3000字以内）". */
const STATES_LIMIT = /\d+\s*字/;

/**
 * The limits of one form: the form's clauses that state one (FMEA: 附件4; otherwise 附件2), each
 * with its field, as one clause (the form's fields' words, cited together).
 */
function limitsOfForm(fmea: boolean, lang: Lang): FormClause {
  const limited = FORM_PASSAGES.filter((p) => p.id.includes('fmea') === fmea && STATES_LIMIT.test(p.text));
  const field = (title: string) => title.replace(/^.*：/, '');
  const form = fmea ? 'FMEA应用典型案例推荐表（附件4）' : '“最佳实践”推荐表（附件2）';
  return {
    lead: t(
      lang,
      `${form}的字数要求：${limited.map((p) => `${field(p.title)}：${p.text.replace(/^（|）$/g, '')}`).join('；')}。`,
      `Word limits of the ${fmea ? 'FMEA case form (Annex 4)' : 'best-practice form (Annex 2)'}: ${limited.map((p) => `${field(p.title)}: ${p.text.replace(/^（|）$/g, '')}`).join('; ')} (in the original Chinese).`,
    ),
    quote: limited.map((p) => p.text).join('\n'),
    citation: `${limited[0]!.document} ${limited.map((p) => p.clause).join('、')}`,
  };
}

/** What goes into a form as a whole ("FMEA推荐表要写哪些内容", "what sections does the form have"). */
const ASKS_CONTENTS =
  /写哪些|填哪些|写什么|填什么|哪些内容|什么内容|哪几部分|哪些部分|哪几项|哪些栏|包括哪些|包含哪些|(?<![a-z])(?:what (?:goes|to write|do we (?:write|fill|put))|which sections|what sections|what parts)(?![a-z])/;
const NAMES_A_FORM = /推荐表|表格|表里|表上|(?<![a-z])forms?(?![a-z])/;

/**
 * The sections of one form (FMEA: 附件4; otherwise 附件2), each with its fill-in note where it has
 * one, then the two boxes every form ends with (the company's pledge, the recommending bureau's).
 */
function sectionsOfForm(fmea: boolean, lang: Lang): FormClause {
  const prefix = fmea ? 'FMEA应用典型案例推荐表（附件4）：' : '“最佳实践”推荐表（附件2）：';
  const sections = FORM_PASSAGES.filter((p) => p.title.startsWith(prefix) && !p.title.endsWith('填报说明'));
  const boxes = FORM_PASSAGES.filter((p) => p.id === 'form-pledge' || p.id === 'form-recommender-opinion');
  const name = (p: (typeof FORM_PASSAGES)[number]) => p.title.replace(/^.*：/, '');
  const form = prefix.slice(0, -1);
  const list = sections
    .map(
      (p) =>
        `${name(p)}（${p.text
          .split('\n')
          .join('、')
          .replace(/^（|）$/g, '')}）`,
    )
    .join('；');
  return {
    lead: t(
      lang,
      `${form}的栏目：${list}；最后是${boxes.map(name).join('和')}。`,
      `Sections of the ${fmea ? 'FMEA case form (Annex 4)' : 'best-practice form (Annex 2)'}: ${list}; then ${boxes.map(name).join(' and ')} (in the original Chinese).`,
    ),
    quote: [...sections, ...boxes].map((p) => `${name(p)}：${p.text}`).join('\n'),
    citation: `${sections[0]!.document} ${[...sections, ...boxes].map((p) => p.clause).join('、')}`,
  };
}

export function formClause(question: string, lang: Lang): FormClause | undefined {
  const lower = question.toLowerCase();
  const inChinese = [...FIELD_NAMES_EN.filter(([re]) => re.test(lower)).map(([, zh]) => zh), ...(NOTHING_TO_FILL.test(lower) ? ['没有相关信息'] : [])];
  const q = analyse(inChinese.length ? `${question} ${inChinese.join(' ')}` : question);
  // A question that does not say FMEA is about the best-practice forms (附件1/2), not 附件3/4.
  // The FMEA case form's own fields (案例简介, 案例内容, 案例名称) say which form is meant without the word FMEA.
  const fmeaForm = q.fmea || /案例(?:简介|内容|名称)/.test(q.normalised);
  // The recommending bureau's box is the answer only when the question names the bureau ("推荐单位要盖章吗").
  const hits = searchPassages({ ...q, indicators: [], notes: [], facet: 'other' }, 3, true)
    .filter((h) => fmeaForm || !h.passage.id.includes('fmea'))
    .filter((h) => h.passage.id !== 'form-recommender-opinion' || RECOMMENDER.test(q.normalised));
  // Nothing to fill in ("没有的话怎么办") is answered by the fill-in note (如没有相关信息，填写无), whatever field is named.
  if (NOTHING_TO_FILL.test(lower)) hits.sort((a, b) => Number(b.passage.id === 'form-bp-instructions') - Number(a.passage.id === 'form-bp-instructions'));
  const [hit] = hits;
  const own = q.normalised.replace(EVERY_MATERIALS_QUESTION, ' ');
  // A length asked of the whole form, not of one field, is answered with all the form's limits. A field (a passage of 附件2 or 附件4, "…推荐表（附件4）：案例简介") is named when the question shares two
  // Chinese character pairs with its name (案例简介, 企业简介 …).
  const [form, fieldName = ''] = hit?.passage.title.split('：') ?? [];
  const fieldNamed =
    !!hit && hit.score >= ANSWER_THRESHOLD && /推荐表/.test(form ?? '') && sharedPairs({ ...hit.passage, quote: fieldName }, own.replace(/[a-z]+/g, ' ')) >= 2;
  if (ASKS_LENGTH.test(q.normalised) && !fieldNamed) return limitsOfForm(fmeaForm, lang);
  if (ASKS_CONTENTS.test(q.normalised) && NAMES_A_FORM.test(q.normalised) && !fieldNamed) return sectionsOfForm(fmeaForm, lang);
  // The best-scoring clause that shares enough of the question's own words: one shared word is
  // enough when it is a word of the forms themselves (签字, 公章 …) in the clause.
  const formWord = FORM_WORDS.exec(q.normalised)?.[0];
  const fits = (h: (typeof hits)[number]) => {
    const text = `${h.passage.title}${h.passage.quote}`;
    // 盖章 (to seal) is what a 公章 (the seal) is for: either word names the other's box.
    const hasFormWord = !!formWord && (text.includes(formWord) || (SEAL.test(formWord) && SEAL.test(text)));
    return h.score >= ANSWER_THRESHOLD && sharedPairs({ ...h.passage, quote: text }, own) >= (hasFormWord ? 1 : 2);
  };
  const p = hits.find(fits)?.passage;
  if (!p) return undefined;
  // A passage of boxes, one per line and no sentence among them (the form's head), is read as a list.
  const boxes = p.quote.includes('\n') && !/[。；，,]/.test(p.quote);
  const sentence = boxes ? p.quote.split('\n').join('、') : bestSentence(p, q.normalised).replace(/^（(.*)）$/, '$1');
  return {
    lead: t(lang, `${p.title.replace(/^.*：/, '')}：${sentence}`, `${p.title}: ${sentence} (in the original Chinese)`),
    quote: p.quote,
    citation: p.citation,
  };
}
