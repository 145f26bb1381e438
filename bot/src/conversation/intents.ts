/**
 * Intent recognition without a language model: card buttons carry an explicit `action`; typed
 * text is matched against keyword patterns in Chinese and English. Order matters — the first
 * pattern that matches wins, so the more specific ones come first.
 */

export type Intent =
  | 'help'
  | 'cancel'
  | 'contacts'
  | 'deadline'
  | 'materials'
  | 'flow'
  | 'assistance'
  | 'status'
  | 'digest'
  | 'scoreEntry'
  | 'secretariat'
  | 'rubric';

export const INTENTS: readonly Intent[] = [
  'help', 'cancel', 'contacts', 'deadline', 'materials', 'flow', 'assistance', 'status', 'digest', 'scoreEntry', 'secretariat', 'rubric',
];

const PATTERNS: Array<[Intent, RegExp]> = [
  ['cancel', /^\s*(取消|退出|放弃|算了|cancel|quit|stop|exit)\s*[。.!！]?\s*$/i],
  ['help', /^\s*(帮助|菜单|功能|你好|您好|嗨|开始|help|menu|hi|hello|start|\?|？)\s*[。.!！?？]?\s*$/i],
  ['assistance', /帮扶|技术帮扶|帮扶申请|申请帮扶|assistance|help request|apply for (quality )?help/i],
  ['scoreEntry', /录入(评分|分数|得分)|打分|enter (a |the )?scores?|record (a |the )?scores?/i],
  ['digest', /评审摘要|待评|我的评审|分配给我|评审任务|digest|assigned (entries|to me)|my reviews?/i],
  ['secretariat', /汇总统计|各省统计|按省|分省|统计|总体进度|secretariat|overview|counts? by/i],
  ['status', /进度|状态|我的申报|申报情况|到哪一?步|status|progress|my submissions?/i],
  ['contacts', /联系人|联系方式|联系电话|找谁|问谁|向谁|推荐单位|contact|who (do|should) i (call|ask)/i],
  ['deadline', /截止|期限|还剩|还有几天|几天|多久|什么时候交|何时|deadline|due|days left|how long/i],
  ['materials', /材料|清单|提交什么|报送什么|交什么|盖章|纸质|电子版|materials|checklist|documents|what to submit/i],
  ['flow', /流程|步骤|程序|怎么推荐|如何推荐|怎么申报|如何申报|flow|process|procedure|how to apply/i],
  ['rubric', /什么是|是什么|什么叫|含义|定义|怎么评|如何评|怎样评|评分标准|评价准则|打几分|评分说明|基本要求|what is|what are|how (is|are) .* scored|how to score|criteria|definition/i],
];

/** The intent of a card submit (`value.action`), if it names one. */
export function intentOfCardAction(action: unknown): Intent | undefined {
  if (typeof action !== 'string') return undefined;
  const base = action.split('.')[0] as Intent;
  return (INTENTS as readonly string[]).includes(base) ? base : undefined;
}

/** A question about the documents' wording (what is X, how is X scored) — answered by quoting them. */
const DOCUMENT_QUESTION = /什么是|是什么|什么叫|含义|定义|指什么|怎么评分|如何评分|怎样评分|怎么打分|评分标准|评价准则|评分说明|基本要求|what is|what are|how (is|are) .* scored|how to score|criteria|definition/i;
/** …unless it is about the practical questions the other conversations answer. */
const PRACTICAL = /截止|期限|几天|联系人|联系方式|电话|流程|步骤|材料清单|报送什么|进度|状态|deadline|contact|materials|status/i;

/** The intent of typed text, or undefined when nothing matches. */
export function recognizeIntent(text: string): Intent | undefined {
  if (DOCUMENT_QUESTION.test(text) && !PRACTICAL.test(text)) return 'rubric';
  for (const [intent, re] of PATTERNS) if (re.test(text)) return intent;
  return undefined;
}
