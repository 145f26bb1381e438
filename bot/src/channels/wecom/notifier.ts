import type { Queryable } from '../../db/database.js';
import type { Logger } from '../../log.js';
import type { NotifyPort } from '../../conversation/ports.js';
import { wecomMessagesOf } from './cardMapping.js';
import type { Delivery } from './delivery.js';
import { userIdOf, WECOM_CHANNEL } from './identity.js';

/**
 * Proactive messages to kekao users linked to a WeCom account of this enterprise (message/send by
 * UserID; no earlier conversation is needed). Users without such a link are reported as failed,
 * for another channel to reach.
 */

export interface WecomNotifierOptions {
  db: Queryable;
  corpId: string;
  delivery: Delivery;
  newTaskId: () => string;
  log?: Logger;
}

export function createWecomNotifier(o: WecomNotifierOptions): NotifyPort {
  return {
    async notifyUsers(userIds, replies) {
      if (!userIds.length) return { delivered: [], failed: [] };
      const rows = (
        await o.db.query<{ user_id: string; external_id: string }>(
          `SELECT user_id, external_id FROM user_identities WHERE channel = $1 AND user_id::text = ANY($2::text[])`,
          [WECOM_CHANNEL, userIds],
        )
      ).rows;
      const delivered: string[] = [];
      await Promise.all(
        userIds.map(async (userId) => {
          const members = rows
            .filter((r) => r.user_id === userId)
            .map((r) => userIdOf(r.external_id, o.corpId))
            .filter((m): m is string => !!m);
          let ok = false;
          for (const member of members) {
            const messages = replies.flatMap((r) => wecomMessagesOf(r, { newTaskId: o.newTaskId }));
            const r = await o.delivery.send(member, messages);
            if (r.sent > 0 && r.failed === 0) ok = true;
            else o.log?.warn('wecom notification not delivered', { userId, sent: r.sent, failed: r.failed });
          }
          if (ok) delivered.push(userId);
        }),
      );
      return { delivered: userIds.filter((u) => delivered.includes(u)), failed: userIds.filter((u) => !delivered.includes(u)) };
    },
  };
}
