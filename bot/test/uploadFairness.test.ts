/**
 * Big uploads do not hold up the small requests behind them: while large JSON submissions and
 * workbooks are being received, parsed (workbooks on the reader threads) and stored in PGlite, a
 * status read sent after them is answered before the last of them is. Ordering, not timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import type { RunningServer } from '../src/server.js';
import { writeTemplate } from '@kekao/workbook';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';
import { call, org, reliabilitySubmission, startServer, user } from './helpers/fixtures.js';

const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };

/** A submission of about 2 MB of JSON: many measured values per stage. */
function bigSubmission(i: number) {
  const values = (centre: number) => Array.from({ length: 40_000 }, (_, k) => Math.round((centre + Math.sin(k + i) * 0.05) * 1e4) / 1e4);
  return reliabilitySubmission(ENT, `开关电源 KP-${i}`, {
    ic: {
      parameters: [
        {
          name: '输出电压',
          unit: 'V',
          stages: [
            { stage: 't0', values: values(12) },
            { stage: 't1', usageHours: 2000, values: values(11.95) },
          ],
        },
      ],
    },
  });
}

describe('status reads during big uploads (PGlite)', () => {
  let db: Database;
  let server: RunningServer;
  let ent: { token: string };
  let secretariat: { token: string };
  let existing: string;

  beforeAll(async () => {
    db = await openPglite(undefined);
    server = await startServer(db);
    const a = await org(db, { kind: 'enterprise', ...ENT });
    ent = await user(db, '企业甲', 'enterprise', 'org', a.id);
    // The example workbook names its own enterprise; the secretariat may file for any.
    secretariat = await user(db, '秘书处', 'secretariat', 'all');
    const first = await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission(ENT));
    expect(first.status).toBe(201);
    existing = first.json.id;
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('answers a status read sent after six big uploads before the last upload is done', async () => {
    const book = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    const done: string[] = [];
    const uploads = [0, 1, 2].flatMap((i) => [
      call(server.url, 'POST', '/api/v1/submissions', ent, bigSubmission(i)).then((r) => (done.push(`json ${r.status}`), r)),
      call(server.url, 'POST', '/api/v1/submissions?fileName=example.xlsx', secretariat, book, XLSX_TYPE).then((r) => (done.push(`xlsx ${r.status}`), r)),
    ]);
    const status = await call(server.url, 'GET', `/api/v1/submissions/${existing}/status`, ent);
    done.push(`status ${status.status}`);
    const results = await Promise.all(uploads);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(status.status).toBe(200);
    expect(done.indexOf('status 200')).toBeLessThan(done.length - 1);
  });
});
