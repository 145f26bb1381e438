import { chinaDate, closedNote, deadlineReply, flowReply, materialsReply, noCampaignReply, type Asker } from './campaignAnswers.js';
import { helpCard, helpText } from './cards.js';
import { allContactsReply, answerContacts } from './contacts.js';
import { answerAssistanceStatus } from './assistanceCases.js';
import { reviewerDigest, secretariatDigest } from './digest.js';
import { asksForEvidence } from './evidenceQuestion.js';
import { findPlaces } from './places.js';
import type { ProgrammeContact } from './ports.js';
import { answerRubricQuestion } from './rubricQa/answer.js';
import { formClause } from './rubricQa/formClause.js';
import { scoreFromText } from './scoreEntry.js';
import { ackReply, fallbackReply, greetingReply, offTopicReply, thanksReply } from './smallTalk.js';
import { answerStatus } from './status.js';
import { asksForCounts } from './countQuestion.js';
import type { Turn } from './turn.js';
import type { ChatReply } from './types.js';
import { t } from './types.js';
import type { Intent } from './understanding/intents.js';
import type { Understanding } from './understanding/understand.js';
import { namedOrganisation } from './understanding/organisationName.js';

/**
 * The answer to each intent, once understanding has decided it (or a button named it). The text
 * and what was extracted from it come with `u`; a button brings no text (`u` undefined). Answers
 * that depend on who asks go through `turn.withIdentity`; the rest are open to anyone.
 */

/**
 * A province abbreviation outside a contact question counts only where it plainly stands for the
 * province ("鲁的企业", "渝这边", "沪上"): 沪 in 沪东精密 is a company's name.
 */
function standsForProvince(abbreviation: string, normalised: string): boolean {
  const at = normalised.indexOf(abbreviation);
  return at >= 0 && /^(?:的|这边|那边|这里|那里|地区|省内|省|企业|上(?![班午报交传])|[\s,?，？]|$)/.test(normalised.slice(at + abbreviation.length));
}

const PLACELESS: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'ack', 'help', 'offTopic', 'cancel', 'continue', 'skip', 'answer']);

async function asker(turn: Turn, u: Understanding | undefined): Promise<Asker> {
  const { programme } = turn.ports;
  const identity = await turn.identity();
  const fromText = (u?.entities.places ?? []).map((p) => p.place.provinceCode);
  const fromScope = identity
    ? findPlaces(identity.scopeLabel)
        .filter((m) => m.kind === 'name')
        .map((m) => m.places[0]!.provinceCode)
    : [];
  const codes = [...fromText, ...fromScope].filter((c) => programme.coveredProvinceCodes.includes(c));
  const chosen = codes.length ? [codes[0]!] : programme.coveredProvinceCodes;
  return {
    contacts: chosen.map((c) => programme.contactForProvince(c)).filter((c): c is ProgrammeContact => !!c),
    officer: identity?.role === 'officer',
  };
}

async function campaignAnswer(turn: Turn, kind: 'deadline' | 'materials' | 'flow', u: Understanding | undefined): Promise<ChatReply[]> {
  const { ports, lang } = turn;
  const today = chinaDate(ports.now());
  const c = await ports.campaigns.current(today);
  if (!c) return [noCampaignReply(lang)];
  const who = ports.programme.daysLeft(c, today) < 0 ? await asker(turn, u) : undefined;
  if (kind === 'deadline') return [deadlineReply(c, ports.programme, today, lang, who)];
  const closed = who ? closedNote(c, ports.programme, today, who, lang) : undefined;
  if (kind === 'materials') return [materialsReply(c, lang, closed, u ? formClause(u.text, lang) : undefined)];
  return [flowReply(c, ports.programme, lang, closed, u?.normalised)];
}

function contacts(turn: Turn, u: Understanding | undefined): ChatReply[] {
  const { ports, lang, trace } = turn;
  const a = u ? answerContacts(u.normalised, ports.programme, lang) : undefined;
  if (!a) return [allContactsReply(ports.programme, lang)];
  trace.places = [...new Set(a.resolved.filter((r) => r.contact).map((r) => r.contact!.province.replace(/(省|市)$/, '')))];
  return a.replies;
}

/** A reviewer's own assignments ("我分到了哪些条目", "which entries are assigned to me"): the digest lists them. */
const ASSIGNED = /分到|分给我|分配给我|给我分|我负责评|要我评|我评的|让我评|(?<![a-z])(?:assigned to me|my (?:entries|assignments))(?![a-z])/;

