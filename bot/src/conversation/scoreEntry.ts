import { card, para, submit } from './cards.js';
import { recordScore, scoreCard } from './digest.js';
import type { ConversationPorts, Identity } from './ports.js';
import type { TurnTrace } from './trace.js';
import type { ChatReply, Lang } from './types.js';
import { t } from './types.js';
import { parseScore } from './understanding/scores.js';
import type { Understanding } from './understanding/understand.js';

/**
 * A reviewer's score typed in chat, in whatever order ("Id打88分", "第1条 W 80 理由…", "score 1 Ic 90
 * fine"). With one assigned entry the entry number may be left out. What cannot be read is
 * answered with exactly the forms that work, and the score card is offered.
 */

const FORMS = {
  zh: '可以这样写：“第1条 Id 88 理由…”、“Id打88分”、“打分 1 Ic 85 两阶段变异系数均较低”。',
  en: 'Write it like "entry 1 Id 88 reason…", "score 1 Ic 85 reason" or "Id 88".',
};

export async function scoreFromText(
  u: Understanding | undefined,
  identity: Identity,
  ports: ConversationPorts,
  lang: Lang,
  trace: TurnTrace,
): Promise<ChatReply[]> {
  if (identity.role !== 'reviewer') return recordScore(identity, ports, {}, lang);
  const entries = await ports.reviews.assignedEntries(identity);
  if (entries.length === 0) return [{ text: t(lang, '目前没有分配给您的评审条目。', 'No entries are assigned to you.') }];
  const parsed = u ? parseScore(u.normalised, u.text) : undefined;
  if (!parsed || !parsed.ok) {
    let why = '';
    if (parsed?.problem === 'noIndicator' && /\d/.test(u?.normalised ?? ''))
      why = t(lang, '没有看出是哪个指标（Ic、Id、Ir、W、C、G）。', 'I could not tell which indicator (Ic, Id, Ir, W, C, G).');
    if (parsed?.problem === 'severalIndicators') why = t(lang, '一次只能录入一个指标的分数。', 'One indicator at a time, please.');
    if (parsed?.problem === 'noNumber') why = t(lang, '没有看出分数（0–100）。', 'I could not find the score (0–100).');
    if (entries.length === 1 && !why) {
      return [
        {
          text: t(lang, `请在卡片中录入评分（${entries[0]!.enterprise}）。${FORMS.zh}`, `Enter the score in the card (${entries[0]!.enterprise}). ${FORMS.en}`),
          card: scoreCard(entries[0]!, lang),
        },
      ];
    }
    const list = entries.map((e, i) => `${i + 1}. ${e.enterprise} — ${e.product}`).join('\n');
    return [
      {
        text: [why, t(lang, FORMS.zh, FORMS.en), t(lang, '您的评审条目：', 'Your entries:'), list].filter(Boolean).join('\n'),
        card: card(
          [para([why, t(lang, FORMS.zh, FORMS.en)].filter(Boolean).join('\n'))],
          entries.map((e, i) => submit(`${i + 1}. ${e.enterprise}`, { action: 'scoreEntry.open', submissionId: e.submissionId })),
        ),
      },
    ];
  }
  const score = parsed.score;
  trace.score = score;
  const index = score.entry ?? (entries.length === 1 ? 1 : undefined);
  if (index === undefined) {
    return [
      {
        text: t(
          lang,
          `您有 ${entries.length} 条评审条目，请写明第几条，例如“第2条 ${score.indicator} ${score.raw}”。`,
          `You have ${entries.length} entries; say which, e.g. "entry 2 ${score.indicator} ${score.raw}".`,
        ),
      },
    ];
  }
  trace.score = { ...score, entry: index };
  const entry = entries[index - 1];
  if (!entry) return [{ text: t(lang, `没有第 ${index} 条评审条目（共 ${entries.length} 条）。`, `There is no entry ${index} (${entries.length} assigned).`) }];
  return recordScore(identity, ports, { submissionId: entry.submissionId, indicator: score.indicator, raw: score.raw, reason: score.reason }, lang);
}
