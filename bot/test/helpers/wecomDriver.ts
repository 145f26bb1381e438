import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/database.js';
import { createServer, type RunningServer } from '../../src/server.js';
import type { ChannelRoute } from '../../src/http/channelRoute.js';
import type { WecomConfig } from '../../src/channels/wecom/config.js';
import { wecomRoute, WECOM_PATH, type WecomRoute, type WecomRouteOptions } from '../../src/channels/wecom/mount.js';
import { wecomExternalId, WECOM_CHANNEL } from '../../src/channels/wecom/identity.js';
import { linkIdentity } from '../../src/store/users.js';
import { startMockWecomApi, type MockSent, type MockWecomApi } from '../../src/channels/wecom/tryit/mockApi.js';
import { createWecomSimulator, type CallbackResult, type WecomSimulator } from '../../src/channels/wecom/tryit/simulator.js';
import type { CheckedTemplateCard } from '../../src/channels/wecom/tryit/templateCardSchema.js';
import { silentLogger } from './fixtures.js';
import type { Logger } from '../../src/log.js';

/**
 * The kekao service with the WeCom channel over real HTTP, against the WeCom stand-in (mock API)
 * on a free port, and a driver that talks to it as WeCom members do: each message encrypted and
 * signed and POSTed to /api/wecom by the simulator; the answer collected from both paths — the
 * passive reply in the HTTP response and the active messages the stand-in received — with
 * template cards rendered as text. Reusable by any conversation script: `say(who, text)`,
 * `click(who, button)`, `choose(who, options)`.
 */

export function randomWecomConfig(apiBase: string): WecomConfig {
  const alnum = (n: number) =>
    randomBytes(n * 2)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, n)
      .padEnd(n, 'x');
  return { token: alnum(32), aesKey: alnum(43), corpId: `ww${randomBytes(8).toString('hex')}`, agentId: 1000002, secret: alnum(43), apiBase };
}

export interface WecomService {
  server: RunningServer;
  route: WecomRoute;
  mock: MockWecomApi;
  sim: WecomSimulator;
  config: WecomConfig;
  clock: { now: Date };
  close(): Promise<void>;
}

export interface WecomServiceOptions extends Partial<Omit<WecomRouteOptions, 'config'>> {
  now?: Date;
  /** Another instance of the same application (a restart, a second process): same settings, same stand-in. */
  sameAppAs?: Pick<WecomService, 'config' | 'mock'>;
  logger?: Logger;
  channels?: ChannelRoute[];
  /** The Teams endpoint mounted beside WeCom takes claimed identities (local-trial mode, loopback). */
  teamsDevMode?: boolean;
}

export async function startWecomService(db: Database, o: WecomServiceOptions = {}): Promise<WecomService> {
  const clock = { now: o.now ?? new Date() };
  const placeholder = o.sameAppAs?.config ?? randomWecomConfig('http://127.0.0.1:9');
  const mock = o.sameAppAs?.mock ?? (await startMockWecomApi({ corpId: placeholder.corpId, secret: placeholder.secret, agentId: placeholder.agentId }));
  const config = { ...placeholder, apiBase: mock.url };
  const route = wecomRoute({ ...o, config, api: { baseMs: 5, maxMs: 50, ...o.api } });
  const server = await createServer(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: o.teamsDevMode ?? false },
    { db, logger: o.logger ?? silentLogger, now: () => clock.now, channels: [route, ...(o.channels ?? [])] },
  );
  const sim = createWecomSimulator({
    callbackUrl: `${server.url}${WECOM_PATH}`,
    token: config.token,
    aesKey: config.aesKey,
    corpId: config.corpId,
    agentId: config.agentId,
    nowMs: () => clock.now.getTime(),
  });
  return {
    server,
    route,
    mock,
    sim,
    config,
    clock,
    async close() {
      await server.close();
      if (!o.sameAppAs) await mock.close();
    },
  };
}

/** Links each WeCom UserID to the kekao user (as `kekao users link --wecom` does). */
export async function linkWecomUsers(db: Database, corpId: string, links: Record<string, string | undefined>): Promise<void> {
  for (const [userId, kekaoUser] of Object.entries(links)) {
    if (kekaoUser) await db.transaction((tx) => linkIdentity(tx, kekaoUser, WECOM_CHANNEL, wecomExternalId(corpId, userId)), { actor: 'test' });
  }
}

