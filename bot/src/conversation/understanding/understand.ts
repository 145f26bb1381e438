import { IntentClassifier, type Classification } from './classifier.js';
import { loadCorpus } from './corpus.js';
import { allowedIntents } from './context.js';
import { decide, type Decision } from './decide.js';
import { extractEntities, type Entities } from './entities.js';
import { normalise } from './normalise.js';
import { withNamesMarked } from './latinNames.js';
import { SMALL_TALK, type Intent } from './intents.js';

/**
 * Understanding one message, for every channel: normalise → classify → extract → decide. The
 * classifier is trained from the corpus once per process, on first use (deterministic; a few
 * hundred milliseconds), so the corpus file is the only source of truth and no generated model can
 * go stale. After that, one message takes well under a millisecond (bench: understanding.bench.ts).
 */

export interface UnderstandContext {
  /** Inside the assistance questionnaire: answer/skip/continue are possible, ack is not. */
  inQuestionnaire: boolean;
}

export interface Understanding extends Decision {
  text: string;
  normalised: string;
  confidence: number;
  classification: Classification;
  entities: Entities;
}

let model: IntentClassifier | undefined;

/** Words that make a message a question (then a number in it is not a score being entered). */
export const QUESTION =
  /[?？]|吗|呢|了没(?!有)|过没(?!有)|了没有$|(?<![没不])什么|(?<![没不])怎么|怎样|如何|哪|几|谁|多少|多久|是否|能否|有没有|是不是|对不对|对吗|行不行|够不够|可不可以|能不能|要不要|才能|要多|想问|问一下|问下|请问|\d\s*还是\s*\d|(?:是|对|占)[^，,。]{0,12}吧$|(?<![a-z])(how|what|when|who|which|where|why)(?![a-z])/i;

/** A score one has entered, asked about ("我给Ic打了几分"): not a rubric question. */
const ONES_OWN_ENTRY = /(?:打|给|录|评|填)了/;

/** Asking for a score rather than giving one: "给几分", "能拿多少", "how many points would C get". */
const ASKS_FOR_A_SCORE = /几分|多少分|能拿多少|能得多少|拿多少|得多少|给多少|打多少|how many (?:points|marks)|what (?:score|band|mark)|which band/;

/** The process's classifier (trained on first use). */
export function classifier(): IntentClassifier {
  model ??= new IntentClassifier(loadCorpus());
  return model;
}

/**
 * The intent of a normalised message with the entity rules applied on top of the classifier (the
 * same for understanding and for cross-validation): an indicator with a score, not asked as a
 * question, is a score entry; a case number asks about that case.
 */
/** A greeting, thanks or acknowledgement (with the bot's name) in front of the real question ("hi kekao, what's the deadline?"). */
const SMALL_TALK_LEAD =
  /^(?:hi|hello|hey|你好|您好|老师好|在吗|在么|谢谢|多谢|谢啦|thanks|thank you|好的|收到|明白了|ok|okay|嗯)(?:[\s,]*(?:kekao|可靠助手|小助手|助手|机器人|bot|there|team|老师))?(?:[\s,.!~。！、]+|(?=[\u4e00-\u9fff]))(?=\S)/;
/** A first clause that sets a topic aside ("联系人我有了，…", "截止日期知道了，…", "帮扶先不说，…"). */
const DISMISSED_LEAD =
  /^[^,;?。；？]{0,20}?(?:知道了|有了|看过了|看了|看完了|清楚了|明白了|先不说|先放放|不急|放一放|另说|问过[^,;?。；？]{0,8}了)[\s,.;。；！!]+(?=\S)|^(?:我)?(?:已经)?(?:知道|清楚|了解)[^,;?。；？]{2,20}[,;。；]\s*(?:那|那么|不过|但是)?(?=\S)/;

/** The same set-aside clause written after the question ("材料有哪些？截止日期我已经知道了"). */
const DISMISSED_TAIL = /[\s,.;?。；？！!，]+[^,;?。；？，]{0,20}?(?:知道了|有了|看过了|看完了|清楚了|明白了|先不说|先放放|不急|放一放|另说)[\s.。!！~]*$/;

/** A remark, then the question announced as an aside ("电话打通了，多谢！顺便问下…", "…, by the way, is …"). */
const BY_THE_WAY =
  /^(.{0,60}?)(?:顺便问下|顺便问一下|顺便问问|顺便问|顺带问一下|顺带问下|另外问下|另外问一下|另外想问|另外想咨询|另外咨询|另外请教|还想问一下|还想问下|再问一下|再问下|还有个问题|还有一个问题|先问下|先问一下|先问问|先问(?=[\u4e00-\u9fff])|这次想问|这次问下|(?<![a-z])(?:by the way|btw|also,? quick question|one more question)(?![a-z]))[\s,.:：;!！]*(?=\S)/;

