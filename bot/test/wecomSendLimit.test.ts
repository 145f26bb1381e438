import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWecomApi, type WecomApi } from '../src/channels/wecom/api.js';
import { createDelivery } from '../src/channels/wecom/delivery.js';
import { databaseSendLimit } from '../src/channels/wecom/databaseSendLimit.js';
import { inProcessSendLimit, type MemberSendLimit } from '../src/channels/wecom/memberSendLimit.js';
import { startMockWecomApi, type MockSent, type MockWecomApi } from '../src/channels/wecom/tryit/mockApi.js';
import { migrate } from '../src/db/migrate.js';
import { backends, type TestDatabase } from './helpers/backends.js';

/**
 * WeCom's limit of 30 active messages per member a minute, counted in the process (PGlite) or in
 * the database (PostgreSQL, shared by the senders of several service processes — here: several
 * deliveries on one database, a clock of the test's): the WeCom stand-in, which drops what comes
 * beyond 30 in a rolling minute as WeCom does, drops nothing, and what waits is sent once, after
 * the minute.
 */

const START = Date.UTC(2025, 8, 20, 2);
const text = (content: string) => ({ msgtype: 'text' as const, text: { content } });

/** The most messages of one member the stand-in received within any rolling minute. */
function busiestMinute(sent: MockSent[]): number {
  return Math.max(0, ...sent.map((m) => sent.filter((o) => o.at <= m.at && m.at - o.at < 60_000).length));
}

