import { card, facts, heading, para, submit } from './cards.js';
import { INTAKE_FIELDS } from './intakeFields.js';
import { valueLabel, type IntakeState } from './assistanceIntake.js';
import type { Bilingual, ConversationPorts, Identity, TriageResult } from './ports.js';
import { choiceReply } from './smallTalk.js';
import type { ChatReply, ChatUser, Lang } from './types.js';
import { t } from './types.js';

/**
 * The end of the intake: the warning when the organisation already has an open case, the triage
 * (guide §7.2), the case with its number (BF-2026-0007), the notice to the officers covering the
 * place (with what they need to act: contact, phone, organisation, problem, how to open the case)
 * and the applicant's receipt: 已受理，待监管人员审核 with the 初步判定 — or, outside the scope of
 * assistance, that it is not an assistance matter (never that it was registered for assistance).
 */

const DECISION: Record<TriageResult['decision'], Bilingual> = {
  started: { zh: '启动帮扶', en: 'assistance to be started' },
  'not-started': { zh: '不启动帮扶', en: 'assistance not to be started' },
  'out-of-scope': { zh: '不属于帮扶范围', en: 'outside the scope of assistance' },
};

function field(key: string) {
  return INTAKE_FIELDS.find((f) => f.key === key)!;
}

/** 生产过程质量波动、其他（焊点虚焊）；批次间输出电压波动超出规格 — the problem in one line. */
export function problemSummary(a: Record<string, unknown>, lang: Lang): string {
  const types = valueLabel(field('problemTypes'), a.problemTypes, lang) + (a.problemOther ? `（${String(a.problemOther)}）` : '');
  const details = a.problemDetails ? valueLabel(field('problemDetails'), a.problemDetails, lang) : '';
  return [types, details].filter(Boolean).join(t(lang, '；', '; '));
}

function officerNotice(caseNo: string, caseId: string, state: IntakeState, triage: TriageResult, verified: boolean, lang: Lang): ChatReply {
  const a = state.answers;
  const where = state.location!.label;
  const open = t(
    lang,
    `打开案件：在 kekao 中回复“${caseNo}”，或 GET /api/v1/assistance-cases/${caseId}`,
    `Open it: reply "${caseNo}" to kekao, or GET /api/v1/assistance-cases/${caseId}`,
  );
  const rows: Array<[string, string]> = [
    [
      t(lang, '案件编号', 'Case'),
      `${caseNo}${verified ? '' : t(lang, '（未核验：申请人未在 kekao 登记，请先核实）', ' (unverified: the applicant has no kekao account; verify first)')}`,
    ],
    [t(lang, '单位', 'Organisation'), `${String(a.orgName)}（${where}）`],
    [t(lang, '联系人', 'Contact'), String(a.contact ?? '—')],
    [t(lang, '电话', 'Phone'), String(a.phone ?? '—')],
    [t(lang, '问题', 'Problem'), problemSummary(a, lang)],
    [t(lang, '诉求', 'Needs'), valueLabel(field('needs'), a.needs, lang)],
    [t(lang, '初步判定', 'Preliminary triage'), `${DECISION[triage.decision][lang]}（${triage.clause}）`],
  ];
  return {
    text: [t(lang, `新的帮扶申请，待您审核：${caseNo}`, `New assistance request for your review: ${caseNo}`), ...rows.map(([k, v]) => `${k}：${v}`), open].join(
      '\n',
    ),
    card: card(
      [heading(t(lang, `新的帮扶申请 ${caseNo}`, `New assistance request ${caseNo}`)), facts(rows), para(open, { isSubtle: true, size: 'Small' })],
      [submit(t(lang, '查看案件', 'Open the case'), { action: 'assistance.status', caseNo })],
    ),
  };
}

export interface Completion {
  replies: ChatReply[];
  /** Set once a case exists (the questionnaire state can go). */
  caseNo?: string;
  /** The warning about an open case was shown; the state stays for the user's choice. */
  awaitingDuplicateChoice?: boolean;
}

