import { z } from 'zod/v4';
import { card, facts, heading, para, submit } from './cards.js';
import type { Bilingual, ConversationPorts, DigestEntry, Identity } from './ports.js';
import type { AdaptiveCard, ChatReply, Lang } from './types.js';
import { t } from './types.js';
import { pickRows } from './status.js';
import type { TurnTrace } from './trace.js';

/**
 * Reviewer digests (assigned entries with computed evidence, suggested bands, red flags, the
 * reviewer's own pending scores and the panel's disagreement), the score-entry card, and the
 * secretariat's counts by province and stage.
 */

function entryLines(e: DigestEntry, i: number, lang: Lang): string {
  const lines = [`${i + 1}. ${e.enterprise} — ${e.product}（${e.status}）`];
  for (const ind of e.indicators) {
    const band = ind.suggestedBand ? `${ind.suggestedBand.min}–${ind.suggestedBand.max}` : t(lang, '无建议', 'none');
    const mine = ind.myRawScore === null ? t(lang, '待评', 'pending') : String(ind.myRawScore);
    const dis = ind.disagreement
      ? t(lang, `；专家分歧 ${ind.disagreement.min}–${ind.disagreement.max}`, `; panel spread ${ind.disagreement.min}–${ind.disagreement.max}`)
      : '';
    lines.push(
      `   ${ind.code} ${ind.name}：${t(lang, '建议分档', 'suggested')} ${band}（${t(lang, '建议值（非官方）', 'suggestion, not official')}）；${t(lang, '我的评分', 'my score')} ${mine}${dis}`,
    );
    for (const ev of ind.evidence.slice(0, 3)) lines.push(`      · ${ev}`);
    for (const w of ind.warnings.slice(0, 2)) lines.push(`      ⚠ ${w}`);
  }
  if (e.redFlags.length) lines.push(`   ${t(lang, '需核实', 'to verify')}：${e.redFlags.join('；')}`);
  lines.push(
    `   ${t(lang, '专家组', 'panel')}：${e.panel.reviewers} ${t(lang, '人', 'reviewer(s)')}${e.panel.mean !== null ? `，${t(lang, '均分', 'mean')} ${e.panel.mean.toFixed(2)}` : ''}${e.panel.disagreement ? t(lang, '，存在评分分歧', ', disagreement') : ''}`,
  );
  return lines.join('\n');
}

export async function reviewerDigest(
  identity: Identity,
  ports: ConversationPorts,
  lang: Lang,
  question?: { text: string; trace: TurnTrace },
): Promise<ChatReply[]> {
  if (identity.role !== 'reviewer') {
    return [
      {
        text: t(
          lang,
          `评审摘要仅向评审专家提供；您的角色是“${roleName(identity.role, lang)}”。`,
          `The review digest is for reviewers; your role is ${identity.role}.`,
        ),
      },
    ];
  }
  const entries = await ports.reviews.assignedEntries(identity);
  if (!question) return [digestReply(entries, lang)];
  // "冀北电源那个的佐证材料给我看下": the entries of the company named, keeping their numbers (the
  // number is how a score is entered); a company not among them is said, then all are shown.
  const picked = pickRows(question.text, entries, (e) => [e.enterprise, e.product]);
  if (picked.matched.length) {
    question.trace.enterprises = [...new Set(picked.rows.map((e) => e.enterprise))];
    return [
      digestReply(
        entries,
        lang,
        picked.rows.map((e) => entries.indexOf(e)),
      ),
    ];
  }
  if (picked.named) {
    question.trace.enterprises = [picked.named];
    const notAssigned = t(lang, `「${picked.named}」不在分配给您的评审条目中。`, `"${picked.named}" is not among the entries assigned to you.`);
    return [{ text: notAssigned }, digestReply(entries, lang)];
  }
  return [digestReply(entries, lang)];
}

