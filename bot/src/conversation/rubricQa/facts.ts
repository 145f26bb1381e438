import { reliability2024 } from '@kekao/core/rubrics';
import { fmeaCase2025 } from '@kekao/core/rubrics';
import type { Lang } from '../types.js';
import { t } from '../types.js';
import { describedBand } from './bandLevel.js';
import { type Code, describedIndicators, indicatorName } from './describedIndicator.js';
import { evidenceFact, inDefinitionWords } from './evidence.js';
import { passage, type Passage } from './passages.js';
import { bestSentence, firstSentence, methodSentence, sharedPairs } from './sentenceMatch.js';
import { BOTTOM_BAND, HOW_WORKED_OUT, TOP_BAND, type RubricQuestion } from './question.js';

/**
 * The direct answer that leads a rubric reply — "Ic 20%、Id 25%…", "说明（d）：…得0分", "极限应用场景
 * 不少于3种" — and the passages quoted after it. Numbers come from core's rubric data (transcribed
 * from the documents); a sentence answer is the passage's own sentence that shares most with the
 * question, so the lead never says more than the quote.
 */

export interface Fact {
  lead: string;
  quotes: Passage[];
}

const pct = (w: number) => `${Math.round(w * 100)}%`;
const indicator = (code: string) => reliability2024.indicators.find((i) => i.code === code)!;

/** The indicators not named: "剩下几项", "其余的", "the rest", "the other four". */
const OTHERS =
  /剩下|剩余|其余|其他几|其它几|其他的|其它的|别的|另外几|另外的|(?<![a-z])(?:the rest|remaining|the others|other (?:ones|indicators|four|three|two))(?![a-z])/;

function weights(q: RubricQuestion, lang: Lang): Fact {
  const all = reliability2024.indicators;
  // "Ic 20% Id 25% 剩下几项各占多少": the indicators named are known, the others are asked.
  const others = q.indicators.length > 0 && OTHERS.test(q.normalised);
  const named = (code: string) => q.indicators.includes(code as never);
  const chosen = !q.indicators.length ? all : all.filter((i) => (others ? !named(i.code) : named(i.code)));
  const list = chosen.map((i) => `${i.code} ${pct(i.weight)}`).join(t(lang, '、', ', '));
  // "哪个权重最高 / 最低": the extreme first, among those asked (or all six).
  const extreme = /最高|最大|最重|哪个.{0,4}高|更高|highest|largest/.test(q.normalised)
    ? Math.max(...chosen.map((i) => i.weight))
    : /最低|最小|最轻|哪个.{0,4}低|更低|lowest|smallest/.test(q.normalised)
      ? Math.min(...chosen.map((i) => i.weight))
      : undefined;
  const top =
    extreme === undefined
      ? ''
      : chosen
          .filter((i) => i.weight === extreme)
          .map((i) => i.code)
          .join(t(lang, '、', ' and '));
  const low = /最低|最小|最轻|哪个.{0,4}低|更低|lowest|smallest/.test(q.normalised);
  const word = chosen.length === all.length ? (low ? '最低' : '最高') : low ? '较低' : '较高';
  const first = extreme === undefined ? '' : t(lang, `${top}的权重${word}（${pct(extreme)}）。`, `${top}: ${pct(extreme)}.`);
  const lead =
    chosen.length === all.length
      ? t(
          lang,
          `六个指标的权重：${list}（合计100%；专业指标 Ic、Id、Ir 共70%，效益指标 W、C、G 共30%）。`,
          `Weights: ${list} (100 % in all; professional Ic, Id, Ir 70 %, benefit W, C, G 30 %).`,
        )
      : t(lang, `权重：${chosen.map((i) => `${i.code}（${i.name.zh}）${pct(i.weight)}`).join('、')}。`, `Weight: ${list}.`);
  return { lead: first + lead, quotes: chosen.map((i) => passage(`rel-${i.code}-weight`)) };
}

