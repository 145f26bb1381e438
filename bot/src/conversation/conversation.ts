import {
  answerStep,
  applyCardSubmit,
  completeIntake,
  intakeCard,
  intakeStateSchema,
  newIntakeState,
  pendingFields,
  questionReply,
  questionText,
  type IntakeState,
} from './assistanceIntake.js';
import { chinaDate, deadlineReply, flowReply, materialsReply, noCampaignReply } from './campaignAnswers.js';
import { helpCard, helpText } from './cards.js';
import { allContactsReply, answerContacts } from './contacts.js';
import { parseScoreText, recordScore, reviewerDigest, scoreCard, secretariatDigest } from './digest.js';
import { intentOfCardAction, recognizeIntent, type Intent } from './intents.js';
import { findPlaces } from './places.js';
import type { ConversationPorts, Identity } from './ports.js';
import { answerRubricQuestion } from './rubricQa/answer.js';
import { answerStatus } from './status.js';
import { chatInputSchema, detectLang, t, type ChatInput, type ChatReply, type Lang, type ParsedChatInput } from './types.js';

/**
 * The conversation engine: one call per user turn, channel-agnostic. It recognises the intent
 * (card action or typed text), keeps the questionnaire state in the database (`ports.state`) and
 * answers with text and, where useful, an Adaptive Card.
 */

