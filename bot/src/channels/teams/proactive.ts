import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Database } from '../../db/database.js';
import { conversationReferencesForUser, saveConversationReference } from '../../store/conversationReferences.js';
import type { Logger } from '../../log.js';
import type { NotifyPort } from '../../conversation/ports.js';
import type { ChatReply } from '../../conversation/types.js';
import { activityOf } from './activityMapping.js';
import { withBackoff, type BackoffOptions } from './backoff.js';

/**
 * Proactive messages (assistance notices to officers, scheduled reviewer digests): through the
 * conversation references stored in the database and `adapter.continueConversationAsync`, each
 * send retried with backoff on HTTP 429. Sends to different users are spaced out so a digest run
 * stays under Teams' per-bot rate limit.
 */

export interface ProactiveOptions {
  adapter: CloudAdapter;
  db: Database;
  /** MicrosoftAppId ('' when running without one, e.g. against the Agents Playground). */
  appId: string;
  /** May the service send to this service URL (the trust mode's rule, channelTrust.ts)? Checked before every send. */
  mayContact: (serviceUrl: string | undefined) => boolean;
  log?: Logger;
  backoff?: BackoffOptions;
}

/** A refused proactive send: the stored reference names a service URL the service may not contact. */
export class ReferenceNotContactableError extends Error {}

export function referenceKey(reference: Partial<ConversationReference>): string {
  return `${reference.channelId ?? 'unknown'}/${reference.conversation?.id ?? 'unknown'}`;
}

/**
 * Remembers the conversation of a turn for proactive messages. `decide` says whether this turn may
 * be stored at all (only turns the channel vouches for, with a service URL the service may
 * contact — so a claimed identity can never redirect someone's notifications) and whose it is.
 * The reference is stored without the turn's activity id (it changes every turn and proactive
 * sends do not need it), and written only when it or its user changed; the user mapping is
 * re-read at most once a minute per conversation so that a newly linked account is picked up
 * without a database read on every turn.
 */
export function createReferenceCapture(
  db: Database,
  decide: (context: TurnContext) => Promise<{ store: false } | { store: true; userId: string | null }>,
  recheckMs = 60_000,
) {
  const seen = new Map<string, { reference: string; saved: string; checkedAt: number }>();
  return async (context: TurnContext): Promise<void> => {
    const { activityId: _turn, ...reference } = TurnContext.getConversationReference(context.activity);
    const key = referenceKey(reference);
    const refJson = JSON.stringify(reference);
    const prev = seen.get(key);
    const now = Date.now();
    if (prev && prev.reference === refJson && now - prev.checkedAt < recheckMs) return;
    const decision = await decide(context);
    if (!decision.store) return;
    const { userId } = decision;
    const saved = JSON.stringify([reference, userId]);
    if (prev?.saved !== saved) await saveConversationReference(db, key, reference as unknown as Record<string, unknown>, { userId, verified: true });
    seen.set(key, { reference: refJson, saved, checkedAt: now });
    if (seen.size > 10_000) seen.delete(seen.keys().next().value!);
  };
}

export function createProactiveNotifier(
  o: ProactiveOptions,
): NotifyPort & { sendTo(reference: Partial<ConversationReference>, replies: ChatReply[]): Promise<void> } {
  async function sendTo(reference: Partial<ConversationReference>, replies: ChatReply[]): Promise<void> {
    if (!o.mayContact(reference.serviceUrl)) throw new ReferenceNotContactableError(`service URL not allowed: ${reference.serviceUrl ?? '(none)'}`);
    await o.adapter.continueConversationAsync(o.appId, reference, async (context) => {
      for (const r of replies) {
        await withBackoff(() => context.sendActivity(activityOf(r)), {
          ...o.backoff,
          onRetry: (info) => {
            o.log?.warn('proactive send throttled; retrying', { ...info, conversation: reference.conversation?.id });
            o.backoff?.onRetry?.(info);
          },
        });
      }
    });
  }
  return {
    sendTo,
    async notifyUsers(userIds, replies) {
      const delivered: string[] = [];
      const failed: string[] = [];
      for (const userId of userIds) {
        // Only references stored from verified turns, to a service URL the service may contact now.
        const refs = (await conversationReferencesForUser(o.db, userId)).filter((r) => o.mayContact((r.reference as { serviceUrl?: string }).serviceUrl));
        // The most recent personal chat first; a user without one cannot be reached proactively.
        const ref = refs.find((r) => (r.reference as { conversation?: { conversationType?: string } }).conversation?.conversationType !== 'channel') ?? refs[0];
        if (!ref) {
          failed.push(userId);
          continue;
        }
        try {
          await sendTo(ref.reference as Partial<ConversationReference>, replies);
          delivered.push(userId);
        } catch (err) {
          o.log?.warn('proactive send failed', { userId, err: err instanceof Error ? err.message : String(err) });
          failed.push(userId);
        }
      }
      return { delivered, failed };
    },
  };
}