/** How an indicator is evaluated at all, no band named: "Id怎么评", "how is Ic scored". */
const HOW_EVALUATED =
  /怎么评|如何评|怎样评|怎么打分|如何打分|怎么算分|评分方法|(?<![a-z])how (?:is|are|do you|do we) [a-z' ]{0,30}?(?:scored|evaluated|rated|assessed)(?![a-z])/;

/** What scoring an indicator looks at ("主要看什么", "what does it look at"). */
const LOOKS_AT = /主要看|看什么|看哪些|看的是|(?<![a-z])looks? at(?![a-z])/;

function bands(q: RubricQuestion, lang: Lang): Fact {
  const codes = q.indicators.slice(0, 3);
  const ranges = (code: string) =>
    indicator(code)
      .bands.map((b) => `${b.min}～${b.max}`)
      .join('、');
  // Scores the question names ("71到90", "91分以上", "能不能上90"): those bands' criteria lead.
  // "90以上 / 90分往上" asks for what lies above 90: the band that starts at 91.
  const asked = [...q.normalised.replace(/[a-z]+\d*/g, ' ').matchAll(/(\d{1,3})(\s*分?\s*(?:以上|往上|\+|or more|and above))?/g)]
    .map((m) => Number(m[1]) + (m[2] && !/及以上/.test(m[0]) ? 1 : 0))
    .filter((n) => n <= 100);
  const lead = codes
    .map((code) => {
      const ind = indicator(code);
      const top = TOP_BAND.test(q.normalised) ? Math.max(...ind.bands.map((b) => b.max)) : undefined;
      const bottom = BOTTOM_BAND.test(q.normalised) ? Math.min(...ind.bands.map((b) => b.min)) : undefined;
      // Without a number or the top/bottom: the band the question describes ("W很低的话", "覆盖有限").
      const described = asked.length || top !== undefined || bottom !== undefined ? undefined : describedBand(q.normalised, code, ind.bands);
      const named = ind.bands.filter((b) => asked.some((n) => n >= b.min && n <= b.max) || b.max === top || b.min === bottom || b === described);
      const head = t(
        lang,
        `${code}（${ind.name.zh}，权重${pct(ind.weight)}）按四档评分：${ranges(code)}，每项原始得分满分100分。`,
        `${code} (${ind.name.en}, weight ${pct(ind.weight)}) is scored in four bands: ${ranges(code)}, out of 100.`,
      );
      return [
        ...named.map((b) => t(lang, `${code} ${b.min}～${b.max}分：${b.criterion.zh}`, `${code} ${b.min}–${b.max}: ${b.criterion.en ?? b.criterion.zh}`)),
        head,
      ].join('\n');
    })
    .join('\n');
  const quotes = codes.map((c) => passage(`rel-${c}-criteria`));
  // Band criteria that say “基本要求（a）” are incomplete without note (a).
  if (quotes.some((p) => p.quote.includes('基本要求（a）'))) quotes.push(passage('rel-note-a'));
  // "Id怎么评": how a measured indicator (Ic, Id, Ir) is evaluated at all — its definition's sentence
  // of method (“…计算其性能退化程度…”) before the bands.
  // "G这一项打分主要看什么": what the indicator is about — its definition's first sentence.
  const measured = ['Ic', 'Id', 'Ir'].includes(codes[0]!);
  const general = codes.length === 1 && !/\d/.test(q.normalised.replace(/[a-z]+\d*/g, ''));
  if (general && ((measured && HOW_EVALUATED.test(q.normalised)) || LOOKS_AT.test(q.normalised))) {
    const definition = passage(`rel-${codes[0]}-definition`);
    const first = measured ? methodSentence(definition) : firstSentence(definition);
    return { lead: `${t(lang, first, `${definition.title}: ${first}`)}\n${lead}`, quotes: [...quotes, definition] };
  }
  return { lead, quotes };
}

/** The risk factors of an FMEA (severity, occurrence, detection; RPN, AP). */
const FMEA_RISK =
  /风险评分|风险因素|风险评估|严重度|频度|发生频次|频次|探测度|可探测|(?<![a-z])(?:rpn|ap|severity|occurrence|detection|risk (?:rating|scoring|factors?|priority))(?![a-z])/;

function fmea(q: RubricQuestion, lang: Lang): Fact | undefined {
  const f = fmeaCase2025;
  if (q.fmeaItem) {
    const g = f.groups.find((x) => x.items.some((i) => i.name.zh === q.fmeaItem))!;
    const it = g.items.find((i) => i.name.zh === q.fmeaItem)!;
    return {
      lead: t(
        lang,
        `FMEA应用典型案例“${g.name.zh}”中的“${it.name.zh}”标准分${it.standardScore}分：${it.criterion.zh.replace(/\n/g, '')}`,
        `FMEA case item "${it.name.en}" (${g.name.en}) is worth ${it.standardScore} points: ${it.criterion.zh.replace(/\n/g, '')}`,
      ),
      quotes: [passage(`fmea-group-${g.id}`)],
    };
  }
  if (q.fmeaGroup) {
    const g = f.groups.find((x) => x.id === q.fmeaGroup)!;
    return {
      lead: t(
        lang,
        `FMEA应用典型案例的“${g.name.zh}”共${g.total}分：${g.items.map((i) => `${i.name.zh}${i.standardScore}分`).join('，')}。`,
        `FMEA case "${g.name.en}" is worth ${g.total} points: ${g.items.map((i) => `${i.name.en} ${i.standardScore}`).join(', ')}.`,
      ),
      quotes: [passage(`fmea-group-${g.id}`)],
    };
  }
  // How the risks are rated (严重度、可探测度、发生频次) is said by one item's criterion: retrieval finds it.
  if (FMEA_RISK.test(q.normalised)) return undefined;
  // Full marks and the parts of an FMEA case ("满分多少 分几个部分", "有哪些指标") are its structure too.
  const structure =
    /满分|总分|几个部分|几部分|哪几部分|哪些部分|几大块|几块|几个方面|哪几个方面|哪些方面|几个维度|几项|组成|构成|哪些指标|几个指标|什么指标|哪几个指标|评价内容|评什么|评哪些|考核什么|full mark|parts|indicators|criteria|what is assessed/.test(
      q.normalised,
    );
  if (q.facet === 'bands' || q.facet === 'total' || q.facet === 'weight' || structure) {
    const groups = f.groups.map((g) => `${g.name.zh}${g.total}分`).join('、');
    const pcts = f.bands.map((b) => `${b.min}%—${b.max}%`).join('、');
    return {
      lead: t(
        lang,
        `FMEA应用典型案例满分${f.totalPoints}分，四个一级指标：${groups}；每个二级指标按满足评价要求的程度，得该项标准分的${pcts}。`,
        `An FMEA case is scored out of ${f.totalPoints}: ${f.groups.map((g) => `${g.name.en} ${g.total}`).join(', ')}; each item earns ${pcts} of its standard score by how well it meets the requirements.`,
      ),
      quotes: [passage('fmea-bands')],
    };
  }
  // Any other FMEA question (eligibility, how recent, which form …) is retrieval's, with this
  // definition only as the fallback (answer.ts).
  return q.facet === 'definition' ? fmeaDefinition(lang) : undefined;
}

export function fmeaDefinition(lang: Lang): Fact {
  return {
    lead: t(
      lang,
      'FMEA（失效模式与影响分析）应用典型案例是2025年推荐的两类对象之一，重点征集设计FMEA（DFMEA）和工艺FMEA（PFMEA）应用案例。',
      'FMEA (failure mode and effects analysis) typical cases are one of the two kinds of entries of the 2025 notice: design FMEA (DFMEA) and process FMEA (PFMEA) cases.',
    ),
    quotes: [passage('seed-notice-target-fmea')],
  };
}

/** Every indicator has the same four bands: asked without naming one, the bands are the answer. */
export function bandsOfAll(lang: Lang): Fact {
  const ic = indicator('Ic');
  const ranges = ic.bands.map((b) => `${b.min}～${b.max}`).join('、');
  return {
    lead: t(
      lang,
      `六个指标（Ic、Id、Ir、W、C、G）都按四档评分：${ranges}，每项原始得分满分100分；各档的评价准则见各指标（例如“Ic怎么评分”）。`,
      `All six indicators (Ic, Id, Ir, W, C, G) are scored in four bands: ${ranges}, out of 100; ask e.g. "how is Ic scored" for an indicator's criteria.`,
    ),
    quotes: [passage('rel-Ic-criteria'), passage('rel-note-b')],
  };
}

/** The two groups of indicators by their names, Chinese and English (专业指标 = professional or technical). */
const PROFESSIONAL_GROUP = /专业指标|专业类指标|技术类指标|(?:professional|technical) (?:group|indicators?|metrics?|category|ones)/;
const BENEFIT_GROUP = /效益指标|效益类指标|效益性指标|benefits? (?:group|indicators?|metrics?|category|ones)/;

/** Where something belongs among the indicators ("放到哪个指标里", "算哪个指标", "which indicator … go under"). */
const WHICH_INDICATOR =
  /(?:放|归|算|属于|计入|对应|用在|用于|用到|填在|填到|写在|写到)[^，。,]{0,3}哪(?:个|一个|类|项|一项)?指标|哪(?:个|一个|类|项|一项)指标(?:里|下|中|上)?(?:用|放|算|归|填|写)|(?:which|what) (?:indicator|category|metric)s?(?:[^?]{0,40})(?<![a-z])(?:go|goes|belong|belongs|fall|falls|count|counts|under|into|fit|fits)(?![a-z])/;

/** Lists the question asks for as a whole: every passage of the list is the answer. */
const LISTS: Array<[RegExp, RegExp | undefined, string[]]> = [
  // "评价原则有哪几条": the three principles (附件1 一、评价原则).
  [
    /评价原则|评价的(?:几|三|3)(?:个|条|项)?原则|(?:几|三|3)(?:个|条|项)(?:评价)?原则|原则有哪|哪些原则|哪几(?:个|条)原则|evaluation principles|(?:three|the) principles/,
    /方法科学|数据有效|材料规范/,
    ['rel-principle-method', 'rel-principle-data', 'rel-principle-materials'],
  ],
  // "专业指标和效益指标分别包括哪些", "which are professional and which are benefit ones": both groups (附件1 二、评价内容).
  [/专业指标.*效益指标|效益指标.*专业指标|professional.*benefit|benefit.*professional/, undefined, ['rel-group-professional', 'rel-group-benefit']],
  // One group ("效益指标包括哪些", "which indicators belong to the benefit group"): its clause, which names
  // its indicators (附件1 二、评价内容（一）（二）). Its weight or bands are the weights' and bands' answers.
  // "MTBF数据放到哪个指标里", "which indicator does our failure-rate data go under": the two groups name
  // their indicators (二、评价内容（一）（二）); MTBF, 寿命 or 失效率 are named by neither, so both are the answer.
  [WHICH_INDICATOR, undefined, ['rel-group-professional', 'rel-group-benefit']],
  [BENEFIT_GROUP, undefined, ['rel-group-benefit']],
  [PROFESSIONAL_GROUP, undefined, ['rel-group-professional']],
  // What the data or the methods must meet is one principle each (附件1 一、评价原则（一）（二）).
  [/数据.{0,6}(要求|满足|符合|标准|应当)|data (requirement|quality|must)/, /材料要求|推荐材料/, ['rel-principle-data']],
  [/方法.{0,6}(要求|满足|符合|应当)/, /材料要求|推荐材料/, ['rel-principle-method']],
];

function listFact(q: RubricQuestion, lang: Lang): Fact | undefined {
  for (const [asks, namesOne, ids] of LISTS) {
    if (!asks.test(q.normalised) || namesOne?.test(q.normalised)) continue;
    // A group asked about for its scoring or notes is not asked for its members.
    if (ids.length === 1 && ids[0]!.startsWith('rel-group-') && !['other', 'definition', 'count'].includes(q.facet)) continue;
    const quotes = ids.map(passage);
    // The passages are Chinese: English words would only match the codes in them ("include" ~ Ic).
    const asked = q.normalised.replace(/[a-z]+/g, ' ');
    // Where something belongs: each group's first sentence, which names its indicators.
    const sentence = (p: Passage) => (asks === WHICH_INDICATOR ? firstSentence(p) : bestSentence(p, asked));
    return {
      lead: quotes.map((p) => t(lang, `${p.title}：${sentence(p)}`, `${p.title}: ${sentence(p)}`)).join('\n'),
      quotes,
    };
  }
  return undefined;
}

/** "同一批产品数值差不多，能在哪项加分": the indicator described, named, with its definition. */
function describedFact(codes: readonly Code[], lang: Lang): Fact {
  const quotes = codes.map((code) => passage(`rel-${code}-definition`));
  // The definition's first sentence, without the name it opens with ("关键性能一致性（Ic）：是指…。").
  const gist = (p: Passage) => firstSentence(p).slice(firstSentence(p).indexOf('：') + 1);
  const lead = codes
    .map((code, i) => t(lang, `这属于 ${code}（${indicatorName(code)}）：${gist(quotes[i]!)}`, `That is ${code} (${indicatorName(code)}): ${gist(quotes[i]!)}`))
    .join('\n');
  return { lead, quotes };
}

/**
 * "同一批次输出电压的离散性怎么评分", "用了两年离散程度还很小，能到哪一档": the question answered as if it had
 * named the indicator it describes, after the definition's sentence of method that says so.
 */
function scoredAsDescribed(q: RubricQuestion, code: Code, lang: Lang): Fact {
  const definition = passage(`rel-${code}-definition`);
  const method = methodSentence(definition, q.normalised);
  const scored = directFact({ ...q, indicators: [code] }, lang);
  const lead = t(lang, `这属于 ${code}（${indicatorName(code)}）：${method}`, `That is ${code} (${indicatorName(code)}): ${method}`);
  return { lead: scored ? `${lead}\n${scored.lead}` : lead, quotes: [definition, ...(scored?.quotes ?? []).filter((p) => p.id !== definition.id)] };
}

/** What is considered when an indicator is scored ("IC打分要看哪些因素", "what factors are considered"). */
const FACTORS_ASKED = /因素|考虑哪些|考虑什么|(?<![a-z])(?:factors?|what (?:is|are) (?:considered|taken into account))(?![a-z])/;
/** One of the factors themselves ("关键性能参数怎么选才算合理", "检测方案有要求吗"). */
const FACTOR_NAMED =
  /参数.{0,4}(?:选|取)|选取|样品状态|检测仪器|检测设备|仪器设备|检测方案|数据可信|(?<![a-z])(?:parameter selection|choos\w* the (?:key )?parameters?|test equipment|test plan)(?![a-z])/;

/**
 * The factors the indicators are evaluated on, from 附件1 二、评价内容: the professional group's
 * “在评价产品关键性能指标（Ic、Id、Ir）时需要考虑的因素主要包括（但不限于）：关键性能参数选取合理性、样品状态
 * 有效性、样本量合理性…” with note (a), or the benefit group's for W, C and G.
 */
function factorsFact(q: RubricQuestion, lang: Lang): Fact | undefined {
  if (q.fmea || q.notes.length || !(FACTORS_ASKED.test(q.normalised) || FACTOR_NAMED.test(q.normalised))) return undefined;
  const benefit = (q.indicators.length > 0 && q.indicators.every((c) => c === 'W' || c === 'C' || c === 'G')) || BENEFIT_GROUP.test(q.normalised);
  const group = passage(benefit ? 'rel-group-benefit' : 'rel-group-professional');
  const sentence = group.quote.split(/(?<=。)/).find((x) => x.includes('因素')) ?? group.quote;
  return {
    lead: t(lang, sentence, `${group.title}: ${sentence} (in the original Chinese)`),
    quotes: benefit ? [group] : [group, passage('rel-note-a')],
  };
}

/** The size of a sample asked about ("样本量要多少", "what sample size is reasonable"); how many samples to test ("样品要测几个") is Ir’s rule. */
const SAMPLE_SIZE = /样本量|样本数|样本大小|样本容量|(?<![a-z])sample sizes?(?![a-z])/;

/** "C和G分别是啥": each indicator's definition, in the order asked. */
function definitions(q: RubricQuestion, lang: Lang): Fact {
  const quotes = q.indicators.slice(0, 3).map((code) => passage(`rel-${code}-definition`));
  // Each definition's first sentence leads (what the indicator is), or its sentence of method when
  // how it is worked out is asked ("How is the consistency indicator computed?" → 变异系数); the quotes
  // below say the rest.
  const how = HOW_WORKED_OUT.test(q.normalised);
  const lead = (p: Passage) => (how ? methodSentence(p, inDefinitionWords(q.normalised)) : firstSentence(p));
  return { lead: quotes.map((p) => t(lang, lead(p), `${p.title}: ${lead(p)}`)).join('\n'), quotes };
}

/** The fact for the questions whose answer is known from the data; undefined → retrieval decides. */
export function directFact(q: RubricQuestion, lang: Lang): Fact | undefined {
  if (q.fmea) return fmea(q, lang);
  // How many samples make a valid sample for Ic or Id: the documents set no number, only that the
  // sample size be reasonable (评分说明（a）“样本量合理”); Ir's own rule is per extreme scenario.
  if (SAMPLE_SIZE.test(q.normalised) && !q.indicators.includes('Ir')) {
    const note = passage('rel-note-a');
    return {
      lead: t(
        lang,
        '样本量：评分说明（a）把“样本量合理”列为专业指标评价“基本要求”的因素之一，没有规定具体数量（可靠域 Ir 另有要求：每种极限应用场景至少测试一个样品）。',
        'Sample size: note (a) lists a reasonable sample size (“样本量合理”) among the basic requirements of the professional indicators, without a number (for Ir: at least one sample per extreme scenario).',
      ),
      quotes: [note],
    };
  }
  const factors = factorsFact(q, lang);
  if (factors) return factors;
  const described = describedIndicators(q.normalised, q.indicators);
  if (described?.where) return describedFact(described.codes, lang);
  if (described) return scoredAsDescribed(q, described.codes[0]!, lang);
  const list = q.facet === 'weight' ? undefined : listFact(q, lang);
  if (list) return list;
  // What one or more indicators mean ("退化量具体是什么意思"): their definitions, not a band that
  // happens to share a word with the rest of the message.
  if (q.facet === 'definition' && q.indicators.length >= 1 && !q.notes.length && !q.evidence) return definitions(q, lang);
  // "每个单项满分是100还是按权重算的": note (b) says what full marks are, before the weights.
  if (q.facet === 'weight' && q.notes.includes('b') && !q.indicators.length) {
    const w = weights(q, lang);
    const note = passage('rel-note-b');
    return { lead: `${t(lang, `说明（b）：${note.quote.slice(4)}`, note.quote)}\n${w.lead}`, quotes: [note, ...w.quotes] };
  }
  if (q.facet === 'weight') return weights(q, lang);
  if (q.notes.length && (q.facet === 'note' || q.facet === 'total' || q.facet === 'definition' || q.facet === 'other' || !q.indicators.length)) {
    const notes = q.notes.map((n) => passage(`rel-note-${n}`));
    return { lead: notes.map((p) => t(lang, `说明${p.quote.slice(0, 3)}：${p.quote.slice(4)}`, p.quote)).join('\n'), quotes: notes };
  }
  const evidence = evidenceFact(q, lang);
  if (evidence) return evidence;
  // The notes asked about as a whole ("评分说明有几条", "评分说明都讲了什么"): all four, in order.
  if (q.facet === 'note' && !q.notes.length && !q.indicators.length) {
    const notes = (['a', 'b', 'c', 'd'] as const).map((n) => passage(`rel-note-${n}`));
    return {
      lead: t(
        lang,
        `评分说明共四条（a）—（d）：\n${notes.map((p) => `说明${p.quote.slice(0, 3)}：${p.quote.slice(4)}`).join('\n')}`,
        `Four scoring notes, (a)–(d):\n${notes.map((p) => p.quote).join('\n')}`,
      ),
      quotes: notes,
    };
  }
  if (q.facet === 'total')
    return {
      lead: t(
        lang,
        '评价总分 = 全部二级指标的单项加权得分之和（单项加权得分 = 单项原始得分 × 权重）。',
        'Total = sum of the weighted scores of all indicators (raw score × weight).',
      ),
      quotes: [passage('rel-total'), passage('rel-note-c')],
    };
  if (q.facet === 'bands' && q.indicators.length) return bands(q, lang);
  if (q.facet === 'tier') {
    const p = passage('seed-incubation-tiers');
    return {
      lead: t(
        lang,
        '分三个梯队：基本符合推荐条件的纳入第一梯队（重点培育）；主要推荐条件尚有欠缺的纳入第二梯队（动态跟踪培育）；主要推荐条件缺失较大的纳入第三梯队（夯实基础培育）。',
        'Three tiers: tier 1 basically meets the conditions (focused cultivation); tier 2 still lacks some main conditions (tracked); tier 3 lacks much (foundations).',
      ),
      quotes: [p],
    };
  }
  return undefined;
}
