import { applyCardSubmit, intakeStateSchema, newIntakeState, pendingFields, type IntakeState } from './assistanceIntake.js';
import { helpCard, helpText } from './cards.js';
import { ADAPTIVE_CARD_CHANNEL, type ChannelCapabilities } from './channelCapabilities.js';
import { recordScore, scoreCard } from './digest.js';
import { intakeCard, intakeOpening } from './intakeCard.js';
import { completeIntake } from './intakeCompletion.js';
import { answerOnCard, intakeTurn, resumePrompt } from './intakeDialogue.js';
import { questionReply } from './intakeStepCard.js';
import { answerIntent } from './intentAnswers.js';
import type { ConversationPorts, Identity } from './ports.js';
import { clarifyReply, fallbackReply } from './smallTalk.js';
import { intentByAsker } from './clarifyByAsker.js';
import type { TraceSink, TurnTrace } from './trace.js';
import type { Turn } from './turn.js';
import { chatInputSchema, detectLang, t, type ChatInput, type ChatReply, type Lang, type ParsedChatInput } from './types.js';
import { intentOfCardAction, isIntent, type Intent } from './understanding/intents.js';
import { classifier, understand, type Understanding } from './understanding/understand.js';

/**
 * The conversation engine: one call per user turn, channel-agnostic. Typed text goes through
 * understanding (normalise → classify → extract → decide); a card button names its intent. The
 * questionnaire state lives in the database (`ports.state`). Every turn can report what it
 * decided to a trace sink (the evaluation runner uses it).
 */

export interface Conversation {
  handle(input: ChatInput): Promise<ChatReply[]>;
  /** The greeting when the bot is added to a conversation. */
  welcome(lang?: Lang): ChatReply[];
}

export interface ConversationOptions {
  onTrace?: TraceSink;
  /** What the channel's cards can hold (default: Adaptive Cards as they are, as Teams shows them). */
  channel?: ChannelCapabilities;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** State key of a user's questionnaire in one conversation. */
export function intakeKey(input: { conversation: { id: string; type?: string }; user: { channelUserId: string } }): string {
  return `kekao/intake/${input.conversation.id}/${input.user.channelUserId}`;
}

export function createConversation(ports: ConversationPorts, options: ConversationOptions = {}): Conversation {
  // Train the classifier now (once per process), not when the first user is waiting.
  classifier();
  const channel = options.channel ?? ADAPTIVE_CARD_CHANNEL;
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
    return [
      {
        text: t(
          lang,
          `您的账号尚未在 kekao 登记角色，无法查询。请管理员将您的聊天账号（Teams 或企业微信，标识：${id}）绑定到 kekao 用户。（角色只来自登记信息，不能在对话中声明。）不登记也可以查询联系人、截止时间、材料和流程，或申请帮扶。`,
          `Your account has no kekao role yet. Ask an administrator to link your chat account (Teams or WeCom, ${id}) to a kekao user. (Roles come from the registry only, never from the chat.) Without one you can still ask for contacts, the deadline, materials and the flow, or apply for assistance.`,
        ),
      },
    ];
  }

  /** Without a verified channel nobody is identified: say so, rather than "not registered". */
  function noVerifiedChannel(lang: Lang): ChatReply[] {
    return [
      {
        text: t(
          lang,
          '本部署未配置经验证的聊天渠道，无法确认您的身份，因此不提供申报进度、评审摘要、评分和帮扶申请（帮扶申请请通过所在区（县）市场监管局提出）。联系人、截止时间、申报材料、推荐流程和评分规则仍可查询。',
          'This deployment has no verified chat channel, so your identity cannot be confirmed: submission status, review digests, scoring and assistance applications are not available here (apply for assistance through your district market-supervision bureau). Contacts, deadlines, materials, the flow and rubric questions still work.',
        ),
      },
    ];
  }

  async function withIdentity(turn: Turn, fn: (id: Identity) => Promise<ChatReply[]>): Promise<ChatReply[]> {
    // Answers that depend on who asks (status, digests, scores, cases) are given in the personal
    // chat only: in a group chat or channel every member would read them.
    const { input, lang } = turn;
    if (input.conversation.type && input.conversation.type !== 'personal') {
      return [
        {
          text: t(
            lang,
            '该内容只在与 kekao 的私聊中提供（群聊和频道中的其他成员也能看到回复）。请私聊 kekao 查询。',
            'This is answered in your personal chat with kekao only (everyone in a group chat or channel would see it).',
          ),
        },
      ];
    }
    if (!input.user.verified) return noVerifiedChannel(lang);
    const identity = await turn.identity();
    return identity ? fn(identity) : unregistered(input, lang);
  }

