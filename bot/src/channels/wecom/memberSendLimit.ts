/**
 * WeCom's limit on active messages to one member — "每应用对同一个成员不可超过30次/分钟，超过部分会被
 * 丢弃不下发" (发送应用消息, 频率限制): a sender takes a slot before each message/send and waits when
 * the member has had `perMinute` in the last minute.
 *
 * A rolling minute, not a counter per calendar minute: WeCom does not say which minute it counts,
 * and 30 at the end of one calendar minute plus 30 at the start of the next are 60 within one
 * rolling minute. Once WeCom has answered, the slot's time moves to then: the message had arrived by
 * that time, so however long the request took (a token refresh, a backoff on 45009) the next minute
 * is counted from no earlier than its arrival.
 */

export const SEND_WINDOW_MS = 60_000;
/** Waited beyond the minute, so that the oldest message has surely left it. */
export const SEND_MARGIN_MS = 5;

export interface MemberSendLimit {
  /** A send slot for the member at `nowMs` (its id), or how long to wait before asking again. */
  take(member: string, nowMs: number): Promise<{ slot: string } | { waitMs: number }>;
  /** The slot's message had arrived at WeCom by `nowMs` (WeCom answered): its minute counts from then. */
  settle(slot: string, nowMs: number): Promise<void>;
  /** Forgets the slots that no longer count (members who got nothing for a minute); how many. */
  prune(nowMs: number): Promise<number>;
}

export interface MemberSendLimitOptions {
  /** The WeCom application the messages come from (the limit is per application and member). */
  corpId: string;
  agentId: number;
  perMinute: number;
}

export function checkedPerMinute(perMinute: number): number {
  if (!Number.isInteger(perMinute) || perMinute < 1)
    throw new Error(
      `企业微信每成员每分钟消息数须为正整数（当前 ${perMinute}） / WeCom messages per member per minute must be a positive integer (got ${perMinute})`,
    );
  return perMinute;
}

/** The count in this process's memory: member → slot → time. */
export function inProcessSendLimit(o: Pick<MemberSendLimitOptions, 'perMinute'>): MemberSendLimit {
  const perMinute = checkedPerMinute(o.perMinute);
  const members = new Map<string, Map<string, number>>();
  const memberOf = new Map<string, string>();
  let next = 0;
  const forget = (member: string, before: number) => {
    const slots = members.get(member);
    if (!slots) return 0;
    let n = 0;
    for (const [slot, at] of slots)
      if (at <= before) {
        slots.delete(slot);
        memberOf.delete(slot);
        n++;
      }
    if (!slots.size) members.delete(member);
    return n;
  };
  return {
    async take(member, nowMs) {
      forget(member, nowMs - SEND_WINDOW_MS);
      const slots = members.get(member) ?? new Map<string, number>();
      if (slots.size >= perMinute) return { waitMs: Math.min(...slots.values()) + SEND_WINDOW_MS - nowMs + SEND_MARGIN_MS };
      const slot = String(++next);
      slots.set(slot, nowMs);
      members.set(member, slots);
      memberOf.set(slot, member);
      return { slot };
    },
    async settle(slot, nowMs) {
      const slots = members.get(memberOf.get(slot) ?? '');
      const at = slots?.get(slot);
      if (slots && at !== undefined) slots.set(slot, Math.max(at, nowMs));
    },
    async prune(nowMs) {
      let n = 0;
      for (const member of [...members.keys()]) n += forget(member, nowMs - SEND_WINDOW_MS);
      return n;
    },
  };
}
