import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, reliabilitySubmission, startServer, user } from './helpers/fixtures.js';
import type { RunningServer } from '../src/server.js';
import { isLegalPath } from '../src/workflow/transitions.js';
import type { Status } from '../src/workflow/statuses.js';
import { writeTemplate } from '@kekao/workbook';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';

/**
 * 50 parallel uploads and racing transitions through real HTTP: nothing acknowledged is lost,
 * nothing is stored twice, and every status path in status_history is a walk of the state machine.
 */
const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };
const N = 50;

describe.each(backends)('concurrency on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  const t: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    tdb = await backend.open();
    server = await startServer(tdb.db);
    const a = await org(tdb.db, { kind: 'enterprise', ...ENT });
    t.enterprise = await user(tdb.db, '企业甲', 'enterprise', 'org', a.id);
    t.district = await user(tdb.db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    t.province = await user(tdb.db, '上海市局', 'officer', 'province:上海');
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  it(`stores ${N} parallel uploads (JSON and xlsx) exactly once each, and racing transitions keep every path legal`, async () => {
    const book = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    const uploads = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 5 === 4
          ? call(server.url, 'POST', `/api/v1/submissions?campaign=2026&fileName=book-${i}.xlsx`, t.province, book, XLSX_TYPE)
          : call(server.url, 'POST', '/api/v1/submissions?campaign=2026', i % 2 ? t.enterprise : t.district, reliabilitySubmission(ENT, `产品-${i}`)),
      ),
    );
    for (const u of uploads) expect(u.status, JSON.stringify(u.json)).toBe(201);
    const ids = uploads.map((u) => u.json.id as string);
    expect(new Set(ids).size).toBe(N);
    const stored = await tdb.db.query<{ id: string; n: number }>(
      `SELECT s.id, (SELECT count(*)::int FROM status_history h WHERE h.submission_id = s.id) AS n FROM submissions s
       WHERE s.evidence IS NOT NULL AND s.assessment ? 'indicators'`,
    );
    expect(stored.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.rows.every((r) => r.n === 1)).toBe(true);

    // Each entry gets racing requests at once: two submits, a withdrawal, a screening start (only
    // legal after a submit) and a forward to the province (legal only after screening).
    const racers = ids.flatMap(
      (id) =>
        [
          ['enterprise', id, '已提交'],
          ['district', id, '已提交'],
          ['enterprise', id, '撤回'],
          ['district', id, '区县初审'],
          ['district', id, '省级审核'],
        ] as const,
    );
    const results = await Promise.all(
      racers.map(([who, id, to]) => call(server.url, 'POST', `/api/v1/submissions/${id}/transitions`, t[who], { to }).then((r) => ({ id, who, to, r }))),
    );
    // The example workbooks belong to another enterprise (上海可靠电源科技有限公司（示例）): enterprise
    // A's calls on them are 404; every other answer is done (200) or refused as a conflict (409).
    const foreign = new Set(ids.filter((_, i) => i % 5 === 4));
    for (const { id, r } of results) {
      const allowed = foreign.has(id) ? [200, 404, 409] : [200, 409];
      expect(allowed, JSON.stringify(r.json)).toContain(r.status);
    }
    expect(results.some(({ r }) => r.status === 200)).toBe(true);

    for (const id of ids) {
      const h = await tdb.db.query<{ from_status: Status | null; to_status: Status }>(
        'SELECT from_status, to_status FROM status_history WHERE submission_id = $1 ORDER BY id',
        [id],
      );
      const path = h.rows.map((r) => r.to_status);
      expect(isLegalPath(path), `${id}: ${path.join(' → ')}`).toBe(true);
      // Each row's "from" is the previous row's "to": no step was applied to a stale status.
      h.rows.forEach((row, i) => expect(row.from_status).toBe(i === 0 ? null : h.rows[i - 1]!.to_status));
      const s = await tdb.db.query<{ status: Status; version: number }>('SELECT status, version FROM submissions WHERE id = $1', [id]);
      expect(s.rows[0]!.status).toBe(path.at(-1));
      expect(s.rows[0]!.version).toBe(path.length);
      // Every acknowledged transition is in the history exactly once.
      const acknowledged = results.filter((x) => x.id === id && x.r.status === 200).length;
      if (foreign.has(id)) expect(results.filter((x) => x.id === id && x.who === 'enterprise').every((x) => x.r.status === 404)).toBe(true);
      expect(path.length - 1).toBe(acknowledged);
    }
  }, 300_000);
});
