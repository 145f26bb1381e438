import { createNotifyRouter, type NotifyRouter } from '../../src/channels/notifyRouter.js';
import { decodeKey } from '../../src/channels/wecom/cardKeys.js';
import type { MockSent } from '../../src/channels/wecom/tryit/mockApi.js';
import type { CallbackResult, Selected } from '../../src/channels/wecom/tryit/simulator.js';
import type { CheckedTemplateCard } from '../../src/channels/wecom/tryit/templateCardSchema.js';
import { INTAKE_FIELDS, type IntakeField } from '../../src/conversation/intakeFields.js';
import type { ChatWorld } from '../helpers/chatWorld.js';
import { linkWecomUsers, startWecomService, type WecomService } from '../helpers/wecomDriver.js';
import type { ChannelDriver } from './runner.js';
import type { Observed, Script, Who } from './scriptFormat.js';

/**
 * Runs conversation scripts against the WeCom channel over real HTTP, as WeCom and its members do:
 * every message and card event is encrypted and signed by the WeCom simulator and POSTed to the
 * service's /api/wecom; the answer is the passive reply in the HTTP response plus the active
 * messages the WeCom API stand-in received for the member; buttons are template-card clicks and
 * choices are template-card selections (the event's EventKey and SelectedItems). WeCom cards have
 * no text inputs, so filling in the application answers each field as the questionnaire asks it:
 * typed, or chosen on the field's card. Proactive messages (officer notices) are the messages the
 * channel's notifier sent, told apart from replies by the notify router they pass through.
 */

/** Each script's users are WeCom members of their own (a script starts with no earlier state), linked to the world's users. */
const MEMBER: Record<Who, { base: string; user?: keyof ChatWorld['users'] }> = {
  unregistered: { base: 'Visitor' },
  enterprise: { base: 'JiBei', user: 'enterpriseJibei' },
  officer: { base: 'WangKeZhang', user: 'officerSjz' },
  officerPudong: { base: 'LiKeZhang', user: 'officerPudong' },
  reviewer: { base: 'ChenGong', user: 'reviewer' },
  secretariat: { base: 'Zhou', user: 'secretariat' },
};

interface Button {
  title: string;
  data: Record<string, unknown>;
  key: string;
  card: CheckedTemplateCard;
}

function buttonsOfCard(card: CheckedTemplateCard): Button[] {
  const raw = card.card_type === 'button_interaction' ? card.button_list.filter((b) => b.key) : [card.submit_button];
  return raw.map((b) => {
    const d = decodeKey(b.key!)?.d;
    return { title: b.text, key: b.key!, card, data: typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {} };
  });
}

/** The selections of a card as a member leaves them (pre-selected options), with `values` ticked instead where given. */
function selections(card: CheckedTemplateCard, values: Record<string, unknown>): Selected {
  const given = (key: string) => (typeof values[key] === 'string' ? (values[key] as string).split(',') : undefined);
  if (card.card_type === 'vote_interaction') {
    const c = card.checkbox;
    return [{ questionKey: c.question_key, optionIds: given(c.question_key) ?? c.option_list.filter((o) => o.is_checked).map((o) => o.id) }];
  }
  if (card.card_type === 'multiple_interaction')
    return card.select_list.map((s) => ({ questionKey: s.question_key, optionIds: given(s.question_key) ?? (s.selected_id ? [s.selected_id] : []) }));
  const s = card.button_selection;
  return s ? [{ questionKey: s.question_key, optionIds: given(s.question_key) ?? (s.selected_id ? [s.selected_id] : []) }] : [];
}

/** The questionnaire field the text asks last (its step line: 第 n/m 项：请填写「…」 / Step n/m: …). */
export function askedField(text: string): IntakeField | undefined {
  const asked = /第 \d+\/\d+ 项：(?:请填写「([^」\n]+)」|请确认——([^\n]+))|Step \d+\/\d+: (?:please confirm — )?([^\n]+)/g;
  let label: string | undefined;
  for (const m of text.matchAll(asked)) label = m[1] ?? m[2] ?? m[3];
  return label === undefined ? undefined : INTAKE_FIELDS.find((f) => f.zh === label || f.en === label);
}

