import { createServer, type RunningServer } from '../../src/server.js';
import { teamsRoute } from '../../src/channels/teams/mount.js';
import { plainTextOf } from '../../src/channels/teams/activityMapping.js';
import { AAD, type ChatWorld } from '../helpers/chatWorld.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connectorStub.js';
import { silentLogger } from '../helpers/fixtures.js';
import { buttonsOf, type Observed, type Script, type Who } from './scriptFormat.js';
import { runScript, type ChannelDriver } from './runner.js';

/**
 * Runs conversation scripts against the Teams channel through real HTTP: each step is an activity
 * POSTed to the service's /api/messages with `deliveryMode: expectReplies` (the replies come back
 * in the response), card buttons are pressed by sending their data as the activity's `value`, and
 * proactive messages (officer notifications) arrive at a local stand-in of the Bot Connector.
 * Only public surfaces: createServer and POST /api/messages.
 */

const USER: Record<Who, keyof typeof AAD> = {
  unregistered: 'stranger',
  enterprise: 'enterpriseJibei',
  officer: 'officerSjz',
  officerPudong: 'officerPudong',
  reviewer: 'reviewer',
  secretariat: 'secretariat',
};

export async function startTeamsDriver(world: ChatWorld, start: Date): Promise<ChannelDriver> {
  const db = world.db;
  const clock = { now: start };
  const stub: ConnectorStub = await startConnectorStub();
  const server: RunningServer = await createServer(
    // The local-trial mode (loopback): the scripts' activities claim their users' ids.
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
    { db, logger: silentLogger, now: () => clock.now, channels: [teamsRoute({ backoff: { baseMs: 10, maxMs: 200 } })] },
  );
  return teamsChannelDriver({
    serviceFor: () => server.url,
    stub,
    setClock: (at) => (clock.now = at),
    async close() {
      await server.close();
      await stub.close();
    },
  });
}

export interface TeamsChannelOptions {
  /** The base URL of the service process that gets turn `i` (several processes: turns spread across them). */
  serviceFor(turn: number): string;
  /** Where the activities' serviceUrl points: proactive messages arrive here. */
  stub: ConnectorStub;
  /** Moves the service clock (a script step with `clock` fails without it). */
  setClock?(at: Date): void;
  close?(): Promise<void>;
}

/** Runs scripts against the Teams endpoint of one or more service processes (POST /api/messages). */
export function teamsScriptRunner(o: TeamsChannelOptions): { run(script: Script): Promise<string[]> } {
  return { run: (script) => runScript(teamsChannelDriver(o), script) };
}

/** A Teams client of one or more service processes: each turn goes to `serviceFor(turn)`. */
export function teamsChannelDriver(o: TeamsChannelOptions): ChannelDriver {
  const { stub } = o;
  let n = 0;
  let scriptName = '';
  /** Each user's latest reply that had buttons (the card a Teams user acts on), and last card submit. */
  const lastCards = new Map<Who, Observed>();
  const lastValue = new Map<Who, unknown>();

  async function post(who: Who, body: { text?: string; value?: unknown }): Promise<Observed> {
    const user = USER[who];
    const activity = {
      type: 'message',
      id: `s${++n}`,
      channelId: 'msteams',
      serviceUrl: stub.url,
      deliveryMode: 'expectReplies',
      timestamp: new Date().toISOString(),
      from: { id: `29:${user}`, aadObjectId: AAD[user], name: user },
      recipient: { id: '28:kekao', name: 'kekao' },
      conversation: { id: `a:${scriptName}:${user}`, conversationType: 'personal' },
      text: body.text ?? '',
      ...(body.value !== undefined ? { value: body.value } : {}),
    };
    if (body.value !== undefined) lastValue.set(who, body.value);
    const res = await fetch(`${o.serviceFor(n - 1)}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (res.status !== 200) return { text: `HTTP ${res.status}: ${await res.text()}`, cards: [], buttons: [] };
    const json = (await res.json()) as {
      activities?: Array<{ text?: string; summary?: string; attachments?: Array<{ contentType: string; content: unknown }> }>;
    };
    const acts = json.activities ?? [];
    const cards = acts.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content));
    const seen = { text: acts.map((a) => plainTextOf(a as never)).join('\n'), cards, buttons: buttonsOf(cards) };
    if (seen.buttons.length) lastCards.set(who, seen);
    return seen;
  }

  /** As Teams does: the button's data with the current value of every input of its card, as the user set them. */
  function pressButton(
    who: Who,
    matches: (data: Record<string, unknown>) => boolean,
    values: Record<string, unknown>,
    what: string,
  ): Promise<Observed> | string {
    const last = lastCards.get(who);
    const button = last?.buttons.find((b) => matches(b.data));
    if (!button || !last) return `no button ${what} on ${who}'s last card`;
    const card = last.cards.find((c) => buttonsOf([c]).some((b) => JSON.stringify(b.data) === JSON.stringify(button.data)));
    return post(who, { value: { ...inputValues(card), ...button.data, ...values } });
  }

  return {
    channel: 'teams',
    async begin(script) {
      scriptName = script.name;
      lastCards.clear();
      lastValue.clear();
    },
    setClock(at) {
      if (!o.setClock) throw new Error('this Teams driver cannot move the service clock');
      o.setClock(at);
    },
    say: (who, text) => post(who, { text }),
    async press(who, action, values = {}) {
      const agrees = (d: Record<string, unknown>) => Object.entries(values).every(([k, v]) => !(k in d) || d[k] === v);
      const last = lastCards.get(who);
      const preferred = last?.buttons.some((b) => b.data.action === action && agrees(b.data));
      return pressButton(who, (d) => d.action === action && (!preferred || agrees(d)), values, `with action ${action}`);
    },
    async choose(who, field, options) {
      return pressButton(who, (d) => d.action === 'assistance.answer' && d.field === field, { [field]: options.join(',') }, `answering ${field}`);
    },
    async fill(who, values) {
      return pressButton(who, (d) => d.action === 'assistance.submit', values, 'submitting the application form');
    },
    async repeat(who) {
      const value = lastValue.get(who);
      return value === undefined ? `${who} submitted no card before` : post(who, { value });
    },
    submit: (who, data) => post(who, { value: data }),
    faults: () => [],
    mark: () => stub.received.length,
    noticesTo(who, since) {
      const user = USER[who];
      return stub.received
        .slice(since)
        .filter((r) => r.conversationId.endsWith(`:${user}`) || r.conversationId.includes(user))
        .map((r) => `${plainTextOf(r.activity as never)} ${JSON.stringify((r.activity as { attachments?: unknown }).attachments ?? [])}`);
    },
    async close() {
      await o.close?.();
    },
  };
}

/** The prefilled values of a card's inputs (what a client sends if the user changes nothing). */
function inputValues(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string' && o.value !== undefined) out[o.id] = o.value;
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}
