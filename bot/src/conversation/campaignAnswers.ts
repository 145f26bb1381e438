import { card, facts, heading, para } from './cards.js';
import type { CampaignView, ProgrammePort } from './ports.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * Deadline, materials and flow, answered from the campaign stored in the database (imported as
 * data), so a new year's campaign changes the answers without code changes.
 */

/** Today's date in China (Asia/Shanghai), YYYY-MM-DD — deadlines are Beijing dates. */
export function chinaDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function noCampaignReply(lang: Lang): ChatReply {
  return {
    text: t(
      lang,
      '数据库中还没有导入任何推荐活动（campaign）。请管理员用 `npx kekao campaigns import 文件` 导入。',
      'No campaign has been imported yet. An administrator can import one with `npx kekao campaigns import FILE`.',
    ),
  };
}

export function deadlineReply(c: CampaignView, programme: ProgrammePort, today: string, lang: Lang): ChatReply {
  const left = programme.daysLeft(c, today);
  const title = c.title[lang];
  let status: string;
  if (left > 0) status = t(lang, `距截止还有 ${left} 天（今天是${zhDate(today)}）。`, `${left} day(s) left (today is ${today}).`);
  else if (left === 0) status = t(lang, `今天（${zhDate(today)}）就是截止日。`, `Today (${today}) is the deadline.`);
  else status = t(lang, `截止日已过 ${-left} 天（今天是${zhDate(today)}），不再接收推荐材料。`, `The deadline passed ${-left} day(s) ago (today is ${today}).`);
  const text = [
    t(lang, `${title}：推荐截止时间为${zhDate(c.deadline)}。`, `${title}: the deadline is ${c.deadline}.`),
    status,
    t(lang, `出处：${c.source}`, `Source: ${c.source}`),
  ].join('\n');
  return {
    text,
    card: card([
      heading(title),
      facts([
        [t(lang, '截止时间', 'Deadline'), lang === 'en' ? c.deadline : zhDate(c.deadline)],
        [t(lang, '剩余天数', 'Days left'), left >= 0 ? String(left) : t(lang, '已截止', 'passed')],
      ]),
      para(status),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}

export function materialsReply(c: CampaignView, lang: Lang): ChatReply {
  const items = c.materials.map((m, i) => `${i + 1}. ${m[lang]}`);
  return {
    text: [t(lang, `${c.title.zh}需报送的材料：`, `Materials for ${c.title.en}:`), ...items, t(lang, `出处：${c.source}`, `Source: ${c.source}`)].join('\n'),
    card: card([
      heading(t(lang, '材料清单', 'Materials checklist')),
      ...items.map((s) => para(s)),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}

export function flowReply(c: CampaignView, programme: ProgrammePort, lang: Lang): ChatReply {
  const steps = c.flow.map((s, i) => `${i + 1}. ${s[lang]}`);
  return {
    text: [t(lang, `${c.title.zh}的推荐流程：`, `The flow of ${c.title.en}:`), ...steps, t(lang, `规则：${programme.routingRule.zh}`, `Rule: ${programme.routingRule.en}`), t(lang, `出处：${c.source}`, `Source: ${c.source}`)].join('\n'),
    card: card([
      heading(t(lang, '推荐流程', 'Flow')),
      ...steps.map((s) => para(s)),
      para(programme.routingRule[lang], { isSubtle: true }),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}
