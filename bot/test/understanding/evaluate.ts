import { createConversation, intakeKey } from '../../src/conversation/conversation.js';
import { newIntakeState, type IntakeState } from '../../src/conversation/assistanceIntake.js';
import { INTAKE_FIELDS } from '../../src/conversation/intakeFields.js';
import { validateAnswer } from '../../src/conversation/intakeValidation.js';
import { createServicePorts } from '../../src/conversation/serviceBindings.js';
import type { TurnTrace } from '../../src/conversation/trace.js';
import type { ChatReply } from '../../src/conversation/types.js';
import { AAD, openChatWorld, uscc, type ChatWorld } from '../helpers/chatWorld.js';
import type { EvalCase } from './evalCases.js';
import { scoreCase, type Verdict } from './scoreCase.js';

/**
 * Runs evaluation messages through the real conversation engine over a real database (PGlite, the
 * chat test world: two enterprises, officers, reviewers, the secretariat, two submissions, plus an
 * assistance case opened through the chat card): each message in its own conversation, as the
 * given role, inside the questionnaire advanced to the given field when one is named. What the
 * turn decided comes from the engine's trace; the reply text is what the user would read.
 */

export const EVAL_NOW = new Date('2025-09-20T02:00:00Z');

const ROLE_USER = { unregistered: 'stranger', enterprise: 'enterpriseJibei', officer: 'officerSjz', reviewer: 'reviewer', secretariat: 'secretariat' } as const;

/** Answers that fill the questionnaire up to a field (validated like typed ones). */
const FILL: Record<string, string> = {
  orgName: '石家庄恒达阀门有限公司',
  uscc: uscc('91130102MA0DXYW12'),
  address: '河北省石家庄市长安区中山东路88号',
  contact: '王强/质量部经理',
  phone: '13812345678',
  industry: '通用设备制造业',
  size: '中型',
  productCategory: '工业产品',
  problemTypes: '2',
  problemDetails: '阀门密封批次间泄漏率波动大',
  needs: '1',
  measuresTaken: '跳过',
  willing: '是',
  commitment: '确认',
  evidence: '跳过',
};

export interface CaseResult {
  case: EvalCase;
  verdict: Verdict;
  trace: TurnTrace;
  reply: string;
  why: string[];
}

export interface Evaluation {
  results: CaseResult[];
  world: ChatWorld;
}

export async function runEvaluation(cases: readonly EvalCase[]): Promise<Evaluation> {
  const world = await openChatWorld();
  let last: TurnTrace = { kind: 'answer' };
  const ports = createServicePorts({
    db: world.db,
    channel: 'msteams',
    now: () => EVAL_NOW,
    notify: { notifyUsers: async (ids) => ({ delivered: ids, failed: [] }) },
  });
  const conversation = createConversation(ports, { onTrace: (t) => (last = t) });
  // Users as a verified channel (Teams with credentials, WeCom) presents them: the registry decides
  // who they are; "unregistered" is a verified person the registry does not know.
  const say = (who: keyof typeof AAD, conversationId: string, input: { text?: string; value?: unknown }) =>
    conversation.handle({
      ...input,
      user: { channelUserId: `29:${who}`, aadObjectId: AAD[who], name: who, verified: true },
      conversation: { id: conversationId, type: 'personal' },
    });

  // An assistance case for the enterprise (so "我的帮扶申请到哪了" has an answer), opened by card.
  const values = Object.fromEntries(INTAKE_FIELDS.map((f) => [f.key, FILL[f.key] === '跳过' ? '' : FILL[f.key]]));
  await say('enterpriseJibei', 'eval-setup', {
    value: {
      action: 'assistance.submit',
      ...values,
      orgName: '冀北电源科技有限公司',
      uscc: uscc('91130102MA0CKK001'),
      size: 'medium',
      productCategory: 'industrial',
      problemTypes: 'process-fluctuation',
      needs: 'diagnosis',
      willing: 'yes',
      commitment: 'yes',
    },
  });

  const results: CaseResult[] = [];
  for (const c of cases) {
    const who = ROLE_USER[c.context.role];
    const conversationId = `eval-${c.id}`;
    if (c.context.inQuestionnaire) await seedQuestionnaire(ports, who, conversationId, c.context.inQuestionnaire);
    last = { kind: 'answer' };
    const replies: ChatReply[] = await say(who, conversationId, { text: c.text });
    const reply = replies.map((r) => r.text).join('\n');
    const { verdict, why } = scoreCase(c, last, reply);
    results.push({ case: c, verdict, trace: last, reply, why });
  }
  return { results, world };
}

async function seedQuestionnaire(ports: ReturnType<typeof createServicePorts>, who: keyof typeof AAD, conversationId: string, field: string): Promise<void> {
  const state: IntakeState = newIntakeState(EVAL_NOW, 'zh');
  for (const f of INTAKE_FIELDS) {
    if (f.key === field) break;
    if (f.askWhen) continue;
    const r = validateAnswer(f, FILL[f.key] ?? '', ports.programme);
    if (!r.ok) throw new Error(`evaluation fill for ${f.key} is invalid: ${r.problem.en}`);
    state.answers[f.key] = r.value;
    if (r.location) state.location = r.location;
  }
  await ports.state.save(intakeKey({ conversation: { id: conversationId, type: 'personal' }, user: { channelUserId: `29:${who}` } }), state);
}