export async function completeIntake(
  state: IntakeState,
  ports: ConversationPorts,
  applicant: ChatUser,
  identity: Identity | undefined,
  lang: Lang,
): Promise<Completion> {
  const a = state.answers;
  const location = state.location!;
  const uscc = typeof a.uscc === 'string' ? a.uscc : null;
  if (!state.duplicateConfirmed) {
    const open = await ports.assistance.openCasesFor({ name: String(a.orgName), uscc, requestKey: state.cardId });
    if (open.length) {
      const nos = open.map((c) => c.caseNo).join('、');
      return {
        awaitingDuplicateChoice: true,
        replies: [
          choiceReply(
            t(
              lang,
              `注意：${String(a.orgName)} 已有进行中的帮扶案件 ${nos}。通常无需重复申请——可以先查看该案件；确需另行申请，请点“仍然提交”。`,
              `Note: ${String(a.orgName)} already has an open assistance case ${nos}. There is usually no need to apply again — look at that case first, or choose "Submit anyway".`,
            ),
            [
              { title: t(lang, `查看 ${open[0]!.caseNo}`, `Open ${open[0]!.caseNo}`), value: { action: 'assistance.status', caseNo: open[0]!.caseNo, lang } },
              { title: t(lang, '仍然提交', 'Submit anyway'), value: { action: 'assistance.confirmDuplicate', cardId: state.cardId, lang } },
              { title: t(lang, '取消申请', 'Cancel'), value: { action: 'cancel', lang } },
            ],
          ),
        ],
      };
    }
  }
  const triage = ports.programme.triage(a);
  const created = await ports.assistance.createCase({ answers: a, location, triage, applicant, identity, requestKey: state.cardId });
  if ('refused' in created) {
    return { replies: [{ text: t(lang, `无法登记帮扶申请：${created.refused.zh}`, `The request cannot be registered: ${created.refused.en}`) }] };
  }
  const { caseNo } = created;
  if (created.repeated) {
    return {
      caseNo,
      replies: [
        {
          text: t(
            lang,
            `这份申请已经提交过，案件编号 ${caseNo}，不会重复登记。查询进度请回复“${caseNo}”。`,
            `This application was submitted before as case ${caseNo}; it is not registered twice. Reply "${caseNo}" for its status.`,
          ),
        },
      ],
    };
  }
  const verified = !!identity;
  const officers = await ports.assistance.officersCovering(location);
  const sent = officers.length
    ? await ports.notify.notifyUsers(
        officers.map((o) => o.userId),
        [officerNotice(caseNo, created.id, state, triage, verified, lang)],
      )
    : { delivered: [], failed: [] };
  const reasons = triage.reasons.map((r) => `• ${r[lang]}`).join('\n');
  const officerLine =
    officers.length === 0
      ? t(
          lang,
          `暂无覆盖${location.label}的监管人员在 kekao 登记，请联系所在区（县）市场监管局。`,
          `No officer covering ${location.label} is registered in kekao yet; please contact the district bureau.`,
        )
      : t(
          lang,
          `已通知覆盖${location.label}的监管人员 ${sent.delivered.length} 名${sent.failed.length ? `；另有 ${sent.failed.length} 名尚未与 kekao 对话过，无法主动通知，请另行告知` : ''}。`,
          `Notified ${sent.delivered.length} officer(s) covering ${location.label}${sent.failed.length ? `; ${sent.failed.length} have never talked to kekao and cannot be notified proactively` : ''}.`,
        );
  const outOfScope = triage.decision === 'out-of-scope';
  const head = outOfScope
    ? t(
        lang,
        `您的申请已记录（编号 ${caseNo}），但初步判定不属于质量技术帮扶范围，不会作为帮扶案件办理。建议咨询所在地市场监管部门。`,
        `Your request is recorded (${caseNo}) but is, on a first reading, outside the scope of quality assistance and will not be handled as an assistance case. Please ask your local market-supervision bureau.`,
      )
    : verified
      ? t(lang, `已受理，待监管人员审核。案件编号：${caseNo}`, `Received — awaiting review by an officer. Case number: ${caseNo}`)
      : t(
          lang,
          `已受理，待监管人员核实并审核（您尚未在 kekao 登记，案件标记为“未核验”）。案件编号：${caseNo}`,
          `Received — an officer will verify you and review it (you have no kekao account, so the case is marked unverified). Case number: ${caseNo}`,
        );
  const text = [
    head,
    t(lang, `初步判定：${DECISION[triage.decision].zh}（最终以监管人员审核为准）`, `Preliminary triage: ${DECISION[triage.decision].en} (the officer decides)`),
    t(lang, '理由：', 'Reasons:'),
    reasons,
    t(lang, `依据：${triage.clause}`, `Clause: ${triage.clause}`),
    ...(outOfScope ? [] : [officerLine, t(lang, `查询进度：回复“${caseNo}”${verified ? '或“帮扶进度”' : ''}。`, `Status: reply "${caseNo}".`)]),
  ].join('\n');
  const result = card([
    heading(
      outOfScope
        ? t(lang, '帮扶申请判定结果：不属于帮扶范围', 'Assistance triage: out of scope')
        : t(lang, '帮扶申请判定结果：已受理，待监管人员审核', 'Assistance triage: received, awaiting review'),
    ),
    facts([
      [t(lang, '案件编号', 'Case'), caseNo],
      [t(lang, '单位', 'Organisation'), String(a.orgName)],
      [t(lang, '所在地', 'Place'), location.label],
      [t(lang, '初步判定', 'Preliminary triage'), DECISION[triage.decision][lang]],
    ]),
    para(reasons),
    para(t(lang, `依据：${triage.clause}`, `Clause: ${triage.clause}`), { isSubtle: true, size: 'Small' }),
    ...(outOfScope ? [] : [para(officerLine, { isSubtle: true })]),
  ]);
  return { caseNo, replies: [{ text, card: result }] };
}
