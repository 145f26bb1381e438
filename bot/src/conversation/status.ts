import { card, facts, heading, para } from './cards.js';
import type { ConversationPorts, Identity, SubmissionStatusView } from './ports.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * Submission status: "我的申报", "XX公司的进度". What the asker may see is decided by the service
 * from the asker's role and scope (the database mapping of the chat identity); the text only
 * names what to look for. An entry outside the scope is answered exactly like one that does not
 * exist, so the bot never confirms that it exists.
 */

/** The enterprise named in a status question, or undefined for "my submissions". */
export function enterpriseInQuestion(text: string): string | undefined {
  const s = text.trim().replace(/[？?。.!！]+$/, '');
  if (/^(查询|查看|查一下|请问)?\s*我的(申报|推荐|进度)/.test(s) || /^my submissions?$/i.test(s) || /^(进度|状态|status|progress)$/i.test(s)) return undefined;
  const en = /(?:status|progress) of (.+)$/i.exec(s);
  if (en) return en[1]!.trim();
  const zh = /^(?:查询|查看|查一下|请问)?\s*(.+?)\s*的?\s*(?:申报|推荐)?\s*(?:进度|状态|情况|到哪一?步了?)/.exec(s);
  const name = zh?.[1]?.trim();
  return name && name !== '我' ? name : undefined;
}

function entryText(s: SubmissionStatusView, lang: Lang): string {
  const hist = s.history.map((h) => `  ${h.at.slice(0, 16).replace('T', ' ')} ${h.status}（${h.actor}）${h.note ? `：${h.note}` : ''}`).join('\n');
  return [
    `${s.enterprise} — ${s.product}（${s.kind}）`,
    t(lang, `当前状态：${s.status}`, `Status: ${s.status}`),
    t(lang, '历史：', 'History:'),
    hist || '  —',
    t(lang, `下一步：${s.nextSteps.join(' / ') || '流程已结束'}`, `Next: ${s.nextSteps.join(' / ') || 'flow finished'}`),
  ].join('\n');
}

export async function answerStatus(text: string, identity: Identity, ports: ConversationPorts, lang: Lang): Promise<ChatReply[]> {
  const enterprise = enterpriseInQuestion(text);
  const rows = await ports.submissions.visibleTo(identity, enterprise ? { enterprise } : {});
  if (rows.length === 0) {
    return [{
      text: enterprise
        ? t(lang, `在您的权限范围（${identity.scopeLabel}）内没有找到“${enterprise}”的申报。`, `No submission of "${enterprise}" within your scope (${identity.scopeLabel}).`)
        : t(lang, `您的权限范围（${identity.scopeLabel}）内还没有申报。`, `No submissions within your scope (${identity.scopeLabel}).`),
    }];
  }
  const shown = rows.slice(0, 10);
  const more = rows.length > shown.length ? t(lang, `\n（共 ${rows.length} 条，仅显示前 10 条；请写明企业名称缩小范围。）`, `\n(${rows.length} in all; showing 10.)`) : '';
  const body: unknown[] = [heading(t(lang, `申报进度（${identity.scopeLabel}）`, `Submission status (${identity.scopeLabel})`))];
  for (const s of shown) {
    body.push(facts([
      [t(lang, '企业', 'Enterprise'), s.enterprise],
      [t(lang, '产品/案例', 'Product'), s.product],
      [t(lang, '状态', 'Status'), s.status],
      [t(lang, '下一步', 'Next'), s.nextSteps.join(' / ') || '—'],
    ]));
    body.push(para(s.history.map((h) => `${h.at.slice(0, 10)} ${h.status}（${h.actor}）${h.note ? `：${h.note}` : ''}`).join('\n') || '—', { isSubtle: true, size: 'Small', separator: true }));
  }
  return [{ text: shown.map((s) => entryText(s, lang)).join('\n\n') + more, card: card(body) }];
}
