import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log.js';
import type { Conversation } from '../../conversation/conversation.js';
import { chinaDate } from '../../conversation/campaignAnswers.js';
import type { ChatReply } from '../../conversation/types.js';
import { cardEventValue, decodeKey } from './cardKeys.js';
import { wecomMessagesOf } from './cardMapping.js';
import type { Delivery } from './delivery.js';
import type { Inbound } from './inbound.js';
import { wecomChatParty } from './identity.js';
import { claimReceipt } from './receipts.js';
import type { WecomMessage } from './templateCard.js';

/**
 * One WeCom delivery turned into the conversation's answer, as WeCom messages. A card click also
 * replaces the clicked card's buttons (update_template_card with the event's ResponseCode), so the
 * same card cannot be submitted twice.
 */

export interface TurnDeps {
  db: Database;
  corpId: string;
  conversation: Conversation;
  delivery: Delivery;
  now: () => Date;
  log?: Logger;
  newTaskId?: () => string;
}

export function newTaskId(): string {
  return `kk_${Date.now().toString(36)}_${randomBytes(8).toString('hex')}`;
}

const APOLOGY: ChatReply = { text: '抱歉，处理这条消息时出错了，请稍后再试。(bot.turnError)\nSorry, something went wrong handling this message.' };

export function createTurns(d: TurnDeps): (inbound: Inbound) => Promise<WecomMessage[]> {
  const taskId = d.newTaskId ?? newTaskId;

  async function replies(inbound: Inbound): Promise<ChatReply[]> {
    const party = wecomChatParty(d.corpId, inbound.userId);
    switch (inbound.kind) {
      case 'text':
        return d.conversation.handle({ ...party, text: inbound.text });
      case 'menu':
        return d.conversation.handle({ ...party, value: { action: inbound.eventKey } });
      case 'welcome': {
        // WeCom sends enter_agent every time the member opens the application: greet once a day.
        const first = await claimReceipt(d.db, `${d.corpId}/welcome/${party.user.channelUserId}/${chinaDate(d.now())}`);
        return first ? d.conversation.welcome('zh') : [];
      }
      case 'card': {
        const key = decodeKey(inbound.eventKey);
        if (!key) {
          d.log?.warn('wecom card event with a key kekao did not make; ignored', { taskId: inbound.taskId });
          return [];
        }
        if (inbound.responseCode) {
          const label = key.g ? '已提交' : `已选：${key.t}`;
          void d.delivery.updateCard(inbound.userId, inbound.responseCode, label);
        }
        return d.conversation.handle({ ...party, value: cardEventValue(key, inbound.selected) });
      }
      case 'unsupported':
        return [{ text: '目前只能处理文字消息和卡片按钮，请用文字提问。\nOnly text messages and card buttons are understood; please type your question.' }];
      case 'ignored':
        return [];
    }
  }

  return async (inbound) => {
    let out: ChatReply[];
    try {
      out = await replies(inbound);
    } catch (err) {
      d.log?.error('wecom turn failed', { kind: inbound.kind, err });
      out = [APOLOGY];
    }
    return out.flatMap((r) => wecomMessagesOf(r, { newTaskId: taskId }));
  };
}
