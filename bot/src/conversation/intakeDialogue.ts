import { answerStep, pendingFields, questionText, stepLabel, valueLabel, type IntakeState } from './assistanceIntake.js';
import { quoteShort, validateAnswer } from './intakeValidation.js';
import { questionReply } from './intakeStepCard.js';
import { choiceReply, clarifyReply } from './smallTalk.js';
import type { Turn } from './turn.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';
import type { Intent } from './understanding/intents.js';
import { QUESTION as QUESTION_WORDS, understand, type Understanding } from './understanding/understand.js';

/**
 * A typed message while the questionnaire is open. It may answer the current field (naturally:
 * 愿意配合, 中等, "电话是…"), or cancel (不填了, 算了, 退出), skip an optional field (跳过), resume
 * (继续填写) — or be a question of its own ("截止时间是哪天"), which is answered while the
 * questionnaire waits at the same step, with a 继续填写 button. A structured field (phone, code,
 * address, choices, yes/no) takes the message as its answer when it validates; any field when the
 * message does not read as a question or a command (then a failed validation says what is wrong).
 */

export interface IntakeDeps {
  answerIntent(turn: Turn, intent: Intent, u: Understanding): Promise<ChatReply[]>;
  finish(turn: Turn, state: IntakeState): Promise<ChatReply[]>;
}

/**
 * A question, not an answer: the question words understanding uses (吗, 是不是, what …), and the
 * English auxiliaries that open a question ("is it…", "can we…"). "是不是直接0分" contains 不是,
 * and must not be read as "no".
 */
/** English asks with the verb first ("is it…", "can we…"); "our name is X" states. */
const QUESTION = new RegExp(`${QUESTION_WORDS.source}|么$|会不会|(?:^|[,.;:!?，。；：！？]\\s*)(is|are|can|do|does|could|should|will)(?![a-z])`, 'i');
/** Intents that are never an answer to a free-text field. */
const NEVER_AN_ANSWER: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'help', 'digest', 'secretariat', 'assistance.status', 'status']);

const NOTHING_TO_GIVE =
  /^[^，,。]{0,8}?(?:先不|暂不|暂时不|就不|不)(?:附|传|提供|上传)了?(?:吧|啦)?$|^(没有|无|暂无|暂时没有|没)\S{0,6}?[\s,]*(下一步|下一项|下一个|下一题|next)$|^(没有|无|暂无|暂时没有|none|n\/a|nothing)$|^(?:还|暂时|目前|暂|尚)?(?:没有|没|未)(?:采取|做过?|有|准备)?(?:什么|任何|啥)?(?:措施|整改)(?:呢|啊)?$|^(?:没有|无|暂无|暂时没有|还没有|没)[\s,]*(?:的话)?[\s,]*(?:那就|那|就)?(?:不(?:用|需要)?(?:填|写)了?|空着)[\s,]*(?:吧|呗)?$/i;