describe.each(backends)('per-member limit of 30 messages a minute on $name', (backend) => {
  let tdb: TestDatabase;
  let mock: MockWecomApi;
  const clock = { ms: START };
  /** Moves the test's clock instead of waiting; every wait asked for is recorded. */
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.ms += ms;
  };
  const api = () => createWecomApi({ apiBase: mock.url, corpId: 'wwlimit', secret: 's', nowMs: () => clock.ms });
  const limit = (agentId = 7) => databaseSendLimit({ db: tdb.db, corpId: 'wwlimit', agentId, perMinute: 30 });
  const counts: Record<string, () => MemberSendLimit> = { 'in process': () => inProcessSendLimit({ perMinute: 30 }), 'in the database': () => limit() };

  beforeAll(async () => {
    tdb = await backend.open();
    await migrate(tdb.db);
    mock = await startMockWecomApi({ corpId: 'wwlimit', secret: 's', agentId: 7, nowMs: () => clock.ms });
  });
  afterAll(async () => {
    await mock?.close();
    await tdb?.dispose();
  });
  beforeEach(() => {
    waits.length = 0;
    clock.ms += 3600_000;
  });
  const sentTo = (member: string) => mock.sent.filter((m) => m.touser === member);

  it.each(Object.keys(counts))('waits instead of sending the 31st within the minute, so WeCom drops nothing (counted %s)', async (count) => {
    const delivery = createDelivery({ api: api(), agentId: 7, limit: counts[count]!(), nowMs: () => clock.ms, sleep });
    const messages = Array.from({ length: 35 }, (_, i) => text(`第 ${i + 1} 条`));
    const start = clock.ms;
    expect(await delivery.send('busy', messages)).toEqual({ sent: 35, failed: 0 });
    const got = sentTo('busy').filter((m) => m.at >= start);
    expect(got.filter((m) => m.dropped)).toEqual([]);
    expect(got.map((m) => m.text)).toEqual(messages.map((m) => m.text.content));
    // 30 at once, then one wait until the minute since the first has passed (60 s + 5 ms margin).
    expect(waits).toEqual([60_005]);
    expect(got[30]!.at - start).toBe(60_005);
    // Without the wait the stand-in drops like WeCom: a 31st message within the minute is not delivered.
    const other = `other-${clock.ms}`;
    for (let i = 0; i < 31; i++) await api().post('message/send', { touser: other, agentid: 7, msgtype: 'text', text: { content: `x${i}` } });
    expect(sentTo(other).filter((m) => m.dropped)).toHaveLength(1);
  });

  it('shares the count between the senders of two processes: of 45 messages at most 30 a minute, the rest after it, each once', async () => {
    const senders = [0, 1].map(() => createDelivery({ api: api(), agentId: 7, limit: limit(), nowMs: () => clock.ms, sleep }));
    const batches = [0, 1].map((p) => Array.from({ length: p ? 22 : 23 }, (_, i) => text(`进程${p + 1} 第 ${i + 1} 条`)));
    const results = await Promise.all(senders.map((d, p) => d.send('shared', batches[p]!)));
    expect(results).toEqual([
      { sent: 23, failed: 0 },
      { sent: 22, failed: 0 },
    ]);
    const got = sentTo('shared');
    expect(got.filter((m) => m.dropped)).toEqual([]);
    // At most 30 in any minute (one taken slot may reach WeCom only after the other sender's wait
    // moved the clock), so at least 15 a minute or more after the first.
    expect(busiestMinute(got)).toBeLessThanOrEqual(30);
    expect(got.filter((m) => m.at - got[0]!.at >= 60_000).length).toBeGreaterThanOrEqual(15);
    // Nothing lost, nothing twice, and each process's messages in the order it produced them.
    expect(got.map((m) => m.text).sort()).toEqual(
      batches
        .flat()
        .map((m) => m.text.content)
        .sort(),
    );
    for (const batch of batches) {
      const own = batch.map((m) => m.text.content);
      expect(got.map((m) => m.text).filter((t) => own.includes(t!))).toEqual(own);
    }
  });

  it.each(Object.keys(counts))(
    'counts the minute from when WeCom answered, so a slow first request does not let the 31st in early (counted %s)',
    async (count) => {
      // The first request takes 2 s to arrive (a token refresh, a slow network); the others none.
      const real = api();
      let slowOnce = true;
      const slow: WecomApi = {
        ...real,
        async post(path, body) {
          if (slowOnce) {
            slowOnce = false;
            clock.ms += 2000;
          }
          return real.post(path, body);
        },
      };
      const delivery = createDelivery({ api: slow, agentId: 7, limit: counts[count]!(), nowMs: () => clock.ms, sleep });
      const start = clock.ms;
      expect(
        await delivery.send(
          'slow',
          Array.from({ length: 31 }, (_, i) => text(`${i + 1}`)),
        ),
      ).toEqual({ sent: 31, failed: 0 });
      const got = sentTo('slow').filter((m) => m.at >= start);
      expect(got.filter((m) => m.dropped)).toEqual([]);
      expect(got[30]!.at - got[0]!.at).toBe(60_005);
    },
  );

  it('limits each application and member on its own in the database, and prunes only what no longer counts', async () => {
    const seven = limit(7);
    const eight = limit(8);
    const now = clock.ms;
    for (let i = 0; i < 30; i++) expect(await seven.take('m', now)).toHaveProperty('slot');
    expect(await seven.take('m', now + 1000)).toEqual({ waitMs: 59_005 });
    expect(await seven.take('n', now)).toHaveProperty('slot');
    expect(await eight.take('m', now)).toHaveProperty('slot');
    const rows = async () =>
      Number((await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM wecom_member_sends WHERE sent_at_ms >= $1', [now])).rows[0]!.n);
    expect(await rows()).toBe(32);
    await seven.prune(now + 59_999);
    expect(await rows()).toBe(32);
    await seven.prune(now + 60_000);
    expect(await rows()).toBe(0);
    expect(await seven.take('m', now + 60_000)).toHaveProperty('slot');
  });
});

describe('per-member count in the process (PGlite)', () => {
  it('limits each member on its own, settles a slot later, and forgets what no longer counts', async () => {
    const limit = inProcessSendLimit({ perMinute: 2 });
    const a = await limit.take('m', 0);
    await limit.take('m', 10);
    expect(await limit.take('m', 20)).toEqual({ waitMs: 60_000 - 20 + 5 });
    expect(await limit.take('n', 20)).toHaveProperty('slot');
    // The first message's answer came at 1 000: the member's minute now ends at 10 + 60 000.
    if (!('slot' in a)) throw new Error('the first take has a slot');
    await limit.settle(a.slot, 1000);
    expect(await limit.take('m', 30)).toEqual({ waitMs: 10 + 60_000 - 30 + 5 });
    expect(await limit.prune(60_010)).toBe(1);
    expect(await limit.prune(61_000)).toBe(2);
    expect(await limit.take('m', 61_000)).toHaveProperty('slot');
    expect(() => inProcessSendLimit({ perMinute: 0 })).toThrow('须为正整数');
  });
});