const CHOICE_TYPES: ReadonlySet<IntakeField['type']> = new Set(['choice', 'multi', 'yesno', 'confirm']);

export interface WecomScriptDriver extends ChannelDriver {
  service: WecomService;
}

export async function startWecomScriptDriver(world: ChatWorld, start: Date): Promise<WecomScriptDriver> {
  // Notices pass through the router: what the WeCom notifier sends while notifying is a notice, not a reply.
  const noticeSeqs = new Set<number>();
  const notices: MockSent[] = [];
  const shared = createNotifyRouter();
  let svc: WecomService | undefined;
  const router: NotifyRouter = {
    register(channel, notifier) {
      shared.register(channel, {
        async notifyUsers(userIds, replies) {
          const before = svc!.mock.sent.length;
          const result = await notifier.notifyUsers(userIds, replies);
          for (const m of svc!.mock.sent.slice(before)) {
            noticeSeqs.add(m.seq);
            notices.push(m);
          }
          return result;
        },
      });
    },
    port: shared.port,
  };
  svc = await startWecomService(world.db, { now: start, router });
  const s = svc;

  let script: Script | undefined;
  const member = (who: Who) => `${MEMBER[who].base}.${script?.name ?? 'none'}`;
  const lastText = new Map<Who, string>();
  const lastDelivery = new Map<Who, () => Promise<CallbackResult>>();

  async function turn(who: Who, send: () => Promise<CallbackResult>): Promise<Observed> {
    const userId = member(who).toLowerCase();
    const before = s.mock.sent.length;
    const http = await send();
    if (http.status !== 200) return { text: `HTTP ${http.status}: ${http.body}`, cards: [], buttons: [] };
    await s.route.idle();
    const active = s.mock.sent.slice(before).filter((m) => m.touser === userId && !m.dropped && !noticeSeqs.has(m.seq));
    const text = [http.passive?.content, ...active.map((m) => m.text)].filter((x): x is string => x !== undefined).join('\n');
    const cards = active.flatMap((m) => (m.card ? [m.card] : []));
    lastText.set(who, text);
    return { text, cards, buttons: cards.flatMap(buttonsOfCard).map(({ title, data }) => ({ title, data })) };
  }

  /** Sends once and remembers how, so `repeat` can deliver the very same callback again (as WeCom retries it). */
  function deliver(who: Who, send: () => Promise<CallbackResult>): Promise<Observed> {
    lastDelivery.set(who, send);
    return turn(who, send);
  }

  /** The member's cards that can still be clicked (update_template_card closes a clicked one), newest first. */
  function clickable(who: Who): CheckedTemplateCard[] {
    const userId = member(who).toLowerCase();
    return s.mock.sent
      .filter((m) => m.touser === userId && m.card && !m.replacedWith)
      .reverse()
      .map((m) => m.card!);
  }

  function click(who: Who, b: Button, values: Record<string, unknown>): Promise<Observed> {
    const c = b.card;
    const createTime = Math.floor(s.clock.now.getTime() / 1000);
    const responseCode = s.mock.responseCodeForClick(c.task_id);
    const selected = selections(c, values);
    return deliver(who, () => s.sim.click(member(who), { taskId: c.task_id, cardType: c.card_type, eventKey: b.key, responseCode, selected, createTime }));
  }

  function say(who: Who, text: string): Promise<Observed> {
    const msgId = s.sim.newMsgId();
    return deliver(who, () => s.sim.text(member(who), text, msgId));
  }

  function choiceCardFor(who: Who, field: string, options: string[]): Button | undefined {
    for (const card of clickable(who)) {
      const lists =
        card.card_type === 'vote_interaction'
          ? [card.checkbox]
          : card.card_type === 'multiple_interaction'
            ? card.select_list
            : card.button_selection
              ? [card.button_selection]
              : [];
      const list = lists.find((l) => l.question_key === field);
      if (!list || !options.every((o) => list.option_list.some((x) => x.id === o))) continue;
      const submit = buttonsOfCard(card)[0];
      if (submit) return submit;
    }
    return undefined;
  }

  async function fill(who: Who, values: Record<string, string>): Promise<Observed | string> {
    const seen: Observed[] = [];
    let field = askedField(lastText.get(who) ?? '');
    if (!field) return `no question of the application is open for ${who}`;
    while (field) {
      const value = values[field.key];
      let got: Observed;
      if (value === undefined) {
        if (field.required) return `the questionnaire asks ${field.key}, which the script does not give`;
        got = await say(who, script?.lang === 'en' ? 'skip' : '跳过');
      } else {
        const options = value.split(',');
        const card = CHOICE_TYPES.has(field.type) ? choiceCardFor(who, field.key, options) : undefined;
        // A value that is not an option of the card is typed, as a member would.
        got = card ? await click(who, card, { [field.key]: value }) : await say(who, value);
      }
      seen.push(got);
      const next = askedField(got.text);
      // Asked again: the value was refused; the member corrects it before going on.
      if (next?.key === field.key) break;
      field = next;
    }
    return { text: seen.map((o) => o.text).join('\n'), cards: seen.flatMap((o) => o.cards), buttons: seen.flatMap((o) => o.buttons) };
  }

  return {
    channel: 'wecom',
    service: s,
    async begin(next) {
      script = next;
      lastText.clear();
      lastDelivery.clear();
      const links = Object.fromEntries((Object.keys(MEMBER) as Who[]).map((who) => [member(who), MEMBER[who].user && world.users[MEMBER[who].user!]]));
      await linkWecomUsers(world.db, s.config.corpId, links);
    },
    setClock(at) {
      s.clock.now = at;
    },
    say,
    async press(who, action, values = {}) {
      const buttons = clickable(who)
        .flatMap(buttonsOfCard)
        .filter((b) => b.data.action === action);
      const agrees = (b: Button) => Object.entries(values).every(([k, v]) => !(k in b.data) || b.data[k] === v);
      const b = buttons.find(agrees) ?? buttons[0];
      if (b) return click(who, b, values);
      const hint = Object.keys(values).length ? ' (a form with typed inputs has no WeCom card: give its values with `fill`)' : '';
      return `no card of ${who} has a button with action ${action}${hint}`;
    },
    async choose(who, field, options) {
      const b = choiceCardFor(who, field, options);
      return b ? click(who, b, { [field]: options.join(',') }) : `no card of ${who} offers ${options.join(', ')} for ${field}`;
    },
    fill,
    async repeat(who) {
      const again = lastDelivery.get(who);
      return again ? turn(who, again) : `${who} sent nothing before`;
    },
    // A WeCom card event carries a key the channel made: arbitrary card data cannot come from WeCom.
    submit: async () => 'a submit step sends raw card data, which no WeCom event can carry (use press, choose or fill)',
    mark: () => notices.length,
    noticesTo(who, since) {
      const userId = member(who).toLowerCase();
      return notices
        .slice(since)
        .filter((m) => m.touser === userId)
        .map((m) => m.text ?? JSON.stringify(m.card));
    },
    faults() {
      const refused = Object.entries(s.mock.refusals).map(([code, n]) => `WeCom refused ${n} call(s) with errcode ${code}`);
      const lost = s.mock.sent.filter((m) => m.truncated || m.dropped).map((m) => `message ${m.seq} to ${m.touser} ${m.dropped ? 'dropped' : 'truncated'}`);
      return [...refused, ...lost];
    },
    async close() {
      await s.close();
    },
  };
}
