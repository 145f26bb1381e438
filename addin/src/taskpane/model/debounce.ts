/**
 * Debounce per key: rapid changes to one table (a paste fires several events) collapse into one
 * recompute ~300 ms after the last, while changes to different tables stay independent.
 */
export const RECOMPUTE_DELAY_MS = 300;

export function debounceByKey<K>(fire: (key: K) => void, delayMs = RECOMPUTE_DELAY_MS): { schedule(key: K): void; pending(): K[]; cancel(): void } {
  const timers = new Map<K, ReturnType<typeof setTimeout>>();
  return {
    schedule(key: K) {
      const t = timers.get(key);
      if (t !== undefined) clearTimeout(t);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          fire(key);
        }, delayMs),
      );
    },
    pending: () => [...timers.keys()],
    cancel() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