/** The digest of the entries assigned to a reviewer; `shown`: the positions to show (all when absent), numbered as in the whole list. */
export function digestReply(entries: DigestEntry[], lang: Lang, shown: readonly number[] = entries.map((_, i) => i)): ChatReply {
  if (entries.length === 0) return { text: t(lang, '目前没有分配给您的评审条目。', 'No entries are assigned to you.') };
  const pending = entries.reduce((n, e) => n + e.indicators.filter((i) => i.myRawScore === null).length, 0);
  const text = [
    t(
      lang,
      `评审摘要：分配给您 ${entries.length} 条，待评指标 ${pending} 项。`,
      `Digest: ${entries.length} entries assigned, ${pending} indicator score(s) pending.`,
    ),
    ...shown.map((i) => entryLines(entries[i]!, i, lang)),
    t(
      lang,
      '录入评分：点击“录入评分”按钮，或输入“打分 序号 指标 分数 理由”，例如“打分 1 Ic 85 两阶段变异系数均较低”。',
      'To score: use the button, or type "score N indicator value reason".',
    ),
  ].join('\n');
  const body: unknown[] = [
    heading(t(lang, `评审摘要（${entries.length} 条，待评 ${pending} 项）`, `Review digest (${entries.length} entries, ${pending} pending)`)),
  ];
  for (const i of shown) {
    const e = entries[i]!;
    body.push(para(`${i + 1}. ${e.enterprise} — ${e.product}`, { weight: 'Bolder', separator: true }));
    body.push(
      facts(
        e.indicators.map((ind) => [
          `${ind.code} ${ind.name}`,
          `${t(lang, '建议', 'suggested')} ${ind.suggestedBand ? `${ind.suggestedBand.min}–${ind.suggestedBand.max}` : '—'}；${t(lang, '我的', 'mine')} ${ind.myRawScore ?? t(lang, '待评', 'pending')}${ind.disagreement ? ` ⚠${ind.disagreement.min}–${ind.disagreement.max}` : ''}`,
        ]),
      ),
    );
    // The evidence behind each suggestion, in the card body itself (not only in the fallback text).
    for (const ind of e.indicators) {
      const lines = [
        ...ind.evidence.slice(0, 3).map((ev) => `· ${ev}`),
        ...ind.warnings.slice(0, 2).map((w) => `⚠ ${w}`),
        ...(ind.disagreement
          ? [t(lang, `⚠ 专家分歧 ${ind.disagreement.min}–${ind.disagreement.max}`, `⚠ panel spread ${ind.disagreement.min}–${ind.disagreement.max}`)]
          : []),
      ];
      if (lines.length) body.push(para(`**${ind.code}** ${lines.join('\n')}`, { size: 'Small', spacing: 'Small' }));
    }
    if (e.redFlags.length) body.push(para(`${t(lang, '需核实', 'To verify')}：${e.redFlags.join('；')}`, { color: 'Attention', size: 'Small' }));
    body.push(
      para(
        `${t(lang, '专家组', 'Panel')}：${e.panel.reviewers} ${t(lang, '人', 'reviewer(s)')}${e.panel.mean !== null ? `，${t(lang, '均分', 'mean')} ${e.panel.mean.toFixed(2)}` : ''}${e.panel.disagreement ? t(lang, '，存在评分分歧', ', disagreement') : ''}`,
        { size: 'Small', isSubtle: true },
      ),
    );
    body.push({ type: 'ActionSet', actions: [submit(t(lang, '录入评分', 'Enter scores'), { action: 'scoreEntry.open', submissionId: e.submissionId })] });
  }
  body.push(
    para(t(lang, '建议分档为 kekao 的建议值（非官方），评分由专家决定。', 'Suggested bands are kekao suggestions (not official); reviewers decide.'), {
      isSubtle: true,
      size: 'Small',
    }),
  );
  return { text, card: card(body) };
}

