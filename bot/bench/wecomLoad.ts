import { parentPort } from 'node:worker_threads';
import { startMockWecomApi, type MockWecomApi } from '../src/channels/wecom/tryit/mockApi.js';
import { createWecomSimulator } from '../src/channels/wecom/tryit/simulator.js';

/**
 * The WeCom bench's load thread: everything on WeCom's side — the API stand-in receiving the
 * active messages, and the members (the simulator encrypting, signing and POSTing each message,
 * decrypting passive replies) — plus the same members talking to the Teams endpoint, so the
 * service's thread does only kekao's work. Each member sends its messages one after another,
 * waiting for the HTTP answer; all members at once.
 */

export interface LoadRequest {
  kind: 'wecom' | 'teams';
  url: string;
  users: string[];
  texts: string[];
  secrets?: { token: string; aesKey: string; corpId: string; agentId: number };
  nowMs: number;
}

export interface LoadResult {
  elapsedMs: number;
  latenciesMs: number[];
  bad: number;
  /** Per member, what came back in the HTTP answers, in order. */
  answers: Record<string, Array<{ at: number; texts: string[] }>>;
}

let mock: MockWecomApi | undefined;

async function run(r: LoadRequest): Promise<LoadResult> {
  const sim = r.secrets ? createWecomSimulator({ callbackUrl: r.url, ...r.secrets, nowMs: () => r.nowMs }) : undefined;
  const latenciesMs: number[] = [];
  const answers: LoadResult['answers'] = {};
  let bad = 0;
  const started = performance.now();
  await Promise.all(
    r.users.map(async (user, u) => {
      answers[user] = [];
      for (const [i, text] of r.texts.entries()) {
        const t0 = performance.now();
        let texts: string[] = [];
        if (sim) {
          const res = await sim.text(user, text);
          if (res.status !== 200) bad++;
          if (res.passive?.content !== undefined) texts = [res.passive.content];
        } else {
          const res = await fetch(r.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              id: `b${u}-${i}`,
              channelId: 'msteams',
              serviceUrl: 'http://127.0.0.1:9/unused',
              deliveryMode: 'expectReplies',
              from: { id: `29:${user}`, name: user },
              recipient: { id: '28:kekao', name: 'kekao' },
              conversation: { id: `a:${user}`, conversationType: 'personal' },
              text,
            }),
          });
          if (res.status !== 200) bad++;
          const body = (await res.json().catch(() => ({}))) as { activities?: Array<{ text?: string; summary?: string }> };
          texts = (body.activities ?? []).map((a) => a.text ?? a.summary ?? '');
        }
        latenciesMs.push(performance.now() - t0);
        if (texts.length) answers[user]!.push({ at: Date.now(), texts });
      }
    }),
  );
  return { elapsedMs: performance.now() - started, latenciesMs, bad, answers };
}

parentPort!.on(
  'message',
  async (m: { op: 'mock'; corpId: string; secret: string; agentId: number } | { op: 'run'; request: LoadRequest } | { op: 'sent' } | { op: 'stop' }) => {
    try {
      if (m.op === 'mock') {
        mock = await startMockWecomApi({ corpId: m.corpId, secret: m.secret, agentId: m.agentId });
        parentPort!.postMessage({ ok: true, url: mock.url });
      } else if (m.op === 'run') {
        parentPort!.postMessage({ ok: true, result: await run(m.request) });
      } else if (m.op === 'sent') {
        parentPort!.postMessage({ ok: true, sent: mock?.sent ?? [], refusals: mock?.refusals ?? {} });
      } else {
        await mock?.close();
        parentPort!.postMessage({ ok: true });
      }
    } catch (e) {
      parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  },
);
