import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, dropSchema, type TestDatabase } from './helpers/backends.js';
import { migrate, loadMigrations } from '../src/db/migrate.js';
import { openPostgres } from '../src/db/postgres.js';
import { DatabaseBotStorage, EtagConflictError } from '../src/store/botState.js';
import { BotStateCache, botStateCacheFor } from '../src/store/botStateCache.js';
import type { Database } from '../src/db/database.js';
import { getConversationReference, saveConversationReference } from '../src/store/conversationReferences.js';
import { ensureDefaultCampaign, getCampaign } from '../src/store/campaigns.js';
import { createUser, principalForToken, principalForIdentity, linkIdentity } from '../src/store/users.js';
import { hashToken } from '../src/auth/tokens.js';
import { parseScope, scopeCoversPlace } from '../src/auth/scope.js';

describe.each(backends)('storage on $name', (backend) => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await backend.open();
    await migrate(tdb.db);
    await ensureDefaultCampaign(tdb.db);
  });

  afterAll(async () => {
    await tdb?.dispose();
  });

  it('applies the migrations once, in order, and loads the 2025 campaign on first start', async () => {
    const versions = (await loadMigrations()).map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(await migrate(tdb.db)).toEqual([]);
    expect(await ensureDefaultCampaign(tdb.db)).toBe(false);
    const c = await getCampaign(tdb.db, '2025');
    // 2025 notice §四(三): 推荐截止时间为2025年9月30日.
    expect(c?.deadline).toBe('2025-09-30');
    expect(c?.data.stages.length).toBeGreaterThan(0);
  });

  it('stores only the SHA-256 of a token and finds the user by it; a chat identity maps to a user', async () => {
    const u = await tdb.db.transaction((tx) => createUser(tx, { name: '秘书处', role: 'secretariat', scope: { level: 'all' } }));
    expect(u.token).toMatch(/^kk_[A-Za-z0-9_-]{43}$/);
    const row = await tdb.db.query<{ token_hash: string }>('SELECT token_hash FROM users WHERE id = $1', [u.id]);
    expect(row.rows[0]!.token_hash).toBe(hashToken(u.token));
    expect(row.rows[0]!.token_hash).not.toContain(u.token.slice(3));
    const audit = await tdb.db.query<{ new_row: Record<string, unknown> }>(`SELECT new_row FROM audit_log WHERE table_name = 'users' AND row_key = $1`, [u.id]);
    expect(audit.rows[0]!.new_row).not.toHaveProperty('token_hash');
    expect((await principalForToken(tdb.db, u.token))?.userId).toBe(u.id);
    expect(await principalForToken(tdb.db, u.token.slice(0, -1) + (u.token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    await tdb.db.transaction((tx) => linkIdentity(tx, u.id, 'msteams', 'aad-object-1'));
    expect((await principalForIdentity(tdb.db, 'msteams', 'aad-object-1'))?.role).toBe('secretariat');
  });

  it('keeps bot turn state with etags: a stale write fails, a fresh one succeeds', async () => {
    const storage = new DatabaseBotStorage(tdb.db);
    await storage.write({ 'conv-1/user-1': { step: 'phone', answers: { orgName: '某公司' } } });
    const first = await storage.read(['conv-1/user-1', 'missing']);
    expect(Object.keys(first)).toEqual(['conv-1/user-1']);
    const item = first['conv-1/user-1']!;
    expect(item).toMatchObject({ step: 'phone', answers: { orgName: '某公司' } });
    await storage.write({ 'conv-1/user-1': { ...item, step: 'size' } });
    await expect(storage.write({ 'conv-1/user-1': { ...item, step: 'stale' } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(['conv-1/user-1']))['conv-1/user-1']!.step).toBe('size');
    await storage.write({ 'conv-1/user-1': { step: 'forced', eTag: '*' } });
    expect((await storage.read(['conv-1/user-1']))['conv-1/user-1']!.step).toBe('forced');
    await storage.delete(['conv-1/user-1']);
    expect(await storage.read(['conv-1/user-1'])).toEqual({});
  });

  it("two storages on one database see each other's writes at once, and a write whose transaction fails changes nothing", async () => {
    // On PGlite, reads after the first come from the in-process copy; it must always agree with the table.
    const a = new DatabaseBotStorage(tdb.db);
    const b = new DatabaseBotStorage(tdb.db);
    const tableRow = async (key: string) =>
      (await tdb.db.query<{ value: Record<string, unknown>; etag: string }>('SELECT value, etag FROM bot_state WHERE key = $1', [key])).rows[0];
    expect(await a.read(['shared'])).toEqual({});
    await b.write({ shared: { step: 'one' } });
    const fromA = (await a.read(['shared']))['shared']!;
    expect(fromA).toEqual({ step: 'one', eTag: (await tableRow('shared'))!.etag });
    // Callers may mutate what they read (botbuilder's state classes do); the next read must not see that.
    (fromA as { step: string }).step = 'mutated in memory';
    expect((await b.read(['shared']))['shared']!.step).toBe('one');
    // A batch whose second item is stale rolls back as a whole: the first item keeps its old value too.
    await a.write({ other: { n: 1 } });
    const other = (await a.read(['other']))['other']!;
    await b.write({ shared: { ...fromA, step: 'two' } });
    await expect(a.write({ other: { ...other, n: 2 }, shared: { ...fromA, step: 'stale' } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await a.read(['other']))['other']).toMatchObject({ n: 1, eTag: (await tableRow('other'))!.etag });
    expect((await a.read(['shared']))['shared']).toMatchObject({ step: 'two', eTag: (await tableRow('shared'))!.etag });
    expect(await b.insertIfAbsent('shared', { step: 'never' })).toBe(false);
    expect(await b.insertIfAbsent('fresh', { step: 'new' })).toBe(true);
    expect((await a.read(['fresh']))['fresh']).toMatchObject({ step: 'new', eTag: (await tableRow('fresh'))!.etag });
    await a.delete(['shared', 'other', 'fresh']);
    expect(await b.read(['shared', 'other', 'fresh'])).toEqual({});
  });

  it('keeps conversation references for proactive messages', async () => {
    const ref = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.trafficmanager.net/cn/', channelId: 'msteams' };
    await saveConversationReference(tdb.db, 'msteams:a:1', ref);
    expect((await getConversationReference(tdb.db, 'msteams:a:1'))?.reference).toEqual(ref);
  });
});

describe('the PGlite bot-state cache', () => {
  it('does not keep what a read fetched when a write landed while it was in flight', () => {
    const cache = new BotStateCache();
    const mark = cache.readMark();
    cache.written('k', { json: '{"v":"new"}', etag: 'e2' });
    cache.fill(mark, 'k', { json: '{"v":"old"}', etag: 'e1' });
    expect(cache.get('k')).toEqual({ json: '{"v":"new"}', etag: 'e2' });
    cache.forget('k');
    expect(cache.get('k')).toBeUndefined();
  });

  it('is used only for PGlite: PostgreSQL is shared by several service processes', () => {
    const fake = (kind: 'pglite' | 'postgres') => ({ kind }) as unknown as Database;
    const lite = fake('pglite');
    expect(botStateCacheFor(lite)).toBeInstanceOf(BotStateCache);
    expect(botStateCacheFor(lite)).toBe(botStateCacheFor(lite));
    expect(botStateCacheFor(fake('postgres'))).toBeUndefined();
  });
});

describe('scopes', () => {
  it('match places whatever the administrative suffix', () => {
    const place = { province: '上海市', city: '上海市', district: '浦东新区' };
    expect(scopeCoversPlace(parseScope('province:上海'), place)).toBe(true);
    expect(scopeCoversPlace(parseScope('district:上海/浦东新区'), place)).toBe(true);
    expect(scopeCoversPlace(parseScope('district:上海/黄浦区'), place)).toBe(false);
    expect(scopeCoversPlace(parseScope('province:河北'), place)).toBe(false);
    const sjz = { province: '河北省', city: '石家庄市', district: '长安区' };
    expect(scopeCoversPlace(parseScope('city:河北/石家庄'), sjz)).toBe(true);
    expect(scopeCoversPlace(parseScope('district:河北/石家庄/长安区'), sjz)).toBe(true);
    expect(scopeCoversPlace(parseScope('district:河北/唐山/长安区'), sjz)).toBe(false);
  });
});

describe.runIf(backends.some((b) => b.name === 'postgres'))('migrations from several processes at once (PostgreSQL)', () => {
  it('apply once under the advisory lock when four pools start together', async () => {
    const schema = `kekao_test_mig_${Date.now().toString(36)}`;
    const url = process.env.DATABASE_URL!;
    const dbs = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url, schema, 2)));
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      const seeded = await Promise.all(dbs.map((db) => ensureDefaultCampaign(db)));
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const n = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(n.rows[0]!.n).toBe((await loadMigrations()).length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await dropSchema(schema);
    }
  });
});