export function scoreCard(entry: DigestEntry, lang: Lang, problems: Bilingual[] = []): AdaptiveCard {
  const body: unknown[] = [heading(t(lang, `录入评分：${entry.enterprise} — ${entry.product}`, `Enter a score: ${entry.enterprise} — ${entry.product}`))];
  if (problems.length) body.push(para(problems.map((p) => `• ${p[lang]}`).join('\n'), { color: 'Attention' }));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'indicator',
      label: t(lang, '指标', 'Indicator'),
      isRequired: true,
      errorMessage: t(lang, '请选择指标', 'Choose an indicator'),
      choices: entry.indicators.map((i) => ({
        title: `${i.code} ${i.name}${i.suggestedBand ? `（${t(lang, '建议', 'suggested')} ${i.suggestedBand.min}–${i.suggestedBand.max}）` : ''}`,
        value: i.code,
      })),
    },
    {
      type: 'Input.Number',
      id: 'raw',
      label: t(lang, '原始得分（0–100）', 'Raw score (0–100)'),
      min: 0,
      max: 100,
      isRequired: true,
      errorMessage: t(lang, '请输入 0–100 的分数', 'Enter 0–100'),
    },
    {
      type: 'Input.Text',
      id: 'reason',
      label: t(lang, '理由（分数在建议分档外时必填）', 'Reason (required outside the suggested band)'),
      isMultiline: true,
      maxLength: 1000,
    },
  );
  return card(body, [submit(t(lang, '保存评分', 'Save score'), { action: 'scoreEntry.submit', submissionId: entry.submissionId })]);
}

export const scoreSubmitSchema = z.object({
  submissionId: z.string().min(1, '缺少申报编号 / submissionId is required'),
  indicator: z.string().min(1, '请选择指标 / indicator is required'),
  raw: z.coerce.number({ message: '分数须为数值 / raw score must be a number' }).refine(Number.isFinite, '分数须为数值 / raw score must be a number'),
  reason: z.string().max(1000).optional(),
});

/** Parses "打分 1 Ic 85 理由…" / "score 1 Ic 85 reason". */
export function parseScoreText(text: string): { index: number; indicator: string; raw: string; reason?: string } | undefined {
  const m = /^(?:打分|评分|score)\s*(\d+)\s+([A-Za-z]+|[\u4e00-\u9fff]+?)\s+([^\s]+)\s*(.*)$/i.exec(text.trim());
  if (!m) return undefined;
  return { index: Number(m[1]), indicator: m[2]!, raw: m[3]!, reason: m[4]?.trim() || undefined };
}

