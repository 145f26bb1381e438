import type { Logger } from '../../log.js';
import type { WecomApi } from './api.js';
import type { MemberSendLimit } from './memberSendLimit.js';
import type { WecomMessage } from './templateCard.js';

/**
 * Active messages to WeCom members (message/send) and card updates (update_template_card). Each
 * member's messages go out one after another in the order the conversation produced them, and at
 * most as many a rolling minute as `limit` allows (memberSendLimit.ts; on PostgreSQL one count for
 * every service process on the database): WeCom drops, without an error, what an application sends
 * one member beyond 30 a minute, so kekao waits instead.
 */

export interface DeliveryOptions {
  api: WecomApi;
  agentId: number;
  limit: MemberSendLimit;
  log?: Logger;
  nowMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Delivery {
  /** Queues the messages for the member; resolves when all were accepted by WeCom (or failed). */
  send(userId: string, messages: WecomMessage[]): Promise<{ sent: number; failed: number }>;
  /** Replaces the buttons of the card the member clicked by one disabled button reading `label`. */
  updateCard(userId: string, responseCode: string, label: string): Promise<boolean>;
  /** True while messages for the member are queued or being sent. */
  busy(userId: string): boolean;
  /** Resolves when every queue is empty (shutdown). */
  idle(): Promise<void>;
}

export function createDelivery(o: DeliveryOptions): Delivery {
  const nowMs = o.nowMs ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const queues = new Map<string, Promise<unknown>>();
  const updates = new Set<Promise<unknown>>();

  async function slot(userId: string): Promise<string> {
    for (;;) {
      const got = await o.limit.take(userId, nowMs());
      if ('slot' in got) return got.slot;
      await sleep(got.waitMs);
    }
  }

  function enqueue<T>(userId: string, job: () => Promise<T>): Promise<T> {
    const prev = queues.get(userId) ?? Promise.resolve();
    const run = prev.then(job, job);
    const tail = run.catch(() => undefined);
    queues.set(userId, tail);
    void tail.then(() => {
      if (queues.get(userId) === tail) queues.delete(userId);
    });
    return run;
  }

  return {
    send(userId, messages) {
      return enqueue(userId, async () => {
        let sent = 0;
        let failed = 0;
        for (const m of messages) {
          let taken: string | undefined;
          try {
            taken = await slot(userId);
            await o.api.post('message/send', { touser: userId, agentid: o.agentId, ...m });
            sent++;
          } catch (err) {
            failed++;
            o.log?.error('wecom message not sent', { userId, msgtype: m.msgtype, counted: !!taken, err: err instanceof Error ? err.message : String(err) });
          }
          if (taken)
            await o.limit.settle(taken, nowMs()).catch((err: unknown) => {
              // The slot then counts from when it was taken: at worst a wait ends a request's duration early.
              o.log?.warn('wecom send slot not settled', { userId, err: err instanceof Error ? err.message : String(err) });
            });
        }
        return { sent, failed };
      });
    },
    updateCard(userId, responseCode, label) {
      // Not queued with the member's messages: an update changes an earlier message, not the order.
      const p = o.api
        .post('message/update_template_card', { userids: [userId], agentid: o.agentId, response_code: responseCode, button: { replace_name: label } })
        .then(
          () => true,
          (err: unknown) => {
            o.log?.warn('wecom card not updated', { userId, err: err instanceof Error ? err.message : String(err) });
            return false;
          },
        );
      updates.add(p);
      void p.then(() => updates.delete(p));
      return p;
    },
    busy: (userId) => queues.has(userId),
    async idle() {
      while (queues.size || updates.size) await Promise.all([...queues.values(), ...updates]);
    },
  };
}