  function newTurn(input: ParsedChatInput, key: string, lang: Lang, trace: TurnTrace): Turn {
    let resolved: Promise<Identity | undefined> | undefined;
    const turn: Turn = {
      ports,
      input,
      lang,
      key,
      trace,
      identity: () => (resolved ??= ports.identities.resolve(input.user)),
      withIdentity(fn) {
        // `this`: a copy of the turn with another language (the questionnaire's) answers in that language.
        return withIdentity(this, fn);
      },
    };
    return turn;
  }

  async function loadIntake(key: string): Promise<{ state: IntakeState | null; etag?: string }> {
    const stored = await ports.state.load(key);
    if (!stored) return { state: null };
    const parsed = intakeStateSchema.safeParse(stored.value);
    return { state: parsed.success ? parsed.data : null, etag: stored.etag };
  }

  async function startIntake(turn: Turn): Promise<ChatReply[]> {
    const { lang, trace } = turn;
    trace.intent = 'assistance.apply';
    // Anyone the channel vouches for may apply (an enterprise through its district bureau, guide
    // §7.2.2), registered or not; a claim nobody verified files nothing. Reviewers take no requests.
    if (!turn.input.user.verified) return noVerifiedChannel(lang);
    const identity = await turn.identity();
    if (identity?.role === 'reviewer') return [{ text: t(lang, '评审专家不能受理帮扶申请。', 'Reviewers do not take assistance requests.') }];
    const { state: existing } = await loadIntake(turn.key);
    const state = existing ?? newIntakeState(ports.now(), lang);
    if (!existing) await ports.state.save(turn.key, state);
    const first = pendingFields(state)[0]!;
    return [
      {
        text: existing
          ? t(
              lang,
              '您已有一份填写中的帮扶申请，接着填写即可（回复“取消”可重新开始）。',
              'You have an assistance request in progress; carry on (reply "cancel" to start over).',
            )
          : intakeOpening(lang, channel),
        card: intakeCard(state, lang),
      },
      questionReply(first, state, lang),
    ];
  }

  async function finish(turn: Turn, state: IntakeState): Promise<ChatReply[]> {
    if (!turn.input.user.verified) return noVerifiedChannel(turn.lang);
    const done = await completeIntake(state, ports, turn.input.user, await turn.identity(), turn.lang);
    if (done.caseNo) await ports.state.remove(turn.key);
    else await ports.state.save(turn.key, state);
    return done.replies;
  }

  /** Answers an intent; `open` is the questionnaire state when the caller has read it already. */
  async function act(turn: Turn, intent: Intent, u?: Understanding, open?: IntakeState | null): Promise<ChatReply[]> {
    if (intent === 'assistance.apply') return startIntake(turn);
    const state = open !== undefined ? open : (await loadIntake(turn.key)).state;
    const replies = await answerIntent(turn, intent, u);
    // A question asked while a questionnaire is open (through a button) also says where it stands.
    const resume = state && intent !== 'cancel' && intent !== 'continue' ? resumePrompt(turn, state) : undefined;
    return resume ? [...replies, resume] : replies;
  }