/** Where an entry stands ("分给我的那家现在什么状态"): the status, even of an assigned entry. */
const WHERE_IT_STANDS = /状态|情况|到哪|进度|阶段|卡在|哪一步|(?<![a-z])(?:status|stage|where)(?![a-z])/;

/** A company named in the question, not only a place ("河北报了几家" names none). */
function namesCompany(text: string): boolean {
  const named = namedOrganisation(text);
  return !!named && findPlaces(named).reduce((n, m) => n + m.word.length, 0) < named.length;
}

export async function answerIntent(turn: Turn, intent: Intent, u?: Understanding): Promise<ChatReply[]> {
  const { ports, lang, trace } = turn;
  const text = u?.text ?? '';
  trace.intent = intent;
  // The places a question is about (contacts narrows this to the places it answered for). Small
  // talk and off-topic requests are never about a place, whatever city they mention; a province
  // abbreviation counts only in a contact question (沪 in 沪东精密 is a company's name).
  if (u && !PLACELESS.has(intent)) {
    trace.places = [...new Set(u.entities.places.filter((p) => p.kind !== 'abbreviation' || standsForProvince(p.word, u.normalised)).map((p) => p.province))];
    // The indicators (or FMEA) it names, whatever it asks ("FMEA案例也是月底截止吗").
    if (u.entities.indicators.length) trace.indicators = [...u.entities.indicators];
  }
  switch (intent) {
    case 'greeting':
      return [greetingReply(lang)];
    case 'thanks':
      return [thanksReply(lang)];
    case 'ack':
      return [ackReply(lang)];
    case 'offTopic':
      return [offTopicReply(lang)];
    case 'help':
      return [{ text: helpText(lang), card: helpCard(lang) }];
    case 'cancel':
      return [{ text: t(lang, '当前没有进行中的填写。', 'Nothing to cancel.') }];
    case 'continue':
      return [
        {
          text: t(
            lang,
            '当前没有进行中的帮扶申请。需要的话，回复“申请帮扶”开始填写。',
            'There is no assistance request in progress. Reply "apply for assistance" to start one.',
          ),
        },
      ];
    case 'skip':
    case 'answer':
      return [fallbackReply(lang)];
    case 'contacts':
      return contacts(turn, u);
    case 'deadline':
    case 'materials':
    case 'flow':
      return campaignAnswer(turn, intent, u);
    case 'assistance.apply':
      throw new Error('assistance.apply is answered by the conversation (it starts the questionnaire)');
    case 'assistance.status':
      return turn.withIdentity((id) => answerAssistanceStatus(text, u?.entities.caseRefs ?? [], id, ports, lang, trace));
    case 'status':
      return turn.withIdentity((id) => {
        // The secretariat counting without naming a company ("现在有几家到了专家评审阶段") asks for
        // the overview by province and stage, not a list of submissions.
        if (id.role === 'secretariat' && asksForCounts(u?.normalised ?? '') && !namesCompany(text)) {
          trace.intent = 'secretariat';
          return secretariatDigest(id, ports, lang);
        }
        // A reviewer asking for an entry's evidence ("冀北电源那个的佐证材料给我看下") or for the entries
        // assigned ("我分到了哪些条目") wants the digest, which lists them with it; where one stands is the status.
        if (
          id.role === 'reviewer' &&
          (asksForEvidence(u?.normalised ?? '') || (ASSIGNED.test(u?.normalised ?? '') && !WHERE_IT_STANDS.test(u?.normalised ?? '')))
        ) {
          trace.intent = 'digest';
          return reviewerDigest(id, ports, lang, { text, trace });
        }
        return answerStatus(text, id, ports, lang, trace);
      });
    case 'digest':
      return turn.withIdentity((id) => {
        // Anyone but a reviewer naming a company ("冀北的评审分出来没") asks how that submission stands.
        if (id.role !== 'reviewer' && namedOrganisation(text)) {
          trace.intent = 'status';
          return answerStatus(text, id, ports, lang, trace);
        }
        return reviewerDigest(id, ports, lang, { text, trace });
      });
    case 'secretariat':
      return turn.withIdentity((id) => secretariatDigest(id, ports, lang));
    case 'scoreEntry':
      return turn.withIdentity((id) => scoreFromText(u, id, ports, lang, trace));
    case 'rubric': {
      if (!text)
        return [
          { text: t(lang, '请直接提问，例如“什么是关键性能可靠域？”“Id怎么评分”“评分说明（d）是什么”。', 'Ask e.g. "what is Ir?" or "how is Id scored?".') },
        ];
      const qa = answerRubricQuestion(text, lang);
      trace.indicators = qa.indicators;
      return qa.replies;
    }
  }
}