/** A template card as a member would read it. */
export function renderCard(card: CheckedTemplateCard, replacedWith?: string): string {
  const lines = [`[卡片 ${card.card_type}] ${card.main_title.title ?? ''}${card.main_title.desc ? ` — ${card.main_title.desc}` : ''}`];
  if (card.sub_title_text) lines.push(card.sub_title_text);
  for (const h of card.horizontal_content_list ?? []) lines.push(`${h.keyname}：${h.value ?? ''}`);
  if (card.card_type === 'vote_interaction') lines.push(`选项：${card.checkbox.option_list.map((o) => o.text).join(' / ')}`);
  if (card.card_type === 'multiple_interaction')
    for (const s of card.select_list) lines.push(`${s.title ?? s.question_key}：${s.option_list.map((o) => o.text).join(' / ')}`);
  if (card.card_type === 'button_interaction' && card.button_selection)
    lines.push(`${card.button_selection.title ?? ''}：${card.button_selection.option_list.map((o) => o.text).join(' / ')}`);
  const buttons = card.card_type === 'button_interaction' ? card.button_list.map((b) => b.text) : [card.submit_button.text];
  lines.push(replacedWith ? `[${replacedWith}]（已不可点击）` : `按钮：${buttons.map((b) => `[${b}]`).join(' ')}`);
  return lines.join('\n');
}

export interface WecomTurn {
  http: CallbackResult;
  passive?: string;
  active: MockSent[];
  cards: CheckedTemplateCard[];
  /** Everything the member saw, in order (passive first: it arrives with the response). */
  text: string;
}

export interface WecomDriver {
  say(userId: string, text: string, msgId?: string): Promise<WecomTurn>;
  /** Clicks the button reading `button` on the member's latest card that has it. */
  click(userId: string, button: string): Promise<WecomTurn>;
  /** Ticks the options reading `options` on the latest choice card and submits it. */
  choose(userId: string, options: string[]): Promise<WecomTurn>;
  enter(userId: string): Promise<WecomTurn>;
  /** The member's latest cards, newest first. */
  cardsOf(userId: string): MockSent[];
}

export function createWecomDriver(s: Pick<WecomService, 'mock' | 'sim' | 'route'>): WecomDriver {
  async function turn(userId: string, send: () => Promise<CallbackResult>): Promise<WecomTurn> {
    const before = s.mock.sent.length;
    const http = await send();
    if (http.status !== 200) throw new Error(`callback answered ${http.status}: ${http.body}`);
    await s.route.idle();
    const active = s.mock.sent.slice(before).filter((m) => m.touser === userId.toLowerCase() && !m.dropped);
    const parts = [http.passive?.content, ...active.map((m) => (m.msgtype === 'text' ? m.text : renderCard(m.card!)))].filter(
      (x): x is string => x !== undefined,
    );
    return { http, passive: http.passive?.content, active, cards: active.flatMap((m) => (m.card ? [m.card] : [])), text: parts.join('\n') };
  }

  // A card whose buttons were replaced (update_template_card) can no longer be clicked in WeCom.
  const cardsOf = (userId: string) => s.mock.sent.filter((m) => m.touser === userId.toLowerCase() && m.card && !m.replacedWith).reverse();

  return {
    say: (userId, text, msgId) => turn(userId, () => s.sim.text(userId, text, msgId)),
    enter: (userId) => turn(userId, () => s.sim.enter(userId)),
    cardsOf,
    click(userId, button) {
      for (const m of cardsOf(userId)) {
        const c = m.card!;
        const b =
          c.card_type === 'button_interaction' ? c.button_list.find((x) => x.text === button) : c.submit_button.text === button ? c.submit_button : undefined;
        if (!b || !b.key) continue;
        return turn(userId, () =>
          s.sim.click(userId, { taskId: c.task_id, cardType: c.card_type, eventKey: b.key!, responseCode: s.mock.responseCodeForClick(c.task_id) }),
        );
      }
      throw new Error(`no card of ${userId} has a button "${button}"`);
    },
    choose(userId, options) {
      for (const m of cardsOf(userId)) {
        const c = m.card!;
        if (c.card_type !== 'vote_interaction' && c.card_type !== 'multiple_interaction') continue;
        const lists = c.card_type === 'vote_interaction' ? [{ question_key: c.checkbox.question_key, option_list: c.checkbox.option_list }] : c.select_list;
        const selected = lists.map((l) => ({ questionKey: l.question_key, optionIds: l.option_list.filter((o) => options.includes(o.text)).map((o) => o.id) }));
        if (selected.every((x) => x.optionIds.length === 0)) continue;
        return turn(userId, () =>
          s.sim.click(userId, {
            taskId: c.task_id,
            cardType: c.card_type,
            eventKey: c.submit_button.key,
            responseCode: s.mock.responseCodeForClick(c.task_id),
            selected,
          }),
        );
      }
      throw new Error(`no choice card of ${userId} offers ${options.join(', ')}`);
    },
  };
}