  async function onCard(turn: Turn, value: Record<string, unknown>): Promise<ChatReply[]> {
    const { lang, trace } = turn;
    trace.kind = 'card';
    const action = typeof value.action === 'string' ? value.action : '';
    if (action === 'assistance.start') return startIntake(turn);
    if (action === 'assistance.submit') {
      if (!turn.input.user.verified) return noVerifiedChannel(lang);
      const { state: existing } = await loadIntake(turn.key);
      const cardId = typeof value.cardId === 'string' && value.cardId ? value.cardId : existing?.cardId;
      // The same card submitted again after its case exists: one case per card.
      const done = cardId && existing?.cardId !== cardId ? await ports.assistance.byRequestKey(cardId) : undefined;
      if (done) {
        return [
          {
            text: t(
              lang,
              `这份申请已经提交过，案件编号 ${done.caseNo}，不会重复登记。查询进度请回复“${done.caseNo}”。`,
              `This application was submitted before as case ${done.caseNo}; it is not registered twice. Reply "${done.caseNo}" for its status.`,
            ),
          },
        ];
      }
      const base = existing && (!cardId || existing.cardId === cardId) ? existing : newIntakeState(ports.now(), lang, cardId);
      const { state, problems, typed } = applyCardSubmit(base, value, ports);
      await ports.state.save(turn.key, state);
      if (problems.length) {
        return [
          {
            text: [
              t(lang, `申请表有 ${problems.length} 处需要修改：`, `${problems.length} field(s) need attention:`),
              ...problems.map((p) => `• ${p[lang]}`),
            ].join('\n'),
            card: intakeCard(state, lang, problems, typed),
          },
        ];
      }
      return finish(turn, state);
    }
    if (action === 'assistance.confirmDuplicate') {
      const { state } = await loadIntake(turn.key);
      if (!state || pendingFields(state).length) return [{ text: t(lang, '没有待确认的帮扶申请。', 'There is no request waiting for confirmation.') }];
      return finish(turn, { ...state, duplicateConfirmed: true });
    }
    if (action === 'cancel') {
      trace.intent = 'cancel';
      const { state } = await loadIntake(turn.key);
      if (state) await ports.state.remove(turn.key);
      return [
        {
          text: state
            ? t(lang, '已取消帮扶申请，已填写的内容已清除。', 'The assistance request was cancelled and its answers cleared.')
            : t(lang, '当前没有进行中的填写。', 'Nothing to cancel.'),
        },
      ];
    }
    if (action === 'intake.continue') {
      trace.intent = 'continue';
      const { state } = await loadIntake(turn.key);
      const field = state ? pendingFields(state)[0] : undefined;
      return state && field ? [questionReply(field, state, lang)] : answerIntent(turn, 'continue');
    }
    if (action === 'assistance.answer') {
      // One step answered on its choice card: the same validation as a typed answer.
      const { state, etag } = await loadIntake(turn.key);
      if (!state) return [{ text: t(lang, '当前没有进行中的帮扶申请填写。', 'No assistance request is in progress.') }];
      return answerOnCard(turn, { answerIntent: (tt, intent, uu) => act(tt, intent, uu, state), finish }, state, etag, value);
    }
    if (action === 'choose' && isIntent(value.intent)) {
      // A clarifying question's button: the chosen intent, with the original message's details.
      const text = typeof value.text === 'string' ? value.text : '';
      return act(turn, value.intent, text ? understand(text) : undefined);
    }
    if (action === 'assistance.status' && typeof value.caseNo === 'string') {
      return act(turn, 'assistance.status', understand(value.caseNo));
    }
    if (action === 'scoreEntry.open') {
      return turn.withIdentity(async (id) => {
        if (id.role !== 'reviewer') return recordScore(id, ports, {}, lang);
        const entries = await ports.reviews.assignedEntries(id);
        const n = entries.findIndex((e) => e.submissionId === value.submissionId) + 1;
        const entry = entries[n - 1];
        return entry
          ? [
              {
                text: t(
                  lang,
                  `请在卡片中录入评分，或输入“打分 ${n} 指标 分数 理由”，例如“打分 ${n} Ic 85 两阶段变异系数均较低”。`,
                  `Enter the score in the card, or type "score ${n} indicator value reason".`,
                ),
                card: scoreCard(entry, lang),
              },
            ]
          : [{ text: t(lang, '该条目未分配给您，不能评分。', 'This entry is not assigned to you.') }];
      });
    }
    if (action === 'scoreEntry.submit') return turn.withIdentity((id) => recordScore(id, ports, value, lang));
    const intent = intentOfCardAction(action);
    if (intent) return act(turn, intent);
    return [{ text: helpText(lang), card: helpCard(lang) }];
  }

  async function onText(turn: Turn, text: string): Promise<ChatReply[]> {
    const { state, etag } = await loadIntake(turn.key);
    if (state) return intakeTurn(turn, { answerIntent: (tt, intent, uu) => act(tt, intent, uu, state), finish }, text, state, etag);
    const u = understand(text);
    const { trace, lang } = turn;
    Object.assign(trace, { kind: u.kind, intent: u.intent, confidence: u.confidence });
    const settled = u.kind === 'clarify' ? await intentByAsker(turn, u) : undefined;
    if (settled) {
      trace.kind = 'answer';
      return act(turn, settled, u, null);
    }
    if (u.kind === 'clarify') {
      trace.candidates = u.candidates;
      return [clarifyReply(u.candidates, text, lang)];
    }
    if (u.kind === 'fallback') return [fallbackReply(lang)];
    return act(turn, u.intent, u, null);
  }

  return {
    welcome(lang: Lang = 'zh') {
      return [{ text: helpText(lang), card: helpCard(lang) }];
    },
    async handle(raw: ChatInput): Promise<ChatReply[]> {
      const parsed = chatInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('\n');
        return [{ text: `无法处理这条消息：\n${issues}` }];
      }
      const input = parsed.data;
      const text = (input.text ?? '').trim();
      const value = isRecord(input.value) ? input.value : undefined;
      const lang: Lang = text ? detectLang(text) : value?.lang === 'en' ? 'en' : 'zh';
      const key = intakeKey(input);
      const trace: TurnTrace = { kind: 'answer' };
      const turn = newTurn(input, key, lang, trace);
      const replies = await serialised(key, async () => {
        if (value && (typeof value.action === 'string' || !text)) return onCard(turn, value);
        if (!text) return [{ text: helpText(lang), card: helpCard(lang) }];
        return onText(turn, text);
      });
      options.onTrace?.(trace);
      return replies;
    },
  };
}
