import type { AdaptiveCard, Lang } from './types.js';
import { t } from './types.js';

/** Small builders for Adaptive Cards 1.5 (the version Teams renders on every client). */

export function card(body: unknown[], actions?: unknown[]): AdaptiveCard {
  const c: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
  };
  if (actions && actions.length) c.actions = actions;
  return c;
}

export function heading(text: string): unknown {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

/** A wrapped TextBlock; line breaks become Markdown paragraph breaks (a single \n is folded). */
export function para(text: string, extra: Record<string, unknown> = {}): unknown {
  return { type: 'TextBlock', text: text.replace(/\n/g, '\n\n'), wrap: true, ...extra };
}

export function facts(rows: Array<[string, string]>): unknown {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

/** A button that sends `data` back to the bot (Teams shows `title`; `msteams.messageBack` keeps a text echo). */
export function submit(title: string, data: Record<string, unknown>): unknown {
  return { type: 'Action.Submit', title, data };
}

/** The welcome / help card: one button per conversation. */
export function helpCard(lang: Lang): AdaptiveCard {
  const b = (zh: string, en: string, action: string) => submit(t(lang, zh, en), { action });
  return card([
    heading(t(lang, '可靠 kekao：可靠性“最佳实践”助手', 'kekao: the reliability best-practice assistant')),
    para(
      t(
        lang,
        '您可以直接输入问题，例如“我在石家庄，找谁推荐？”“截止时间还有几天？”“什么是关键性能可靠域？”，或点击下面的按钮。',
        'Type a question — "contact Fujian", "how many days are left?", "what is Ir?" — or use a button below.',
      ),
    ),
    {
      type: 'ActionSet',
      actions: [
        b('联系人', 'Contacts', 'contacts'),
        b('截止时间', 'Deadline', 'deadline'),
        b('材料清单', 'Materials', 'materials'),
        b('推荐流程', 'Flow', 'flow'),
      ],
    },
    {
      type: 'ActionSet',
      actions: [b('帮扶申请', 'Assistance request', 'assistance.start'), b('我的申报', 'My submissions', 'status'), b('评审摘要', 'Review digest', 'digest')],
    },
    {
      type: 'ActionSet',
      actions: [
        b('帮扶进度', 'Assistance cases', 'assistance.status'),
        b('秘书处汇总', 'Secretariat overview', 'secretariat'),
        b('评分标准问答', 'Rubric questions', 'rubric'),
      ],
    },
  ]);
}

export function helpText(lang: Lang): string {
  return t(
    lang,
    [
      '可靠 kekao 可以回答：',
      '1. 联系人：“我在石家庄，找谁推荐？”“上海联系人”',
      '2. 截止时间与材料：“截止时间还有几天？”“要交哪些材料？”“推荐流程”',
      '3. 帮扶申请：“我要申请帮扶”（逐项填写附录A.1申请表，中途可提问）；“我的帮扶申请到哪了”“BF-2025-0007”',
      '4. 申报进度：“我的申报”“冀北电源的进度”',
      '5. 评审摘要与录入评分：“评审摘要”“Id打88分”“第1条 W 80 理由…”；秘书处：“汇总统计”',
      '6. 评分标准问答：“各指标权重”“Ir的分档标准”“说明（d）是什么”',
    ].join('\n'),
    [
      'kekao answers:',
      '1. Contacts: "contact Fujian", "Shanghai contact"',
      '2. Deadline and materials: "deadline", "materials", "flow"',
      '3. Assistance request: "apply for assistance" (the Annex A.1 form, step by step); "status of my assistance request"',
      '4. Status: "my submissions", "status of <company>"',
      '5. Reviewer digest and scores: "digest", "score 1 Ic 90 reason"; secretariat: "overview"',
      '6. Rubric questions: "what are the weights?", "how is Ir scored?"',
    ].join('\n'),
  );
}
