import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openPglite } from '@kekao/service/db';
import type { Database } from '@kekao/service/db';
import type { RunningServer } from '@kekao/service/server';
import { org, startServer, user } from '@kekao/service/test';
import { uploadSubmission } from '@kekao/addin/taskpane';
import { readWorkbook } from '@kekao/workbook';
import { writeTemplate } from '@kekao/workbook';
import { validateSubmission, type Submission } from '@kekao/core';

/**
 * The add-in's export button against the real service: the same upload
 * function the task pane calls, through real HTTP, into the service's database.
 */
describe('add-in upload → service', () => {
  let db: Database;
  let server: RunningServer;
  let enterpriseToken: string;
  let officerToken: string;

  beforeAll(async () => {
    db = await openPglite(undefined);
    server = await startServer(db);
    const company = await org(db, { kind: 'enterprise', name: '上海可靠电源科技有限公司（示例）', province: '上海市', city: '上海市', district: '浦东新区' });
    enterpriseToken = (await user(db, '企业质量工程师', 'enterprise', 'org', company.id)).token;
    officerToken = (await user(db, '浦东区局', 'officer', 'district:上海/浦东新区')).token;
  });
  afterAll(async () => {
    await server.close();
  });

  it('uploads the example workbook read in preview mode and the service stores it with its assessment', async () => {
    const read = await readWorkbook(await writeTemplate('best-practice', { example: true }), { fileName: 'example.xlsx' });
    expect(read.errors).toEqual([]);
    const valid = validateSubmission(read.submission);
    expect(valid.ok).toBe(true);
    const submission = (valid as { ok: true; submission: Submission }).submission;
    const result = await uploadSubmission(server.url, enterpriseToken, submission);
    expect(result).toMatchObject({ ok: true, status: 201 });
    if (!result.ok || !result.id) throw new Error('no id');
    const stored = await fetch(`${server.url}/api/v1/submissions/${result.id}`, { headers: { authorization: `Bearer ${officerToken}` } });
    expect(stored.status).toBe(200);
    const body = (await stored.json()) as { status: string; assessment: { total: number; indicators: Array<{ code: string }> } };
    expect(body.status).toBe('草稿');
    expect(body.assessment.indicators.map((i) => i.code)).toEqual(['Ic', 'Id', 'Ir', 'W', 'C', 'G']);
  });

  it('shows the service’s Chinese error for a bad token and changes nothing', async () => {
    const example = JSON.parse(await readFile(fileURLToPath(new URL('../../examples/best-practice.json', import.meta.url)), 'utf8'));
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
    const result = await uploadSubmission(server.url, 'kk_forged', example);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(401);
      expect(result.message).toMatch(/令牌/);
    }
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
