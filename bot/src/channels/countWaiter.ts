/**
 * Waiting until a growing count reaches a number — how a test (or the try-it page) waits until the
 * stand-in of a chat platform's API (the WeCom API stand-in, the tests' Bot Connector stub) has
 * received n messages. The stand-in calls `check()` whenever its count grew.
 */

export interface CountWaiter {
  /** Resolves once the count is at least `n`; rejects after `ms`, saying how far it got. */
  waitFor(n: number, ms: number): Promise<void>;
  /** Resolves the waits the count now satisfies. */
  check(): void;
}

/** `shortfall` words the rejection: what was counted, how many of how many, after how long. */
export function countWaiter(count: () => number, shortfall: (have: number, want: number, ms: number) => string): CountWaiter {
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  return {
    waitFor(n, ms) {
      if (count() >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(shortfall(count(), n, ms)));
        }, ms);
        waiters.push(waiter);
      });
    },
    check() {
      const have = count();
      for (const w of [...waiters])
        if (have >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
    },
  };
}
