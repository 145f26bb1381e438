import { BEIJING_LABEL, beijingDateTime } from './beijingTime.js';
import { card, facts, heading, para } from './cards.js';
import type { ConversationPorts, Identity, SubmissionStatusView } from './ports.js';
import type { TurnTrace } from './trace.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';
import { matchOrganisations } from './understanding/organisations.js';
import { namedOrganisation } from './understanding/organisationName.js';

/**
 * Submission status: "我的申报", "冀北电源的进度", "那家做仪器的报到哪了". What the asker may see is
 * decided by the service from the asker's role and scope (the database mapping of the chat
 * identity); the text only picks among those rows, by part of the enterprise's or product's name.
 * An entry outside the scope is answered exactly like one that does not exist, so the bot never
 * confirms that it exists.
 */

const SELF = /^(我们|我司|本公司|本单位|本企业|咱们|our|my)/i;
const ORG_MARK = /(公司|集团|有限|厂|研究所|ltd|inc|co\.)/i;

/** The enterprise a status question names explicitly ("XX公司的进度"), or undefined. */
export function enterpriseInQuestion(text: string): string | undefined {
  const s = text.trim().replace(/[？?。.!！]+$/, '');
  if (/^(查询|查看|查一下|请问)?\s*我的(申报|推荐|进度)/.test(s) || /^my submissions?$/i.test(s) || /^(进度|状态|status|progress)$/i.test(s)) return undefined;
  const en = /(?:status|progress) of (.+)$/i.exec(s);
  if (en) return en[1]!.trim();
  const zh = /^(?:我是.*?[，,])?(?:查询|查看|查一下|查下|请问)?\s*(.+?)\s*的?\s*(?:申报|推荐)?\s*(?:进度|状态|情况|到哪一?步了?)/.exec(s);
  const name = zh?.[1]?.trim();
  return name && name !== '我' ? name : undefined;
}

function history(s: SubmissionStatusView, lang: Lang): string[] {
  return s.history.map((h) => `${beijingDateTime(h.at)} ${h.status}（${h.actor}）${h.note ? `：${h.note}` : ''}`).map((l) => l);
}

function entryText(s: SubmissionStatusView, lang: Lang): string {
  return [
    `${s.enterprise} — ${s.product}（${s.kind}）`,
    t(lang, `当前状态：${s.status}`, `Status: ${s.status}`),
    t(lang, `历史（${BEIJING_LABEL.zh}）：`, `History (${BEIJING_LABEL.en}):`),
    ...history(s, lang).map((l) => `  ${l}`),
    t(lang, `下一步：${s.nextSteps.join(' / ') || '流程已结束'}`, `Next: ${s.nextSteps.join(' / ') || 'flow finished'}`),
  ].join('\n');
}

/** The rows a question is about: those whose enterprise or product it names, else all (or none when it names one we cannot see). */
export function pickRows<T>(text: string, rows: readonly T[], names: (r: T) => string[]): { rows: T[]; named?: string; matched: string[] } {
  const all = [...new Set(rows.flatMap(names))];
  const typed = namedOrganisation(text);
  const matches = matchOrganisations(text, all, typed).map((m) => m.name);
  if (matches.length) return { rows: rows.filter((r) => names(r).some((n) => matches.includes(n))), matched: matches };
  const named = enterpriseInQuestion(text);
  if (named && !SELF.test(named) && ORG_MARK.test(named)) return { rows: [], named, matched: [] };
  // A name none of the visible rows has ("金桥传感有没有提交"): nothing found, never the other rows.
  if (typed) return { rows: [], named: typed, matched: [] };
  return { rows: [...rows], matched: [] };
}

export async function answerStatus(text: string, identity: Identity, ports: ConversationPorts, lang: Lang, trace?: TurnTrace): Promise<ChatReply[]> {
  const visible = await ports.submissions.visibleTo(identity, {});
  const picked = pickRows(text, visible, (r) => [r.enterprise, r.product]);
  const enterprises = [...new Set(picked.rows.map((r) => r.enterprise))];
  if (trace && picked.matched.length) trace.enterprises = enterprises;
  if (trace && picked.named) trace.enterprises = [picked.named];
  const rows = picked.rows;
  if (rows.length === 0) {
    return [
      {
        text: picked.named
          ? t(
              lang,
              `在您的权限范围（${identity.scopeLabel}）内没有找到“${picked.named}”的申报。`,
              `No submission of "${picked.named}" within your scope (${identity.scopeLabel}).`,
            )
          : t(lang, `您的权限范围（${identity.scopeLabel}）内还没有申报。`, `No submissions within your scope (${identity.scopeLabel}).`),
      },
    ];
  }
  const shown = rows.slice(0, 10);
  const more =
    rows.length > shown.length ? t(lang, `\n（共 ${rows.length} 条，仅显示前 10 条；请写明企业名称缩小范围。）`, `\n(${rows.length} in all; showing 10.)`) : '';
  const count = rows.length > 1 ? t(lang, `共 ${rows.length} 条申报：\n\n`, `${rows.length} submissions:\n\n`) : '';
  const body: unknown[] = [heading(t(lang, `申报进度（${identity.scopeLabel}）`, `Submission status (${identity.scopeLabel})`))];
  for (const s of shown) {
    body.push(
      facts([
        [t(lang, '企业', 'Enterprise'), s.enterprise],
        [t(lang, '产品/案例', 'Product'), s.product],
        [t(lang, '状态', 'Status'), s.status],
        [t(lang, '下一步', 'Next'), s.nextSteps.join(' / ') || '—'],
      ]),
    );
    body.push(
      para(`${t(lang, BEIJING_LABEL.zh, BEIJING_LABEL.en)}\n${history(s, lang).join('\n') || '—'}`, { isSubtle: true, size: 'Small', separator: true }),
    );
  }
  return [{ text: count + shown.map((s) => entryText(s, lang)).join('\n\n') + more, card: card(body) }];
}
