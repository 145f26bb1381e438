import { describe, expect, it } from 'vitest';
import { countWaiter } from '../src/channels/countWaiter.js';

/** The wait for n arrivals that the WeCom stand-in and the Bot Connector stub share. */
describe('countWaiter', () => {
  it('resolves each wait once the count reaches it, at once when it already has, and rejects saying how far it got', async () => {
    let count = 1;
    const arrivals = countWaiter(
      () => count,
      (have, want, ms) => `${have} of ${want} after ${ms} ms`,
    );
    const order: number[] = [];
    const two = arrivals.waitFor(2, 60_000).then(() => order.push(2));
    const three = arrivals.waitFor(3, 60_000).then(() => order.push(3));
    await arrivals.waitFor(1, 60_000);
    count = 2;
    arrivals.check();
    await two;
    expect(order).toEqual([2]);
    count = 3;
    arrivals.check();
    await three;
    expect(order).toEqual([2, 3]);
    await expect(arrivals.waitFor(5, 1)).rejects.toThrow('3 of 5 after 1 ms');
  });
});
