/**
 * The label space of understanding: what a message can mean. Fixed — the corpus, the dev set and
 * any held-out evaluation use exactly these names.
 */

export const INTENTS = [
  'greeting',
  'thanks',
  'ack',
  'help',
  'cancel',
  'contacts',
  'deadline',
  'materials',
  'flow',
  'assistance.apply',
  'assistance.status',
  'status',
  'digest',
  'scoreEntry',
  'secretariat',
  'rubric',
  'offTopic',
  'continue',
  'skip',
  'answer',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(v: unknown): v is Intent {
  return typeof v === 'string' && (INTENTS as readonly string[]).includes(v);
}

/** Only meaningful inside the assistance questionnaire. */
export const QUESTIONNAIRE_ONLY: ReadonlySet<Intent> = new Set(['answer', 'skip']);
/** Only meaningful outside it (inside, 好的/收到 answer the question asked). */
export const OUTSIDE_ONLY: ReadonlySet<Intent> = new Set(['ack']);

/** Intents whose answer does not depend on who asks or on a place: small talk and the menu. */
export const SMALL_TALK: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'ack', 'help']);

/** Names for clarifying questions and the "I can help with …" line. */
export const INTENT_LABELS: Record<Intent, { zh: string; en: string }> = {
  greeting: { zh: '打招呼', en: 'greeting' },
  thanks: { zh: '致谢', en: 'thanks' },
  ack: { zh: '确认收到', en: 'acknowledgement' },
  help: { zh: '功能菜单', en: 'the menu' },
  cancel: { zh: '取消填写', en: 'cancel' },
  contacts: { zh: '联系人', en: 'contacts' },
  deadline: { zh: '截止时间', en: 'the deadline' },
  materials: { zh: '材料清单', en: 'the materials checklist' },
  flow: { zh: '推荐流程', en: 'the recommendation flow' },
  'assistance.apply': { zh: '申请帮扶', en: 'applying for assistance' },
  'assistance.status': { zh: '帮扶案件进度', en: 'assistance case status' },
  status: { zh: '申报进度', en: 'submission status' },
  digest: { zh: '评审摘要', en: 'the review digest' },
  scoreEntry: { zh: '录入评分', en: 'entering a score' },
  secretariat: { zh: '汇总统计', en: 'the overview by province' },
  rubric: { zh: '评分标准问答', en: 'rubric questions' },
  offTopic: { zh: '其他话题', en: 'something else' },
  continue: { zh: '继续填写', en: 'continue the form' },
  skip: { zh: '跳过本项', en: 'skip this field' },
  answer: { zh: '回答本项', en: 'answer this field' },
};

/** Card buttons carry their intent as `value.action` (e.g. "contacts", "assistance.start"). */
const CARD_ACTIONS: Readonly<Record<string, Intent>> = {
  help: 'help',
  contacts: 'contacts',
  deadline: 'deadline',
  materials: 'materials',
  flow: 'flow',
  'assistance.start': 'assistance.apply',
  'assistance.status': 'assistance.status',
  status: 'status',
  digest: 'digest',
  secretariat: 'secretariat',
  rubric: 'rubric',
  'intake.continue': 'continue',
  'intake.skip': 'skip',
};

export function intentOfCardAction(action: unknown): Intent | undefined {
  if (typeof action !== 'string') return undefined;
  if (action in CARD_ACTIONS) return CARD_ACTIONS[action];
  return isIntent(action) ? action : undefined;
}
