import { reliability2024 } from '@kekao/core/rubrics';
import type { Lang } from '../types.js';
import { t } from '../types.js';
import type { Fact } from './facts.js';
import { sharedPairs } from './sentenceMatch.js';
import { passage, type Passage } from './passages.js';
import type { RubricQuestion } from './question.js';
import { indicatorMentions } from '../understanding/indicators.js';

/**
 * Whether data, tests or samples count or are required is said by the indicators' definitions
 * (附件1 二、评价内容): Ic “企业至少需要提供“产品出厂时（t＝0）”的关键性能一致性数据”, Ic/Id “在实验室经历过
 * 一定时间…的模拟试验”, Ir “也可以采用实验室测试方法…每种极限应用场景至少测试一个样品”, W “推荐企业提供
 * 开展产品质量可靠性提升工作前后的售后责任故障对比数据”. The answer is the definitions' sentence that
 * shares most with the question, for the indicators asked or, when none is named, for those whose
 * definition speaks of what the question asks.
 */

/**
 * The definitions are Chinese: an English question is matched by the Chinese words for what it
 * asks about; everyday Chinese words by the definitions' own (三包 are after-sales repairs: 售后).
 */
const TERMS: Array<[RegExp, string]> = [
  [/(?<![a-z])(?:lab|labs|laboratory|laboratories)(?![a-z])/, '实验室'],
  [/(?<![a-z])accelerated(?![a-z])/, '加速试验'],
  [/(?<![a-z])simulat(?:ed|ion|ions|e)(?![a-z])/, '模拟试验'],
  [/(?<![a-z])samples?(?![a-z])/, '样品'],
  [/(?<![a-z])(?:test|tests|testing|tested)(?![a-z])/, '测试'],
  [/(?<![a-z])data(?![a-z])/, '数据'],
  [/(?<![a-z])(?:factory|ex-works|shipment|shipped|delivery|t\s*=\s*0)(?![a-z0-9])/, '出厂时'],
  [/(?<![a-z])(?:field|in use|in service)(?![a-z])/, '现场使用'],
  [/(?<![a-z])(?:scenarios?|extreme)(?![a-z])/, '极限应用场景'],
  [/(?<![a-z])(?:failures?|faults?)(?![a-z])/, '故障'],
  [/(?<![a-z])statistics(?![a-z])/, '统计'],
  [/(?<![a-z])(?:warranty|after-sales|after sales|repairs?|field returns?|returns?|complaints?)(?![a-z])/, '售后'],
  [/(?<![a-z])before and after(?![a-z])/, '前后'],
  [/(?<![a-z])improvements?(?![a-z])/, '提升工作'],
  [/(?<![a-z])(?:mandatory|required|compulsory|obligatory)(?![a-z])/, '需要提供'],
  [/(?<![a-z])(?:how many|at least|minimum)(?![a-z])/, '数量'],
  [/三包|保修/, '售后'],
  // How an indicator is worked out: the definitions' sentences of method (Ic “计算性能参数的变异系数”).
  [/(?<![a-z])(?:calculat\w*|comput\w*|formula)(?![a-z])/, '计算'],
  [/(?<![a-z])(?:coefficient of variation|cv|standard deviation|std|sigma|dispersion|spread)(?![a-z])/, '变异系数 标准差'],
  [/(?<![a-z])(?:mean|average)(?![a-z])/, '均值'],
  // An FMEA's risk factors.
  [/(?<![a-z])severity(?![a-z])/, '严重度'],
  [/(?<![a-z])occurrence(?![a-z])/, '发生频次'],
  [/(?<![a-z])(?:detection|detectability)(?![a-z])/, '可探测度'],
  [/(?<![a-z])risks?(?![a-z])/, '风险'],
  [/(?<![a-z])(?:measur\w*|evaluat\w*|assess\w*)(?![a-z])/, '评价'],
];

/**
 * The question with the definitions' words for what it asks about. The indicator's own name is left
 * out: the definition is already chosen by it, and its name would favour the sentence that repeats it
 * ("可靠域…实验室模拟的数据" asks about the laboratory, not about 可靠域).
 */
/** The documents' Chinese words for what an English question asks about ("severity" → 严重度). */
export function chineseTerms(normalised: string): string[] {
  return TERMS.filter(([re]) => re.test(normalised)).map(([, zh]) => zh);
}

export function inDefinitionWords(normalised: string): string {
  const added = chineseTerms(normalised);
  let text = normalised;
  for (const m of indicatorMentions(normalised).reverse()) text = `${text.slice(0, m.index)} ${text.slice(m.index + m.length)}`;
  // English words would only match the codes in the passages ("include" ~ Ic); the words that ask
  // (需要, 必须, 能用) are every such question's and say nothing of what is asked about.
  return `${text.replace(/[a-z]+/g, ' ').replace(ASKING, ' ')} ${added.join(' ')}`;
}

const ASKS_QUANTITY = /数量|几个|多少个|至少|最少/;
const STATES_QUANTITY = /至少|不少于|不超过|\d+\s*(?:个|种|次|份|字)/;

/**
 * The definition's sentence (to its full stop: "可采用…实际…数据；也可以采用实验室测试方法…" is one answer)
 * that shares most with the question; a sentence that states a quantity counts one more when the
 * question asks how many (and shares something with it).
 */
function bestFullSentence(p: Passage, asked: string): { sentence: string; score: number } {
  let best = { sentence: '', score: 0 };
  for (const sentence of p.quote
    .split(/(?<=。)/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const shared = sharedPairs({ ...p, quote: sentence }, asked);
    const score = shared && shared + (ASKS_QUANTITY.test(asked) && STATES_QUANTITY.test(sentence) ? 1 : 0);
    if (score > best.score) best = { sentence, score };
  }
  return best;
}

const ASKING = /需要|必须|一定要|能用|可以用|可用|行不行|可以|规定|要求/g;

const CODES = reliability2024.indicators.map((i) => i.code);

export function evidenceFact(q: RubricQuestion, lang: Lang): Fact | undefined {
  if (!q.evidence || q.fmea) return undefined;
  const asked = inDefinitionWords(q.normalised);
  const codes = q.indicators.length ? q.indicators : CODES;
  const found = codes
    .map((code) => {
      const p = passage(`rel-${code}-definition`);
      const { sentence, score } = bestFullSentence(p, asked);
      return { code, p, sentence, shared: score };
    })
    .filter((f) => f.shared >= 1);
  if (!found.length) return undefined;
  const best = Math.max(...found.map((f) => f.shared));
  // Several definitions answer only when each shares as much as the best one, or nearly.
  const chosen = found.filter((f) => f.shared >= (best >= 2 ? Math.max(2, best - 1) : 1)).slice(0, 3);
  return {
    lead: chosen.map((f) => t(lang, `${f.code}：${f.sentence}`, `${f.p.title}: ${f.sentence} (in the original Chinese)`)).join('\n'),
    quotes: chosen.map((f) => f.p),
  };
}
