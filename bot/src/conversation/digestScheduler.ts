import { digestReply } from './digest.js';
import type { ConversationPorts } from './ports.js';

/**
 * Proactive reviewer digests: every `intervalMs`, each reviewer who can be reached and still has
 * indicators to score gets the digest in chat. Sends go one after another through the notifier,
 * which backs off on HTTP 429.
 */

export interface DigestRoundResult {
  reviewers: number;
  sent: string[];
  skipped: string[];
  failed: string[];
}

export async function runDigestRound(ports: ConversationPorts): Promise<DigestRoundResult> {
  const result: DigestRoundResult = { reviewers: 0, sent: [], skipped: [], failed: [] };
  for (const reviewer of await ports.reviews.reachableReviewers()) {
    result.reviewers++;
    const entries = await ports.reviews.assignedEntries(reviewer);
    const pending = entries.some((e) => e.indicators.some((i) => i.myRawScore === null));
    if (!pending) {
      result.skipped.push(reviewer.userId);
      continue;
    }
    const r = await ports.notify.notifyUsers([reviewer.userId], [digestReply(entries, 'zh')]);
    result.sent.push(...r.delivered);
    result.failed.push(...r.failed);
  }
  return result;
}

export const DIGEST_ROUND_KEY = 'kekao/digest/last-round';

/**
 * Claims the next round for this process. With several service processes behind a load balancer
 * every one runs the timer; the round's timestamp is written with an etag compare-and-set, so only
 * the first process in each interval sends the digests.
 */
export async function claimDigestRound(ports: ConversationPorts, intervalMs: number): Promise<boolean> {
  const now = ports.now().getTime();
  let stored = await ports.state.load(DIGEST_ROUND_KEY);
  if (!stored) {
    // First round ever: create the row (only if no other process has), then compete on its etag
    // like any other round. An unconditional save here would reset a round another process had
    // just claimed, and both would send.
    await ports.state.createIfAbsent(DIGEST_ROUND_KEY, { at: 0 });
    stored = await ports.state.load(DIGEST_ROUND_KEY);
    if (!stored) return false;
  }
  const at = (stored.value as { at?: unknown }).at;
  if (typeof at === 'number' && now - at < intervalMs * 0.9) return false;
  try {
    await ports.state.save(DIGEST_ROUND_KEY, { at: now }, stored.etag);
    return true;
  } catch {
    return false; // another process claimed it first (etag changed)
  }
}

export interface DigestScheduler {
  /** Runs one round now (also what the timer does). */
  runOnce(): Promise<DigestRoundResult>;
  stop(): void;
}

/** What one process decided on a timer tick: it claimed the round (and what it sent), or another process had. */
export type DigestTick = { claimed: false } | { claimed: true; result: DigestRoundResult };

export function startDigestScheduler(
  ports: ConversationPorts,
  intervalMs: number,
  onError?: (err: unknown) => void,
  onTick?: (tick: DigestTick) => void,
): DigestScheduler {
  let running: Promise<DigestRoundResult> | null = null;
  const runOnce = () => {
    // Never two rounds at once: a slow round (throttled sends) delays the next one.
    running ??= runDigestRound(ports).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    claimDigestRound(ports, intervalMs)
      .then(async (mine): Promise<DigestTick> => (mine ? { claimed: true, result: await runOnce() } : { claimed: false }))
      .then((tick) => onTick?.(tick))
      .catch((e) => onError?.(e));
  }, intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
