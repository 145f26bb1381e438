import type { ChatInput } from '../../conversation/types.js';

/**
 * A WeCom member as kekao knows it. UserIDs are unique within one enterprise only and WeCom treats
 * them case-insensitively, so the identity is `CorpID/userid` with the UserID in lower case — the
 * form `kekao users link --wecom` stores in user_identities (channel `wecom`). The callback is
 * signed and encrypted with the application's secrets, so its FromUserName is WeCom's statement of
 * who wrote; the role and scope still come from kekao's user, never from the chat.
 */

export const WECOM_CHANNEL = 'wecom';

/** WeCom's UserID syntax: letters, digits and _-@. (1–64 bytes, a letter or digit first). */
export const USER_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

export function wecomExternalId(corpId: string, userId: string): string {
  return `${corpId}/${userId.toLowerCase()}`;
}

/** The UserID of an external id of this enterprise, or undefined for another enterprise's. */
export function userIdOf(externalId: string, corpId: string): string | undefined {
  const prefix = `${corpId}/`;
  return externalId.startsWith(prefix) ? externalId.slice(prefix.length) : undefined;
}

/**
 * The chat turn's user and conversation: a WeCom application chat is always one to one. The user
 * is verified: the callback only gets here after WeCom's signature and our CorpID checked out, so
 * FromUserName is who WeCom says it is.
 */
export function wecomChatParty(corpId: string, userId: string): Pick<ChatInput, 'user' | 'conversation'> {
  const id = wecomExternalId(corpId, userId);
  return { user: { channelUserId: id, verified: true }, conversation: { id: `wecom:${id}`, type: 'personal' } };
}