export interface Conversation {
  handle(input: ChatInput): Promise<ChatReply[]>;
  /** The greeting when the bot is added to a conversation. */
  welcome(lang?: Lang): ChatReply[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** State key of a user's questionnaire in one conversation. */
export function intakeKey(input: { conversation: { id: string; type?: string }; user: { channelUserId: string } }): string {
  return `kekao/intake/${input.conversation.id}/${input.user.channelUserId}`;
}

export function createConversation(ports: ConversationPorts): Conversation {
  // Turns of one user in one conversation run one at a time in this process; across processes
  // the state's etag refuses a lost update.
  const locks = new Map<string, Promise<unknown>>();
  function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    void tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return run;
  }

  function unregistered(input: ParsedChatInput, lang: Lang): ChatReply[] {
    const id = input.user.aadObjectId ?? input.user.channelUserId;
    return [{
      text: t(
        lang,
        `您的账号尚未在 kekao 登记角色，无法查询。请管理员将您的聊天账号（Teams 或企业微信，标识：${id}）绑定到 kekao 用户。（角色只来自登记信息，不能在对话中声明。）`,
        `Your account has no kekao role yet. Ask an administrator to link your chat account (Teams or WeCom, ${id}) to a kekao user. (Roles come from the registry only, never from the chat.)`,
      ),
    }];
  }

  /** Without a verified channel nobody is identified: say so, rather than "not registered". */
  function noVerifiedChannel(lang: Lang): ChatReply[] {
    return [{
      text: t(
        lang,
        '本部署未配置经验证的聊天渠道，无法确认您的身份，因此不提供申报进度、评审摘要、评分和帮扶申请。联系人、截止时间、申报材料、推荐流程和评分规则仍可查询。',
        'This deployment has no verified chat channel, so your identity cannot be confirmed: submission status, review digests, scoring and assistance applications are not available here. Contacts, deadlines, materials, the flow and rubric questions still work.',
      ),
    }];
  }

  async function withIdentity(input: ParsedChatInput, lang: Lang, fn: (id: Identity) => Promise<ChatReply[]>): Promise<ChatReply[]> {
    // Answers that depend on who asks (status, digests, scores, an intake's personal data) are
    // given in the personal chat only: in a group chat or channel every member would read them.
    if (input.conversation.type && input.conversation.type !== 'personal') {
      return [{ text: t(lang, '该内容只在与 kekao 的私聊中提供（群聊和频道中的其他成员也能看到回复）。请私聊 kekao 查询。', 'This is answered in your personal chat with kekao only (everyone in a group chat or channel would see it).') }];
    }
    if (!input.user.verified) return noVerifiedChannel(lang);
    const identity = await ports.identities.resolve(input.user);
    return identity ? fn(identity) : unregistered(input, lang);
  }

  async function campaignAnswer(kind: 'deadline' | 'materials' | 'flow', lang: Lang): Promise<ChatReply[]> {
    const today = chinaDate(ports.now());
    const c = await ports.campaigns.current(today);
    if (!c) return [noCampaignReply(lang)];
    if (kind === 'deadline') return [deadlineReply(c, ports.programme, today, lang)];
    if (kind === 'materials') return [materialsReply(c, lang)];
    return [flowReply(c, ports.programme, lang)];
  }

  async function loadIntake(key: string): Promise<{ state: IntakeState | null; etag?: string }> {
    const stored = await ports.state.load(key);
    if (!stored) return { state: null };
    const parsed = intakeStateSchema.safeParse(stored.value);
    return { state: parsed.success ? parsed.data : null, etag: stored.etag };
  }

  async function startIntake(input: ParsedChatInput, key: string, lang: Lang): Promise<ChatReply[]> {
    return withIdentity(input, lang, async () => {
      const state = newIntakeState(ports.now(), lang);
      await ports.state.save(key, state);
      const first = pendingFields(state)[0]!;
      return [
        {
          text: t(lang, '质量技术帮扶申请：可以直接填写下面的申请表卡片，也可以逐项回复文字。', 'Assistance request: fill in the card below, or answer step by step.'),
          card: intakeCard(state, lang),
        },
        { text: questionText(first, state, lang) },
      ];
    });
  }

  async function finish(input: ParsedChatInput, key: string, state: IntakeState, lang: Lang): Promise<ChatReply[]> {
    if (!input.user.verified) return noVerifiedChannel(lang);
    const identity = await ports.identities.resolve(input.user);
    if (!identity) return unregistered(input, lang);
    const done = await completeIntake(state, ports, input.user, identity, lang);
    // A refused request keeps its answers (the address can still be corrected).
    if (done.caseId) await ports.state.remove(key);
    return done.replies;
  }

  async function dispatch(intent: Intent, text: string, input: ParsedChatInput, key: string, lang: Lang): Promise<ChatReply[]> {
    switch (intent) {
      case 'help':
        return [{ text: helpText(lang), card: helpCard(lang) }];
      case 'cancel':
        return [{ text: t(lang, '当前没有进行中的填写。', 'Nothing to cancel.') }];
      case 'contacts': {
        const a = text ? answerContacts(text, ports.programme, lang) : undefined;
        return a ? a.replies : [allContactsReply(ports.programme, lang)];
      }
      case 'deadline':
      case 'materials':
      case 'flow':
        return campaignAnswer(intent, lang);
      case 'assistance':
        return startIntake(input, key, lang);
      case 'status':
        return withIdentity(input, lang, (id) => answerStatus(text, id, ports, lang));
      case 'digest':
        return withIdentity(input, lang, (id) => reviewerDigest(id, ports, lang));
      case 'secretariat':
        return withIdentity(input, lang, (id) => secretariatDigest(id, ports, lang));
      case 'scoreEntry':
        return withIdentity(input, lang, async (id) => {
          const parsed = parseScoreText(text);
          if (!parsed) return reviewerDigest(id, ports, lang);
          if (id.role !== 'reviewer') return recordScore(id, ports, {}, lang);
          const entries = await ports.reviews.assignedEntries(id);
          const entry = entries[parsed.index - 1];
          if (!entry) return [{ text: t(lang, `没有第 ${parsed.index} 条评审条目（共 ${entries.length} 条）。`, `There is no entry ${parsed.index} (${entries.length} assigned).`) }];
          return recordScore(id, ports, { submissionId: entry.submissionId, indicator: parsed.indicator, raw: parsed.raw, reason: parsed.reason }, lang);
        });
      case 'rubric':
        return text
          ? answerRubricQuestion(text, lang).replies
          : [{ text: t(lang, '请直接提问，例如“什么是关键性能可靠域？”“Id怎么评分”“评分说明（d）是什么”。', 'Ask e.g. "what is Ir?" or "how is Id scored?".') }];
    }
  }

  async function onCard(value: Record<string, unknown>, input: ParsedChatInput, key: string, lang: Lang): Promise<ChatReply[]> {
    const action = typeof value.action === 'string' ? value.action : '';
    if (action === 'assistance.start') return startIntake(input, key, lang);
    if (action === 'assistance.submit') {
      const { state: existing } = await loadIntake(key);
      const base = existing ?? newIntakeState(ports.now(), lang);
      const { state, problems } = applyCardSubmit(base, value, ports);
      await ports.state.save(key, state);
      if (problems.length) {
        return [{
          text: [t(lang, `申请表有 ${problems.length} 处需要修改：`, `${problems.length} field(s) need attention:`), ...problems.map((p) => `• ${p[lang]}`)].join('\n'),
          card: intakeCard(state, lang, problems),
        }];
      }
      return finish(input, key, state, lang);
    }
    if (action === 'assistance.answer') {
      // One step answered on its choice card (the same validation as a typed answer).
      const { state, etag } = await loadIntake(key);
      if (!state) return [{ text: t(lang, '当前没有进行中的帮扶申请填写。', 'No assistance request is in progress.') }];
      const field = pendingFields(state)[0];
      if (!field) return finish(input, key, state, state.lang);
      if (value.field !== field.key) return [questionReply(field, state, state.lang, t(state.lang, '该项已经回答过了。', 'That step was already answered.'))];
      const step = answerStep(state, value[field.key], ports, state.lang);
      await ports.state.save(key, step.state, etag);
      return step.complete ? finish(input, key, step.state, state.lang) : step.replies;
    }
    if (action === 'cancel') {
      const { state } = await loadIntake(key);
      if (state) await ports.state.remove(key);
      return [{ text: state ? t(lang, '已取消帮扶申请，已填写的内容已清除。', 'The assistance request was cancelled and its answers cleared.') : t(lang, '当前没有进行中的填写。', 'Nothing to cancel.') }];
    }
    if (action === 'scoreEntry.open') {
      return withIdentity(input, lang, async (id) => {
        if (id.role !== 'reviewer') return recordScore(id, ports, {}, lang);
        const entries = await ports.reviews.assignedEntries(id);
        const n = entries.findIndex((e) => e.submissionId === value.submissionId) + 1;
        const entry = entries[n - 1];
        return entry
          ? [{ text: t(lang, `请在卡片中录入评分，或输入“打分 ${n} 指标 分数 理由”，例如“打分 ${n} Ic 85 两阶段变异系数均较低”。`, `Enter the score in the card, or type "score ${n} indicator value reason".`), card: scoreCard(entry, lang) }]
          : [{ text: t(lang, '该条目未分配给您，不能评分。', 'This entry is not assigned to you.') }];
      });
    }
    if (action === 'scoreEntry.submit') return withIdentity(input, lang, (id) => recordScore(id, ports, value, lang));
    const intent = intentOfCardAction(action);
    if (intent) return dispatch(intent, '', input, key, lang);
    return [{ text: helpText(lang), card: helpCard(lang) }];
  }

  async function onText(text: string, input: ParsedChatInput, key: string, lang: Lang): Promise<ChatReply[]> {
    const { state, etag } = await loadIntake(key);
    if (state) {
      const intent = recognizeIntent(text);
      if (intent === 'cancel') {
        await ports.state.remove(key);
        return [{ text: t(lang, '已取消帮扶申请，已填写的内容已清除。', 'The assistance request was cancelled and its answers cleared.') }];
      }
      if (intent === 'help') {
        const field = pendingFields(state)[0];
        const lead = t(lang, '您正在填写帮扶申请（回复“取消”可退出）。', 'You are filling in an assistance request (reply "cancel" to stop).');
        return [field ? questionReply(field, state, lang, lead) : { text: lead }];
      }
      const step = answerStep(state, text, ports, state.lang);
      await ports.state.save(key, step.state, etag);
      if (step.complete) return finish(input, key, step.state, state.lang);
      return step.replies;
    }
    const intent = recognizeIntent(text);
    if (intent) return dispatch(intent, text, input, key, lang);
    // A bare place name ("石家庄") asks for its contact.
    if (findPlaces(text).length) {
      const a = answerContacts(text, ports.programme, lang);
      if (a) return a.replies;
    }
    const qa = answerRubricQuestion(text, lang);
    if (qa.passages.length) return qa.replies;
    return [{ text: `${t(lang, '抱歉，没有理解您的问题。', 'Sorry, I did not understand.')}\n${helpText(lang)}`, card: helpCard(lang) }];
  }

  return {
    welcome(lang: Lang = 'zh') {
      return [{ text: helpText(lang), card: helpCard(lang) }];
    },
    async handle(raw: ChatInput): Promise<ChatReply[]> {
      const parsed = chatInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('\n');
        return [{ text: `无法处理这条消息 (chat.invalidInput)：\n${issues}` }];
      }
      const input = parsed.data;
      const text = (input.text ?? '').trim();
      const value = isRecord(input.value) ? input.value : undefined;
      const lang = detectLang(text || (typeof value?.lang === 'string' ? value.lang : undefined));
      const key = intakeKey(input);
      return serialised(key, async () => {
        if (value && (typeof value.action === 'string' || !text)) return onCard(value, input, key, lang);
        if (!text) return [{ text: helpText(lang), card: helpCard(lang) }];
        return onText(text, input, key, lang);
      });
    },
  };
}
