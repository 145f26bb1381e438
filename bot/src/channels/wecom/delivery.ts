import type { Logger } from '../../log.js';
import type { WecomApi } from './api.js';
import type { WecomMessage } from './templateCard.js';

/**
 * Active messages to WeCom members (message/send) and card updates (update_template_card). Each
 * member's messages go out one after another in the order the conversation produced them, and at
 * most `perMemberPerMinute` a rolling minute: WeCom drops, without an error, what an application
 * sends one member beyond 30 a minute ("每应用对同一个成员不可超过30次/分钟，超过部分会被丢弃不下发",
 * 发送应用消息 频率限制), so kekao waits instead.
 */

export interface DeliveryOptions {
  api: WecomApi;
  agentId: number;
  log?: Logger;
  perMemberPerMinute?: number;
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
  const limit = o.perMemberPerMinute ?? 30;
  const nowMs = o.nowMs ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const queues = new Map<string, Promise<unknown>>();
  const recent = new Map<string, number[]>();
  const updates = new Set<Promise<unknown>>();

  async function slot(userId: string): Promise<void> {
    for (;;) {
      const now = nowMs();
      const times = (recent.get(userId) ?? []).filter((t) => now - t < 60_000);
      if (times.length < limit) {
        times.push(now);
        recent.set(userId, times);
        return;
      }
      recent.set(userId, times);
      await sleep(60_000 - (now - times[0]!) + 5);
    }
  }

  function enqueue<T>(userId: string, job: () => Promise<T>): Promise<T> {
    const prev = queues.get(userId) ?? Promise.resolve();
    const run = prev.then(job, job);
    const tail = run.catch(() => undefined);
    queues.set(userId, tail);
    void tail.then(() => {
      if (queues.get(userId) === tail) {
        queues.delete(userId);
        if (!(recent.get(userId) ?? []).some((t) => nowMs() - t < 60_000)) recent.delete(userId);
      }
    });
    return run;
  }

  return {
    send(userId, messages) {
      return enqueue(userId, async () => {
        let sent = 0;
        let failed = 0;
        for (const m of messages) {
          await slot(userId);
          try {
            await o.api.post('message/send', { touser: userId, agentid: o.agentId, ...m });
            sent++;
          } catch (err) {
            failed++;
            o.log?.error('wecom message not sent', { userId, msgtype: m.msgtype, err: err instanceof Error ? err.message : String(err) });
          }
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
