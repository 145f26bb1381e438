import { createServer, type RunningServer } from '../../src/server.js';
import { teamsRoute } from '../../src/channels/teams/mount.js';
import { plainTextOf } from '../../src/channels/teams/activityMapping.js';
import type { Database } from '../../src/db/database.js';
import { AAD } from '../helpers/chatWorld.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connectorStub.js';
import { silentLogger } from '../helpers/fixtures.js';
import { buttonsOf, check, interpolate, type Observed, type Script, type Step, type Who } from './scriptFormat.js';

/**
 * Runs conversation scripts against the Teams channel through real HTTP: each step is an activity
 * POSTed to the service's /api/messages with `deliveryMode: expectReplies` (the replies come back
 * in the response), card buttons are pressed by sending their data as the activity's `value`, and
 * proactive messages (officer notifications) arrive at a local stand-in of the Bot Connector.
 * Only public surfaces: createServer and POST /api/messages.
 */

const USER: Record<Who, keyof typeof AAD> = {
  unregistered: 'stranger', enterprise: 'enterpriseJibei', officer: 'officerSjz', officerPudong: 'officerPudong', reviewer: 'reviewer', secretariat: 'secretariat',
};

export interface TeamsDriver {
  run(script: Script): Promise<string[]>;
  close(): Promise<void>;
}

export async function startTeamsDriver(db: Database, start: Date): Promise<TeamsDriver> {
  const clock = { now: start };
  const stub: ConnectorStub = await startConnectorStub();
  const server: RunningServer = await createServer(
    // The local-trial mode (loopback): the scripts' activities claim their users' ids.
    { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', botDev: true },
    { db, logger: silentLogger, now: () => clock.now, channels: [teamsRoute({ backoff: { baseMs: 10, maxMs: 200 } })] },
  );
  const runner = teamsScriptRunner({ serviceFor: () => server.url, stub, setClock: (at) => (clock.now = at) });
  return {
    run: runner.run,
    async close() {
      await server.close();
      await stub.close();
    },
  };
}

export interface TeamsScriptRunnerOptions {
  /** The base URL of the service process that gets step `i` (several processes: turns spread across them). */
  serviceFor(step: number): string;
  /** Where the activities' serviceUrl points: proactive messages arrive here. */
  stub: ConnectorStub;
  /** Moves the service clock (a script step with `clock` fails without it). */
  setClock?(at: Date): void;
}

/** Runs scripts against the Teams endpoint of one or more service processes (POST /api/messages). */
export function teamsScriptRunner(o: TeamsScriptRunnerOptions): Pick<TeamsDriver, 'run'> {
  const { stub } = o;
  let n = 0;

  async function post(step: number, script: Script, who: Who, body: { text?: string; value?: unknown }): Promise<Observed> {
    const user = USER[who];
    const activity = {
      type: 'message', id: `s${++n}`, channelId: 'msteams', serviceUrl: stub.url, deliveryMode: 'expectReplies', timestamp: new Date().toISOString(),
      from: { id: `29:${user}`, aadObjectId: AAD[user], name: user }, recipient: { id: '28:kekao', name: 'kekao' },
      conversation: { id: `a:${script.name}:${user}`, conversationType: 'personal' },
      text: body.text ?? '', ...(body.value !== undefined ? { value: body.value } : {}),
    };
    const res = await fetch(`${o.serviceFor(step)}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (res.status !== 200) return { text: `HTTP ${res.status}: ${await res.text()}`, cards: [], buttons: [] };
    const json = (await res.json()) as { activities?: Array<{ text?: string; summary?: string; attachments?: Array<{ contentType: string; content: unknown }> }> };
    const acts = json.activities ?? [];
    const cards = acts.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content));
    return { text: acts.map((a) => plainTextOf(a as never)).join('\n'), cards, buttons: buttonsOf(cards) };
  }

  return {
    async run(script) {
      const problems: string[] = [];
      const vars: Record<string, string> = {};
      const lastCards = new Map<Who, Observed>();
      for (const [i, step] of script.steps.entries()) {
        if (step.clock) {
          if (!o.setClock) {
            problems.push(`step ${i + 1}: moves the clock, which this driver cannot do`);
            continue;
          }
          o.setClock(new Date(step.clock));
        }
        const before = stub.received.length;
        let seen: Observed;
        if (step.press) {
          const last = lastCards.get(step.who);
          const button = last?.buttons.find((b) => b.data.action === step.press!.action);
          if (!button || !last) {
            problems.push(`step ${i + 1}: no button with action ${step.press.action} on ${step.who}'s last card`);
            continue;
          }
          // As Teams does: the button's data with the current value of every input of its card.
          const card = last.cards.find((c) => buttonsOf([c]).some((b) => b === button || JSON.stringify(b.data) === JSON.stringify(button.data)));
          seen = await post(i, script, step.who, { value: { ...inputValues(card), ...button.data, ...(step.press.values ?? {}) } });
        } else if (step.submit) {
          seen = await post(i, script, step.who, { value: JSON.parse(interpolate(JSON.stringify(step.submit), vars)) });
        } else {
          seen = await post(i, script, step.who, { text: interpolate(step.say ?? '', vars) });
        }
        if (seen.buttons.length) lastCards.set(step.who, seen);
        problems.push(...check(step, seen, vars).map((p) => `step ${i + 1} (${step.who}: ${describe(step)}): ${p}\n    reply: ${seen.text.replace(/\s+/g, ' ').slice(0, 200)}`));
        if (step.notifies) {
          const user = USER[step.notifies.who];
          const got = stub.received.slice(before).filter((r) => r.conversationId.endsWith(`:${user}`) || r.conversationId.includes(user));
          const text = got.map((r) => `${plainTextOf(r.activity as never)} ${JSON.stringify((r.activity as { attachments?: unknown }).attachments ?? [])}`).join('\n');
          for (const c of step.notifies.contains) if (!text.includes(interpolate(c, vars))) problems.push(`step ${i + 1}: notification to ${step.notifies.who} lacks “${interpolate(c, vars)}” (${got.length} received)`);
        }
      }
      return problems;
    },
  };
}

/** The prefilled values of a card's inputs (what a client sends if the user changes nothing). */
function inputValues(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string' && o.value !== undefined) out[o.id] = o.value;
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

function describe(step: Step): string {
  return step.say ?? (step.press ? `[${step.press.action}]` : '[card submit]');
}
