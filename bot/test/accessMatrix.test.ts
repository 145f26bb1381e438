import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, startServer, user, type Caller } from './helpers/fixtures.js';
import { ACTIONS } from './accessMatrix/matrixActions.js';
import { CALLERS, ENT_A, ENT_B, TO_PROVINCE, assistanceBody, freshDraft, walk, type CallerName, type World } from './accessMatrix/matrixWorld.js';
import { snapshot } from './helpers/snapshot.js';
import type { RunningServer } from '../src/server.js';

/**
 * Every role × every API action, through real HTTP: who may do what, and a refused call changes
 * nothing (a digest of every table before and after is equal).
 */

describe.each(backends)('access-control matrix on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let world: World;

  beforeAll(async () => {
    tdb = await backend.open();
    const db = tdb.db;
    server = await startServer(db);
    const a = await org(db, { kind: 'enterprise', ...ENT_A });
    const b = await org(db, { kind: 'enterprise', ...ENT_B });
    const institute = await org(db, { kind: 'institution', name: '某可靠性研究所' });
    const u = {
      enterprise: await user(db, '企业甲', 'enterprise', 'org', a.id),
      otherEnterprise: await user(db, '企业乙', 'enterprise', 'org', b.id),
      districtOfficer: await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区'),
      provinceOfficer: await user(db, '上海市局', 'officer', 'province:上海'),
      otherProvinceOfficer: await user(db, '河北省局', 'officer', 'province:河北'),
      secretariat: await user(db, '秘书处', 'secretariat', 'all'),
      assignedReviewer: await user(db, '专家甲', 'reviewer', 'assigned', institute.id),
      unassignedReviewer: await user(db, '专家乙', 'reviewer', 'assigned', institute.id),
      recusedReviewer: await user(db, '专家丙（甲公司）', 'reviewer', 'assigned', a.id),
    };
    const callers = {
      ...Object.fromEntries(Object.entries(u).map(([k, v]) => [k, { token: v.token }])),
      missingToken: {},
      forgedToken: { token: `kk_${randomBytes(32).toString('base64url')}` },
    } as Record<CallerName, Caller>;
    world = { url: server.url, callers, ids: { s1: '', case1: '', assignedReviewerId: u.assignedReviewer.id }, db };
    // The shared entry S1: in expert review with one assigned reviewer.
    const s1 = await freshDraft(world);
    await walk(world, s1, [...TO_PROVINCE, ['provinceOfficer', '专家评审']]);
    const assign = await call(server.url, 'POST', `/api/v1/submissions/${s1}/assignments`, callers.provinceOfficer, { reviewerId: u.assignedReviewer.id });
    expect(assign.status).toBe(201);
    // Assigning the reviewer from company A is refused (recusal, DB31/T 1368 §5.2) …
    const recuse = await call(server.url, 'POST', `/api/v1/submissions/${s1}/assignments`, callers.provinceOfficer, { reviewerId: u.recusedReviewer.id });
    expect(recuse.status).toBe(409);
    expect(recuse.json.error.key).toBe('assignment.recused');
    // … and even an assignment row that exists (say the expert joined company A after being
    // assigned) gives no access: recusal is checked on every call.
    await db.transaction(
      (tx) =>
        tx.query('INSERT INTO reviewer_assignments (submission_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)', [
          s1,
          u.recusedReviewer.id,
          u.provinceOfficer.id,
        ]),
      { actor: 'test' },
    );
    const c1 = await call(server.url, 'POST', '/api/v1/assistance-cases', callers.enterprise, assistanceBody());
    expect(c1.status).toBe(201);
    world.ids.s1 = s1;
    world.ids.case1 = c1.json.id;
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  it('covers at least 4 roles × 10 actions', () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(10);
    expect(CALLERS.length).toBeGreaterThanOrEqual(4 + 5);
  });

  for (const action of ACTIONS) {
    it(`${action.name}: each caller allowed or refused as it should be`, async () => {
      for (const who of CALLERS) {
        const expected = action.expect[who];
        const prep = action.prepare ? await action.prepare(world) : {};
        const before = await snapshot(world.db);
        const res = await action.run(world, world.callers[who], prep);
        const label = `${action.name} as ${who}: ${res.status} ${res.json ? JSON.stringify(res.json).slice(0, 200) : ''}`;
        if (expected === 'ok') {
          expect(res.status, label).toBeGreaterThanOrEqual(200);
          expect(res.status, label).toBeLessThan(300);
        } else if (expected === 'sees' || expected === 'hidden') {
          expect(res.status, label).toBe(200);
          expect(await action.sees!(world, res), label).toBe(expected === 'sees');
        } else {
          expect(res.status, label).toBe(expected);
          expect(res.json?.error?.key, label).toEqual(expect.any(String));
          expect(res.json?.error?.zh, label).toMatch(/[\u4e00-\u9fff]/u);
          // A refused call changes nothing.
          expect(await snapshot(world.db), label).toEqual(before);
        }
      }
    });
  }
});