/** A request in its own right ("…介绍一下", "…发我一下", "tell me …"): then what comes before an aside is the main question. */
const REQUEST =
  /介绍|说说|说一下|讲一下|讲讲|发一下|发我|发给我|给我|列一下|列出|看看|看一下|告诉|解释|(?<![a-z])(?:tell me|explain|list|show me|send me)(?![a-z])/;

/** A time or condition clause first ("报上去以后，", "没评上的话，"): the main clause after it is the question. */
const SUBORDINATE = /^[^,;?。；？]{2,30}?(?:以后|之后|的时候|的话)[,，]\s*(?=\S)/;

/** Context of fifteen characters or more, then the question announced (想问一下, 请问, my question is). */
const PREAMBLE =
  /^.{15,240}?[\s,.;:!?，。；：！？]\s*(?:所以|那么|现在)?(?:想问一下|想问下|想问问|想咨询一下|想咨询下|想请教一下|请问一下|请问|我想知道|我的问题是|问题是|(?<![a-z])(?:my question is|i(?:'d| would) like to (?:ask|know)|i want to know|could you tell me)(?![a-z]))[\s,:：]*(?=\S)/;

/** A word BY_THE_WAY needs, tested first: most messages have none, and then the longer search is skipped. */
const ASIDE_WORD = /顺便|顺带|另外|还想问|再问|先问|这次想问|这次问|还有(?:一)?个问题|by the way|btw|quick question|one more question/;

/** Talk of an indicator's score or band. */
const SCORE_TALK = /分|档|(?<![a-z])(?:scores?|band|points|marks|low|high|acceptable)(?![a-z])/;

/** An event of people's own lives or firms (a festival, an annual party, a holiday), asked when. */
const OWN_EVENT =
  /[\u4e00-\u9fff](?:节(?![制止至点])|年会|展会|博览会|比赛|演唱会|球赛|婚礼|生日|运动会|晚会|放假|假期|开学)|(?<![a-z])(?:festival|holidays?|concert|match|party|wedding|birthday|vacation)(?![a-z])/;
/** The programme's own words: with one of them, a "when" is the deadline's. */
const PROGRAMME_WORD =
  /截止|期限|申报|推荐|材料|提交|交|报|评|表|最佳实践|fmea|帮扶|(?<![a-z])(?:deadline|submit\w*|apply|application|nominat\w*|programme|program|recommend\w*|forms?|hand in|entr(?:y|ies)|due)(?![a-z])/;

/** Two short alternatives and nothing else: "A还是B", "A或者B", "A or B". */
const EITHER_OR = /^(?:问下|请问|想问)?\s*([^,，。?？]{2,16}?)\s*(?:还是|或者|或是|(?<![a-z])or(?![a-z]))\s*([^,，。?？]{2,16}?)\s*(?:呢|啊)?[?？]?$/;

export function decideIntent(
  model: IntentClassifier,
  normalised: string,
  entities: Entities,
  context: UnderstandContext,
): { decision: Decision; classification: Classification } {
  const allowed = allowedIntents(context);
  normalised = withNamesMarked(normalised, entities.latinNames);
  let classification = model.classify(normalised, { allowed });
  let decision = decide(classification.ranked);
  // What follows small talk, or a topic set aside, is the question: answer it when it is clear.
  const tail = DISMISSED_TAIL.exec(normalised);
  const dismissed =
    DISMISSED_LEAD.exec(normalised) ?? (ASIDE_WORD.test(normalised) ? BY_THE_WAY.exec(normalised) : null) ?? (tail && tail.index > 0 ? tail : null);
  // "指标和权重介绍一下，顺便问下你们是哪个部门的": what comes before the aside is itself a clear
  // request, so it is the main question and the aside is secondary ("…算了，先问下…" drops the
  // first question instead).
  const before = dismissed?.[1];
  let mainBeforeAside = false;
  const secondary = !!before && /顺便|顺带|另外|by the way|btw/.test(dismissed![0].slice(before.length)) && !/算了|不管了|先不说|另说$/.test(before);
  if (before && secondary && (QUESTION.test(before) || REQUEST.test(before)) && [...before.replace(/[\s,.;:!?，。；：！？]+/g, '')].length >= 4) {
    const main = model.classify(before, { allowed });
    const mainDecision = decide(main.ranked);
    if (mainDecision.kind === 'answer' && !SMALL_TALK.has(mainDecision.intent) && mainDecision.intent !== 'offTopic') {
      classification = main;
      decision = mainDecision;
      mainBeforeAside = true;
    }
  }
  // A long message that explains first and then asks ("我们是…的质量经理，…，想问一下…需要交哪些材料"):
  // the question after 想问一下 / 请问 / I'd like to ask is what it asks.
  const preamble = !mainBeforeAside && !dismissed ? (PREAMBLE.exec(normalised) ?? SUBORDINATE.exec(normalised)) : null;
  const lead = mainBeforeAside ? null : (dismissed ?? preamble ?? SMALL_TALK_LEAD.exec(normalised));
  const restText = !lead ? '' : lead === tail ? normalised.slice(0, tail.index) : normalised.slice(lead[0].length);
  if (lead && [...restText.replace(/\s+/g, '')].length >= 4 && (dismissed || preamble || decision.kind !== 'answer' || SMALL_TALK.has(decision.intent))) {
    const rest = model.classify(restText, { allowed });
    const restDecision = decide(rest.ranked);
    // An off-topic request after a greeting is declined as off-topic, not greeted.
    if (restDecision.kind === 'answer' && !SMALL_TALK.has(restDecision.intent) && (restDecision.intent !== 'offTopic' || !dismissed)) {
      classification = rest;
      decision = restDecision;
    }
  }
  // "联系人还是流程？" / "contacts or the flow?": a choice between two topics, each clear on its own,
  // is asked back with both as buttons rather than answered as either.
  const choice = EITHER_OR.exec(normalised);
  if (choice && !context.inQuestionnaire) {
    const [left, right] = [choice[1]!, choice[2]!].map((side) => decide(model.classify(side, { allowed }).ranked));
    // Only when the whole message is itself torn between the two (both in its top two, the second
    // with at least 10 %): "是自己报省里还是通过区县报" is one flow question whose halves are not topics.
    const [first, second] = classification.ranked;
    const torn = !!first && !!second && second.confidence >= 0.1 && [left!.intent, right!.intent].every((i) => i === first.intent || i === second.intent);
    if (
      torn &&
      left!.kind === 'answer' &&
      right!.kind === 'answer' &&
      left!.intent !== right!.intent &&
      !SMALL_TALK.has(left!.intent) &&
      !SMALL_TALK.has(right!.intent)
    ) {
      const top = classification.ranked[0]?.intent;
      decision = { kind: 'clarify', intent: top === right!.intent ? right!.intent : left!.intent, candidates: [left!.intent, right!.intent] };
    }
  }
  // A question with no score in it enters none ("Will the Ic score be very low, or is it still
  // acceptable?"): scoreEntry drops out of the candidates, and asking what score something earns
  // ("可靠域覆盖有限给几分", "W很低的话能拿多少") is a question about the rubric's bands. "我给Ic打了几分"
  // asks about one's own entry and stays.
  const asks = QUESTION.test(normalised);
  const scoreEntryInPlay = decision.intent === 'scoreEntry' || decision.candidates.includes('scoreEntry');
  if (!entities.score && scoreEntryInPlay && !ONES_OWN_ENTRY.test(normalised)) {
    if (ASKS_FOR_A_SCORE.test(normalised) && allowed.has('rubric')) {
      decision = { kind: 'answer', intent: 'rubric', candidates: [] };
    } else if (asks && decision.kind !== 'fallback') {
      const rest = decision.candidates.filter((c) => c !== 'scoreEntry');
      const next = rest.length ? rest : allowed.has('rubric') ? (['rubric'] as Intent[]) : [];
      if (next.length === 1) decision = { kind: 'answer', intent: next[0]!, candidates: [] };
      else if (next.length > 1) decision = { kind: 'clarify', intent: next[0]!, candidates: next };
    }
  }
  // "ddl前只有出厂数据，一致性那项是不是最多七十分", "Will the Ic score be very low": a question about an
  // indicator's score is the rubric's, whatever deadline or status words come with it.
  if (
    (decision.intent === 'deadline' || decision.intent === 'status' || decision.intent === 'flow') &&
    entities.indicators.some((c) => c !== 'FMEA') &&
    !entities.score &&
    SCORE_TALK.test(normalised) &&
    asks &&
    allowed.has('rubric')
  ) {
    decision = { kind: 'answer', intent: 'rubric', candidates: [] };
  }
  // "青岛啤酒节是什么时候", "公司年会几号": when an event of one's own is, not the programme's deadline.
  if (decision.intent === 'deadline' && OWN_EVENT.test(normalised) && !PROGRAMME_WORD.test(normalised) && allowed.has('offTopic')) {
    decision = { kind: 'answer', intent: 'offTopic', candidates: [] };
  }
  if (!context.inQuestionnaire && entities.score && (decision.kind !== 'answer' || decision.intent !== 'scoreEntry') && !asks) {
    decision = { kind: 'answer', intent: 'scoreEntry', candidates: [] };
  }
  if (!context.inQuestionnaire && entities.caseRefs.length && decision.intent !== 'assistance.status') {
    decision = { kind: 'answer', intent: 'assistance.status', candidates: [] };
  }
  return { decision, classification };
}

export function understand(text: string, context: UnderstandContext = { inQuestionnaire: false }): Understanding {
  const normalised = normalise(text);
  const entities = extractEntities(normalised, text);
  const { decision, classification } = decideIntent(classifier(), normalised, entities, context);
  return {
    ...decision,
    text,
    normalised,
    confidence: classification.ranked[0]?.confidence ?? 0,
    classification,
    entities,
  };
}
