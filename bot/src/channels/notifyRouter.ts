import type { NotifyPort } from '../conversation/ports.js';

/**
 * Proactive messages (officers' notices of new assistance cases, reviewers' scheduled digests)
 * through every channel a user is linked to: each registered channel sends to the users it can
 * reach (Teams: a stored conversation; WeCom: a linked UserID), so a user linked to both gets the
 * message in both. A user counts as delivered when at least one channel delivered.
 */

export interface NotifyRouter {
  /** Adds (or replaces) a channel's notifier. */
  register(channel: string, notifier: NotifyPort): void;
  /** The port the conversations notify through. */
  readonly port: NotifyPort;
}

export function createNotifyRouter(): NotifyRouter {
  const channels = new Map<string, NotifyPort>();
  return {
    register(channel, notifier) {
      channels.set(channel, notifier);
    },
    port: {
      async notifyUsers(userIds, replies) {
        const results = await Promise.all([...channels.values()].map((c) => c.notifyUsers(userIds, replies)));
        const reached = new Set(results.flatMap((r) => r.delivered));
        return { delivered: userIds.filter((u) => reached.has(u)), failed: userIds.filter((u) => !reached.has(u)) };
      },
    },
  };
}

/** What a channel's bot needs to notify through the router: its own notifier goes in, the router's port comes out. */
export interface ProactiveRouting {
  wrap(channel: string, own: NotifyPort): NotifyPort;
  /** Channels reaching linked users without a stored conversation (see BindingOptions.reachableChannels). */
  reachableChannels: readonly string[];
}

export function proactiveRouting(router: NotifyRouter, reachableChannels: readonly string[]): ProactiveRouting {
  return {
    wrap(channel, own) {
      router.register(channel, own);
      return router.port;
    },
    reachableChannels,
  };
}
