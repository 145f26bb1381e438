import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { openChatWorld } from './helpers/chatWorld.js';
import { createChatHarness, textOf, type ChatHarness } from './helpers/chatHarness.js';

/**
 * Typing indicators are off for this bot: a "typing" activity sent while a slow turn runs (as bot
 * frameworks do once a turn has taken a second) would land in the expectReplies HTTP answer. A
 * turn is made slower than that for real: PGlite runs one statement at a time, so while a
 * transaction of the test stays open, the turn's first read of its questionnaire state waits for it.
 */
describe('Teams turn: no typing activity on a slow turn (PGlite)', () => {
  let db: Database;
  let h: ChatHarness;

  beforeAll(async () => {
    db = await openPglite(undefined);
    await openChatWorld(db);
    h = createChatHarness(db, new Date('2025-09-20T02:00:00Z'), { usersVerified: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a message answered after 1.5 s comes back as the answer alone', async () => {
    let released = 0;
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const held = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      started();
      await new Promise((r) => setTimeout(r, 1500));
      released = Date.now();
    });
    await holding;
    // A conversation never seen before: its questionnaire state is not in the in-process copy.
    let answered = 0;
    const replies = await h.say('stranger', '上海联系人', 'a:typing-slow-turn').finally(() => (answered = Date.now()));
    await held;
    // The turn did wait for the transaction (so it took longer than a one-second typing timer).
    expect(released).toBeGreaterThan(0);
    expect(answered).toBeGreaterThanOrEqual(released);
    expect(replies.map((r) => r.type)).toEqual(['message']);
    expect(textOf(replies)).toContain('上海市市场监督管理局');
  });
});