export async function recordScore(identity: Identity, ports: ConversationPorts, input: unknown, lang: Lang): Promise<ChatReply[]> {
  if (identity.role !== 'reviewer') return [{ text: t(lang, '只有被分配的评审专家可以录入评分。', 'Only assigned reviewers can enter scores.') }];
  const parsed = scoreSubmitSchema.safeParse(input);
  const entries = await ports.reviews.assignedEntries(identity);
  const entry = parsed.success ? entries.find((e) => e.submissionId === parsed.data.submissionId) : undefined;
  if (!parsed.success) {
    // The schema's messages are bilingual ("分数须为数值 / raw score must be a number"); no field keys shown.
    const problems = parsed.error.issues.map((i) => ({ zh: i.message, en: i.message }));
    return [{ text: problems.map((p) => p[lang]).join('\n') }];
  }
  if (!entry) return [{ text: t(lang, '该条目未分配给您，不能评分。', 'This entry is not assigned to you.') }];
  const code = entry.indicators.find((i) => i.code.toLowerCase() === parsed.data.indicator.toLowerCase() || i.name === parsed.data.indicator)?.code;
  if (!code) {
    const p = {
      zh: `指标“${parsed.data.indicator}”不属于该条目的评价要求，可选：${entry.indicators.map((i) => i.code).join('、')}`,
      en: `indicator "${parsed.data.indicator}" is not in this rubric: ${entry.indicators.map((i) => i.code).join(', ')}`,
    };
    return [{ text: p[lang], card: scoreCard(entry, lang, [p]) }];
  }
  const r = await ports.reviews.recordScore(identity, { submissionId: entry.submissionId, indicator: code, raw: parsed.data.raw, reason: parsed.data.reason });
  if (!r.ok) return [{ text: r.problems.map((p) => p[lang]).join('\n'), card: scoreCard(entry, lang, r.problems) }];
  const after = (await ports.reviews.assignedEntries(identity)).find((e) => e.submissionId === entry.submissionId);
  const ind = after?.indicators.find((i) => i.code === code);
  const pending = after ? after.indicators.filter((i) => i.myRawScore === null).map((i) => i.code) : [];
  return [
    {
      text: [
        t(
          lang,
          `已保存：${entry.enterprise} ${code} = ${parsed.data.raw}${parsed.data.reason ? `（理由：${parsed.data.reason}）` : ''}`,
          `Saved: ${entry.enterprise} ${code} = ${parsed.data.raw}`,
        ),
        ind?.disagreement
          ? t(
              lang,
              `注意：专家组在 ${code} 上的评分分歧为 ${ind.disagreement.min}–${ind.disagreement.max}。`,
              `Note: the panel's ${code} scores span ${ind.disagreement.min}–${ind.disagreement.max}.`,
            )
          : '',
        pending.length
          ? t(lang, `该条目尚待评：${pending.join('、')}`, `Still pending: ${pending.join(', ')}`)
          : t(lang, '该条目您已全部评完。', 'You have scored every indicator of this entry.'),
      ]
        .filter(Boolean)
        .join('\n'),
    },
  ];
}

export async function secretariatDigest(identity: Identity, ports: ConversationPorts, lang: Lang): Promise<ChatReply[]> {
  if (identity.role !== 'secretariat' && identity.role !== 'officer') {
    return [
      {
        text: t(
          lang,
          `汇总统计仅向秘书处和监管人员提供；您的角色是“${roleName(identity.role, lang)}”。`,
          `The overview is for the secretariat and officers; your role is ${identity.role}.`,
        ),
      },
    ];
  }
  const rows = await ports.reviews.countsByProvinceAndStage(identity);
  if (rows.length === 0)
    return [{ text: t(lang, `您的范围（${identity.scopeLabel}）内还没有申报。`, `No submissions in your scope (${identity.scopeLabel}).`) }];
  const byProvince = new Map<string, Array<{ status: string; count: number }>>();
  for (const r of rows) {
    const list = byProvince.get(r.province) ?? [];
    list.push({ status: r.status, count: r.count });
    byProvince.set(r.province, list);
  }
  const total = rows.reduce((n, r) => n + r.count, 0);
  const lines = [...byProvince].map(
    ([p, list]) => `${p}：${list.map((x) => `${x.status} ${x.count}`).join('，')}（${t(lang, '合计', 'total')} ${list.reduce((n, x) => n + x.count, 0)}）`,
  );
  return [
    {
      text: [t(lang, `申报汇总（${identity.scopeLabel}），共 ${total} 条：`, `Overview (${identity.scopeLabel}), ${total} in all:`), ...lines].join('\n'),
      card: card([
        heading(t(lang, `申报汇总：共 ${total} 条`, `Overview: ${total} submissions`)),
        facts([...byProvince].map(([p, list]) => [p, list.map((x) => `${x.status} ${x.count}`).join('，')])),
      ]),
    },
  ];
}

export function roleName(role: Identity['role'], lang: Lang): string {
  const names: Record<Identity['role'], [string, string]> = {
    enterprise: ['企业', 'enterprise'],
    officer: ['监管人员', 'officer'],
    reviewer: ['评审专家', 'reviewer'],
    secretariat: ['秘书处', 'secretariat'],
  };
  return names[role][lang === 'en' ? 1 : 0];
}
