import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.js';

/**
 * WeCom's limit on active messages to one member — "每应用对同一个成员不可超过30次/分钟，超过部分会被
 * 丢弃不下发" (发送应用消息, 频率限制) — counted in the database (`wecom_member_sends`, migration
 * 030), so that every service process on it shares one count: with N processes behind a load
 * balancer a count per process would let N × 30 through.
 *
 * A rolling minute, not a counter per calendar minute: WeCom does not say which minute it counts,
 * and 30 at the end of one calendar minute plus 30 at the start of the next are 60 within one
 * rolling minute. Each message is a row; a sender takes one under a per-member advisory lock (the
 * count and the insert of two processes must not interleave) and, once WeCom has answered, moves
 * its time to then: the message had arrived by that time, so however long the request took (a
 * token refresh, a backoff on 45009), the next minute is counted from no earlier than its arrival.
 *
 * The same table on PGlite, where one process holds the data folder and a count in memory would
 * do: one code path that every WeCom test runs, a count that survives a restart within the minute,
 * and its cost — one short transaction and one update per active message — is small beside the
 * HTTPS request to WeCom it guards.
 */

export const SEND_WINDOW_MS = 60_000;
/** Waited beyond the minute, so that the oldest message has surely left it. */
const MARGIN_MS = 5;

export interface MemberSendLimit {
  /** A send slot for the member at `nowMs` (its id), or how long to wait before asking again. */
  take(member: string, nowMs: number): Promise<{ slot: string } | { waitMs: number }>;
  /** The slot's message had arrived at WeCom by `nowMs` (WeCom answered): its minute counts from then. */
  settle(slot: string, nowMs: number): Promise<void>;
}

export interface MemberSendLimitOptions {
  db: Database;
  /** The WeCom application the messages come from (the limit is per application and member). */
  corpId: string;
  agentId: number;
  perMinute: number;
}

export function memberSendLimit(o: MemberSendLimitOptions): MemberSendLimit {
  if (!Number.isInteger(o.perMinute) || o.perMinute < 1)
    throw new Error(
      `企业微信每成员每分钟消息数须为正整数（当前 ${o.perMinute}） / WeCom messages per member per minute must be a positive integer (got ${o.perMinute})`,
    );
  const keyOf = (member: string) => `${o.corpId}/${o.agentId}/${member}`;
  return {
    take(member, nowMs) {
      const key = keyOf(member);
      return o.db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kekao.wecom.send.' || $1))`, [key]);
        await tx.query('DELETE FROM wecom_member_sends WHERE member_key = $1 AND sent_at_ms <= $2', [key, nowMs - SEND_WINDOW_MS]);
        const { n, oldest } = (
          await tx.query<{ n: number; oldest: number | null }>(
            'SELECT count(*)::int AS n, min(sent_at_ms)::float8 AS oldest FROM wecom_member_sends WHERE member_key = $1',
            [key],
          )
        ).rows[0]!;
        if (n >= o.perMinute && oldest !== null) return { waitMs: oldest + SEND_WINDOW_MS - nowMs + MARGIN_MS };
        const slot = randomUUID();
        await tx.query('INSERT INTO wecom_member_sends (send_id, member_key, sent_at_ms) VALUES ($1, $2, $3)', [slot, key, nowMs]);
        return { slot };
      });
    },
    async settle(slot, nowMs) {
      await o.db.query('UPDATE wecom_member_sends SET sent_at_ms = GREATEST(sent_at_ms, $2) WHERE send_id = $1', [slot, nowMs]);
    },
  };
}

/** Deletes the rows that no longer count (members who got nothing for a minute keep theirs until then). */
export async function pruneMemberSends(db: Queryable, nowMs: number): Promise<number> {
  const r = await db.query('DELETE FROM wecom_member_sends WHERE sent_at_ms <= $1', [nowMs - SEND_WINDOW_MS]);
  return r.rowCount;
}
