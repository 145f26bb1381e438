import { BEIJING_LABEL, beijingDateTime } from './beijingTime.js';
import { card, facts, heading, submit } from './cards.js';
import type { AssistanceCaseView, ConversationPorts, Identity } from './ports.js';
import { pickRows } from './status.js';
import type { TurnTrace } from './trace.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';

/**
 * Assistance cases in chat — "我的帮扶申请到哪了", an officer's "冀北电源的帮扶案件", "BF-2025-0007":
 * status, preliminary triage and the next step, scoped like submissions (an enterprise sees its
 * own cases, an officer those in scope, reviewers none). A case outside the scope is answered like
 * one that does not exist.
 */

const DECISION = {
  started: { zh: '启动帮扶', en: 'to be started' },
  'not-started': { zh: '不启动帮扶', en: 'not to be started' },
  'out-of-scope': { zh: '不属于帮扶范围', en: 'out of scope' },
} as const;

function nextStep(c: AssistanceCaseView, identity: Identity, lang: Lang): string {
  if (c.status === 'closed') return t(lang, '已结案', 'closed');
  const officer = identity.role === 'officer' || identity.role === 'secretariat';
  if (c.verification === 'unverified') {
    return officer
      ? t(lang, '核实申请人身份，再审核判定', 'verify the applicant, then review the triage')
      : t(lang, '待监管人员核实申请人身份', 'an officer verifies the applicant');
  }
  if (c.items === 0)
    return officer
      ? t(lang, '审核初步判定，组建帮扶小组、制定帮扶清单', 'review the triage, form the team and the assistance list')
      : t(lang, '待监管人员审核', 'awaiting review by an officer');
  return t(lang, '帮扶实施中', 'assistance under way');
}

function caseLines(c: AssistanceCaseView, identity: Identity, lang: Lang): string {
  return [
    `${c.caseNo} ${c.enterprise}（${c.place}）`,
    t(
      lang,
      `状态：${c.status === 'open' ? '办理中' : '已结案'}${c.verification === 'unverified' ? '（未核验）' : ''}`,
      `Status: ${c.status}${c.verification === 'unverified' ? ' (unverified)' : ''}`,
    ),
    t(lang, `初步判定：${c.decision ? DECISION[c.decision].zh : '—'}`, `Preliminary triage: ${c.decision ? DECISION[c.decision].en : '—'}`),
    t(lang, `问题：${c.problem || '—'}`, `Problem: ${c.problem || '—'}`),
    t(lang, `受理时间：${beijingDateTime(c.openedAt)}（${BEIJING_LABEL.zh}）`, `Opened: ${beijingDateTime(c.openedAt)} (${BEIJING_LABEL.en})`),
    t(lang, `下一步：${nextStep(c, identity, lang)}`, `Next: ${nextStep(c, identity, lang)}`),
  ].join('\n');
}

export async function answerAssistanceStatus(
  text: string,
  caseRefs: string[],
  identity: Identity,
  ports: ConversationPorts,
  lang: Lang,
  trace?: TurnTrace,
): Promise<ChatReply[]> {
  if (identity.role === 'reviewer') {
    return [{ text: t(lang, '评审专家不办理帮扶案件，查不到帮扶申请。', 'Reviewers do not handle assistance cases.') }];
  }
  const visible = await ports.assistance.visibleTo(identity);
  let rows: AssistanceCaseView[];
  let named: string | undefined;
  if (caseRefs.length) {
    rows = visible.filter((c) => caseRefs.includes(c.caseNo));
    named = caseRefs.join('、');
  } else {
    const picked = pickRows(text, visible, (c) => [c.enterprise]);
    rows = picked.rows;
    named = picked.named;
    if (trace && picked.matched.length) trace.enterprises = [...new Set(rows.map((r) => r.enterprise))];
    if (trace && picked.named) trace.enterprises = [picked.named];
  }
  if (rows.length === 0) {
    return [
      {
        text: named
          ? t(
              lang,
              `在您的权限范围（${identity.scopeLabel}）内没有找到“${named}”的帮扶案件。`,
              `No assistance case "${named}" within your scope (${identity.scopeLabel}).`,
            )
          : t(
              lang,
              `您的权限范围（${identity.scopeLabel}）内还没有帮扶案件。申请帮扶请回复“申请帮扶”。`,
              `No assistance cases within your scope (${identity.scopeLabel}). Reply "apply for assistance" to start one.`,
            ),
      },
    ];
  }
  const shown = rows.slice(0, 10);
  const header =
    rows.length > 1
      ? t(lang, `帮扶案件 ${rows.length} 件（${identity.scopeLabel}）：\n\n`, `${rows.length} assistance cases (${identity.scopeLabel}):\n\n`)
      : '';
  const body: unknown[] = [heading(t(lang, `帮扶案件（${identity.scopeLabel}）`, `Assistance cases (${identity.scopeLabel})`))];
  for (const c of shown) {
    body.push(
      facts([
        [t(lang, '案件编号', 'Case'), c.caseNo],
        [t(lang, '单位', 'Organisation'), `${c.enterprise}（${c.place}）`],
        [
          t(lang, '状态', 'Status'),
          `${c.status === 'open' ? t(lang, '办理中', 'open') : t(lang, '已结案', 'closed')}${c.verification === 'unverified' ? t(lang, '（未核验）', ' (unverified)') : ''}`,
        ],
        [t(lang, '初步判定', 'Triage'), c.decision ? DECISION[c.decision][lang] : '—'],
        [t(lang, '下一步', 'Next'), nextStep(c, identity, lang)],
      ]),
    );
  }
  const actions = identity.role === 'enterprise' ? [] : [submit(t(lang, '申请帮扶', 'New request'), { action: 'assistance.start', lang })];
  return [{ text: header + shown.map((c) => caseLines(c, identity, lang)).join('\n\n'), card: card(body, actions) }];
}
