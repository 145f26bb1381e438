import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { checkedPerMinute, SEND_MARGIN_MS, SEND_WINDOW_MS, type MemberSendLimit, type MemberSendLimitOptions } from './memberSendLimit.js';

/**
 * The per-member count of memberSendLimit.ts in the database (`wecom_member_sends`, migration 030),
 * shared by every service process on it: with N processes behind a load balancer a count per
 * process would let N × 30 a minute through. Each message is a row; a sender takes one under a
 * per-member advisory lock, so that the count and the insert of two processes do not interleave.
 */
export function databaseSendLimit(o: MemberSendLimitOptions & { db: Database }): MemberSendLimit {
  const perMinute = checkedPerMinute(o.perMinute);
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
        if (n >= perMinute && oldest !== null) return { waitMs: oldest + SEND_WINDOW_MS - nowMs + SEND_MARGIN_MS };
        const slot = randomUUID();
        await tx.query('INSERT INTO wecom_member_sends (send_id, member_key, sent_at_ms) VALUES ($1, $2, $3)', [slot, key, nowMs]);
        return { slot };
      });
    },
    async settle(slot, nowMs) {
      await o.db.query('UPDATE wecom_member_sends SET sent_at_ms = GREATEST(sent_at_ms, $2) WHERE send_id = $1', [slot, nowMs]);
    },
    async prune(nowMs) {
      return (await o.db.query('DELETE FROM wecom_member_sends WHERE sent_at_ms <= $1', [nowMs - SEND_WINDOW_MS])).rowCount;
    },
  };
}