/** Filling in later: the questionnaire waits with what it has. */
const PAUSE =
  /^(?:好的?|那|嗯)?[\s,]*(?:我)?(?:先)?(?:等会儿?|等一下|等等|晚点|晚些|回头|稍后|过会儿?|明天|改天|下午|一会儿?|先去问问[^，,。]{0,6}|问问[^，,。]{0,6})(?:再|接着)(?:填|写|弄|说)(?:吧|哈)?$|(?<![a-z])(?:(?:i'?ll|let me|will) (?:finish|continue|do|fill)[a-z ]{0,20} later|come back to (?:this|it) later|later,? (?:please|pls))(?![a-z])/;

/** Said with a pause, a word that stops ("stop, I'll fill this in later") still cancels. */
const STOP_WORD = /取消|退出|不填了|算了|放弃|(?<![a-z])(?:stop|cancel|quit|exit)(?![a-z])/;

/** This field left empty and the next one asked ("这个不填了，下一个"): a skip, not a cancel. */
const SKIP_AND_GO_ON = /^(?:这个|这项|这一项|这里)?(?:先|就)?不(?:填|写)了?[\s,]*(?:吧)?[\s,]*(?:下一步|下一项|下一个|下一题|next)$/;
const ORGANISATION_NAME =
  /(有限公司|有限责任公司|股份公司|集团|公司|厂|研究院|研究所|中心|合作社|(?<![a-z])(?:factory|co\.?,?\s*ltd\.?|ltd\.?|company|inc\.?|corp\.?|group|works|plant))$/;

export function resumePrompt(turn: Turn, state: IntakeState): ChatReply | undefined {
  const field = pendingFields(state)[0];
  if (!field) return undefined;
  const { lang } = turn;
  return choiceReply(
    t(
      lang,
      `您的帮扶申请停在${stepLabel(field, state, lang)}，直接回复答案即可继续，或点“继续填写”。`,
      `Your assistance request is waiting at ${stepLabel(field, state, lang)}: reply with the answer, or choose "Continue".`,
    ),
    [
      { title: t(lang, '继续填写', 'Continue'), value: { action: 'intake.continue', lang } },
      { title: t(lang, '取消申请', 'Cancel'), value: { action: 'cancel', lang } },
    ],
  );
}

async function accept(turn: Turn, deps: IntakeDeps, state: IntakeState, etag: string | undefined, text: unknown): Promise<ChatReply[]> {
  const { lang, trace, ports } = turn;
  const step = answerStep(state, text, ports);
  trace.intent = text === null ? 'skip' : 'answer';
  if (step.problem) return [questionReply(step.next!, state, lang, `${step.problem[lang]}\n`)];
  await ports.state.save(turn.key, step.state, etag);
  const { field, value } = step.accepted!;
  const chosen = valueLabel(field, value, lang);
  // A choice read from the user's own words ("低压电力电缆" → 工业产品) says which words, so a
  // wrong reading is seen at once; a number or the option's name needs no such note.
  const typed = typeof text === 'string' ? text.trim() : '';
  const inferred = (field.type === 'choice' || field.type === 'multi') && typed && !/^\d+$/.test(typed) && !typed.includes(chosen) && !chosen.includes(typed);
  const label = inferred ? t(lang, `${chosen}（据“${quoteShort(typed, 20)}”）`, `${chosen} (from "${quoteShort(typed, 20)}")`) : chosen;
  trace.answer = { field: field.key, value, label: chosen };
  const echo =
    text === null
      ? t(lang, `已跳过「${field.zh}」。`, `Skipped: ${field.en}.`)
      : t(lang, `已记录「${field.zh}」：${label}。`, `Saved — ${field.en}: ${label}.`);
  if (step.complete) return [{ text: echo }, ...(await deps.finish(turn, step.state))];
  return [questionReply(step.next!, step.state, lang, echo)];
}

/**
 * A step answered on its choice card (`assistance.answer`, see intakeStepCard.ts): the value of
 * the field the card asked, through the same validation as a typed answer. A card of a step that
 * was answered since (clicked twice, or answered by text) only repeats the current question.
 */
export async function answerOnCard(
  turn: Turn,
  deps: IntakeDeps,
  state: IntakeState,
  etag: string | undefined,
  value: Record<string, unknown>,
): Promise<ChatReply[]> {
  const t2: Turn = { ...turn, lang: state.lang };
  const field = pendingFields(state)[0];
  if (!field) return deps.finish(t2, state);
  if (value.field !== field.key) return [questionReply(field, state, t2.lang, t(t2.lang, '该项已经回答过了。', 'That step was already answered.'))];
  let raw = value[field.key];
  // Choice sets send their values ('yes'/'no'); typed answers and the validation speak 是/否.
  if ((field.type === 'yesno' || field.type === 'confirm') && typeof raw === 'string') raw = raw === 'yes' ? '是' : raw === 'no' ? '否' : raw;
  return accept(t2, deps, state, etag, raw ?? '');
}

/**
 * The questionnaire keeps the language it was started in, unless the message itself is Chinese or
 * plain English words: a credit code or a phone number says nothing about the language.
 */
function intakeLang(text: string, state: IntakeState): Lang {
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  const s = text.trim();
  const words = /^[a-z,.!?'’\s-]+$/i.test(s) ? s.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)) : [];
  return words.length >= 2 || /^(yes|no|skip|quit|cancel|continue|sure|ok|okay|exit|stop|help|next|none|resume)\b/i.test(s) ? 'en' : state.lang;
}

export async function intakeTurn(outer: Turn, deps: IntakeDeps, text: string, state: IntakeState, etag: string | undefined): Promise<ChatReply[]> {
  const turn: Turn = { ...outer, lang: intakeLang(text, state) };
  const { lang, trace, ports } = turn;
  const field = pendingFields(state)[0];
  if (!field) return deps.finish(turn, state);
  const u = understand(text, { inQuestionnaire: true });
  trace.kind = 'answer';
  trace.confidence = u.confidence;
  const sure = u.kind === 'answer';
  const skipAndGoOn = SKIP_AND_GO_ON.test(u.normalised);
  // "没有，不填了" / "无" on an optional field: nothing to give, so the field is skipped (on a
  // required one, not filling in is a cancel).
  const nothingToGive = !field.required && NOTHING_TO_GIVE.test(u.normalised);
  // "等会再填", "我先问问领导再填": a pause, not an answer and not a cancel — the answers so far are kept.
  if (PAUSE.test(u.normalised) && !STOP_WORD.test(u.normalised)) {
    trace.intent = 'ack';
    return [
      {
        text: t(
          lang,
          `好的，已填写的内容会保留，下次从${stepLabel(field, state, lang)}接着填。需要时回复“继续填写”，回复“取消申请”则清除。`,
          `OK, your answers so far are kept; you will go on from ${stepLabel(field, state, lang)}. Reply "continue" when ready, or "cancel" to clear them.`,
        ),
      },
    ];
  }
  if (sure && u.intent === 'cancel' && !skipAndGoOn && !nothingToGive) {
    trace.intent = 'cancel';
    await ports.state.remove(turn.key);
    return [{ text: t(lang, '已取消帮扶申请，已填写的内容已清除。', 'The assistance request was cancelled and its answers cleared.') }];
  }
  if (sure && u.intent === 'continue') {
    trace.intent = 'continue';
    return [questionReply(field, state, lang, t(lang, '好的，继续填写。', 'OK, let us continue.'))];
  }
  if (nothingToGive) return accept(turn, deps, state, etag, null);
  if (skipAndGoOn || (sure && u.intent === 'skip')) {
    if (!field.required) return accept(turn, deps, state, etag, null);
    trace.intent = 'skip';
    return [questionReply(field, state, lang, t(lang, `「${field.zh}」是必填项，不能跳过。`, `"${field.en}" is required and cannot be skipped.`))];
  }
  const structured = field.type !== 'text' && field.type !== 'longText';
  // A question is no yes-or-no answer: "截止时间是哪天" contains 是, and must not confirm a commitment.
  const question = QUESTION.test(u.normalised);
  const yesOrNo = field.type === 'yesno' || field.type === 'confirm';
  const valid = structured && validateAnswer(field, text, ports.programme).ok;
  if (valid && !(yesOrNo && question)) return accept(turn, deps, state, etag, text);
  const other = sure && u.intent !== 'answer' ? u.intent : undefined;
  // A message that fails a structured field is still an attempt at it ("河北省" for the address),
  // unless it reads as a question or a command, or is confidently something else ("上海联系人"
  // while the credit code is asked).
  const confidentElsewhere = structured && u.confidence >= 0.6 && !(field.type === 'address' && u.entities.places.length);
  // The organisation's name, given as a statement ("我们单位叫XX有限公司"), is the answer to the
  // name step even though a company name alone reads like a status request elsewhere.
  const givesOrganisationName = field.key === 'orgName' && !question && ORGANISATION_NAME.test(u.normalised);
  if (other && !givesOrganisationName && (question || NEVER_AN_ANSWER.has(other) || confidentElsewhere)) {
    if (other === 'assistance.apply') {
      trace.intent = 'assistance.apply';
      return [{ text: `${t(lang, '您正在填写帮扶申请。', 'You are already filling in an assistance request.')}\n${questionText(field, state, lang)}` }];
    }
    // answerIntent adds the resume prompt (the questionnaire is open).
    return deps.answerIntent(turn, other, u);
  }
  // A question torn between two topics ("这个帮扶申请有截止时间吗": the deadline, or the request's
  // status?) is asked back with both as buttons, and the questionnaire waits at the same step.
  if (question && u.kind === 'clarify' && !u.candidates.includes('answer') && !valid) {
    Object.assign(trace, { kind: 'clarify', intent: u.intent, candidates: u.candidates });
    const resume = resumePrompt(turn, state);
    return [clarifyReply(u.candidates, text, lang), ...(resume ? [resume] : [])];
  }
  if (yesOrNo && question) {
    return [
      questionReply(
        field,
        state,
        lang,
        t(lang, '这一项请直接回答（提问不算作回答）。', 'Please answer this step directly (a question is not taken as an answer).'),
      ),
    ];
  }
  return accept(turn, deps, state, etag, text);
}
