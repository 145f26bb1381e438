import { card, facts, heading, para } from './cards.js';
import type { CampaignView, ProgrammeContact, ProgrammePort } from './ports.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';
import { flowClause } from './flowClause.js';

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

/** Who asks, for the closed-campaign note: their province's contact, and whether they may override. */
export interface Asker {
  /** Contacts to name (the asker's province, or all eight when it is not known). */
  contacts: ProgrammeContact[];
  officer: boolean;
}

/**
 * The note when the loaded campaign's deadline has passed and no next campaign is loaded: 已截止;
 * 下一轮通知尚未发布; the provincial contact to ask; for officers, that a late step can still be
 * taken with a written reason (the override of the status transition, 2025 notice 四(三)).
 */
export function closedNote(c: CampaignView, programme: ProgrammePort, today: string, asker: Asker, lang: Lang): string | undefined {
  if (programme.daysLeft(c, today) >= 0) return undefined;
  const names = asker.contacts.map((x) => t(lang, `${x.province} ${x.person} ${x.phone}`, `${x.province}: ${x.person}, ${x.phone}`)).join(t(lang, '；', '; '));
  const lines = [
    t(
      lang,
      `${c.title.zh}已截止（截止日：${zhDate(c.deadline)}）。下一轮通知尚未发布，请联系省级联系人：${names}。`,
      `${c.title.en} is closed (deadline ${c.deadline}). The next notice has not been published yet; please ask your provincial contact: ${names}.`,
    ),
  ];
  if (asker.officer) {
    lines.push(
      t(
        lang,
        '监管人员如需在截止后继续办理（提交、初审、报送），可在状态流转时填写理由超期办理（override：POST /api/v1/submissions/{id}/transitions 的 override.reason）。',
        'Officers can still take a deadline-bound step after the deadline by overriding it with a written reason (POST /api/v1/submissions/{id}/transitions with override.reason).',
      ),
    );
  }
  return lines.join('\n');
}

export function deadlineReply(c: CampaignView, programme: ProgrammePort, today: string, lang: Lang, asker?: Asker): ChatReply {
  const left = programme.daysLeft(c, today);
  const title = c.title[lang];
  let status: string;
  if (left > 0) status = t(lang, `距截止还有 ${left} 天（今天是${zhDate(today)}，北京时间）。`, `${left} day(s) left (today is ${today}, Beijing time).`);
  else if (left === 0) status = t(lang, `今天（${zhDate(today)}，北京时间）就是截止日。`, `Today (${today}, Beijing time) is the deadline.`);
  else
    status = t(
      lang,
      `截止日已过 ${-left} 天（今天是${zhDate(today)}，北京时间），不再接收推荐材料。`,
      `The deadline passed ${-left} day(s) ago (today is ${today}, Beijing time).`,
    );
  const closed = asker ? closedNote(c, programme, today, asker, lang) : undefined;
  const text = [
    t(lang, `${title}：推荐截止时间为${zhDate(c.deadline)}。`, `${title}: the deadline is ${c.deadline}.`),
    status,
    ...(closed ? [closed] : []),
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
      ...(closed ? [para(closed, { color: 'Attention' })] : []),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}

/** A clause of the forms that answers the question itself ("企业简介不超过500字"), shown first. */
export interface FormClause {
  lead: string;
  quote: string;
  citation: string;
}

export function materialsReply(c: CampaignView, lang: Lang, closed?: string, clause?: FormClause): ChatReply {
  // In English each item also carries the notice's own words, which are what the forms and the
  // bureau will use ("一式两份", "加盖公章").
  const items = c.materials.map((m, i) => `${i + 1}. ${t(lang, m.zh, `${m.en} (原文: ${m.zh})`)}`);
  const forms = (c.forms ?? []).map((f) => t(lang, `《${f.title.zh}》（附件${f.annex}）`, `${f.title.en} (Annex ${f.annex})`));
  const formsLine = forms.length ? t(lang, `推荐表（通知三、推荐材料）：${forms.join('、')}。`, `Forms: ${forms.join('; ')}.`) : undefined;
  const clauseLines = clause ? [clause.lead, t(lang, `“${clause.quote}”——出处：${clause.citation}`, `“${clause.quote}” — Source: ${clause.citation}`), ''] : [];
  return {
    text: [
      ...clauseLines,
      ...(closed ? [closed] : []),
      t(lang, `${c.title.zh}需报送的材料：`, `Materials for ${c.title.en}:`),
      ...items,
      ...(formsLine ? [formsLine] : []),
      t(lang, `出处：${c.source}`, `Source: ${c.source}`),
    ].join('\n'),
    card: card([
      ...(clause
        ? [
            para(clause.lead, { weight: 'Bolder' }),
            para(`“${clause.quote}”`),
            para(t(lang, `出处：${clause.citation}`, `Source: ${clause.citation}`), { isSubtle: true, size: 'Small' }),
          ]
        : []),
      heading(t(lang, '材料清单', 'Materials checklist')),
      ...(closed ? [para(closed, { color: 'Attention' })] : []),
      ...items.map((s) => para(s)),
      ...(formsLine ? [para(formsLine)] : []),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}

export function flowReply(c: CampaignView, programme: ProgrammePort, lang: Lang, closed?: string, question?: string): ChatReply {
  const steps = c.flow.map((s, i) => `${i + 1}. ${s[lang]}`);
  // A question about one step ("名单由谁汇总、要不要公示") is answered first by that step's clause.
  const clause = lang === 'zh' && question ? flowClause(question, c) : undefined;
  const clauseLines = clause ? [`第 ${clause.step + 1} 步 ${c.flow[clause.step]!.zh}：“${clause.quote}”——出处：${clause.citation}`, ''] : [];
  return {
    text: [
      ...clauseLines,
      ...(closed ? [closed] : []),
      t(lang, `${c.title.zh}的推荐流程：`, `The flow of ${c.title.en}:`),
      ...steps,
      t(lang, `规则：${programme.routingRule.zh}`, `Rule: ${programme.routingRule.en}`),
      t(lang, `出处：${c.source}`, `Source: ${c.source}`),
    ].join('\n'),
    card: card([
      ...(clause ? [para(clauseLines[0]!, { weight: 'Bolder' })] : []),
      heading(t(lang, '推荐流程', 'Flow')),
      ...(closed ? [para(closed, { color: 'Attention' })] : []),
      ...steps.map((s) => para(s)),
      para(programme.routingRule[lang], { isSubtle: true }),
      para(t(lang, `出处：${c.source}`, `Source: ${c.source}`), { isSubtle: true, size: 'Small' }),
    ]),
  };
}
