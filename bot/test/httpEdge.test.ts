import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { createServer, type RunningServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import { BEFORE_DEADLINE, call, org, reliabilitySubmission, silentLogger, user } from './helpers/fixtures.js';
import { rawRequest } from './helpers/rawHttp.js';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';
import { teamsRoute } from '../src/channels/teams/mount.js';

/**
 * The HTTP edge over real HTTP: authentication before the body, body limits per route, failed
 * logins limited, security headers, the add-in's files, HEAD, and 400 (never 500, never a stack
 * trace) for malformed requests — every error bilingual.
 */

const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };
const CJK = /[\u4e00-\u9fff]/;

/** An error answer as the API promises it: a Chinese and an English sentence, no exception text. */
function expectClientError(r: { status: number; json?: any; body: Buffer }, status: number) {
  expect(r.status, r.body.toString('utf8').slice(0, 300)).toBe(status);
  expect(r.json?.error?.zh).toMatch(CJK);
  expect(r.json?.error?.en).toMatch(/[a-z]/);
  const text = r.body.toString('utf8');
  expect(text).not.toMatch(/\n\s+at |FST_ERR|URIError|SyntaxError|TypeError/);
}

describe('the HTTP edge', () => {
  let dir: string;
  let db: Database;
  let server: RunningServer;
  let ent: { token: string };
  let officer: { token: string };
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-edge-'));
    const dist = path.join(dir, 'dist');
    await mkdir(dist, { recursive: true });
    await writeFile(path.join(dist, 'taskpane.html'), '<!doctype html><title>kekao 评分助手</title>');
    await writeFile(path.join(dist, 'taskpane.js'), 'export {}\n//# sourceMappingURL=taskpane.js.map');
    await writeFile(path.join(dist, 'taskpane.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
    await writeFile(path.join(dir, 'outside.txt'), 'not for the web');
    await symlink(path.join(dir, 'outside.txt'), path.join(dist, 'linked.txt'));
    await symlink(path.join(dist, 'taskpane.html'), path.join(dist, 'alias.html'));
    db = await openPglite(undefined);
    const logger = createLogger('debug', {}, (line) => logLines.push(JSON.parse(line)));
    server = await createServer({ port: 0, host: '127.0.0.1', logLevel: 'debug', addinDir: dist }, { db, logger, now: () => BEFORE_DEADLINE });
    const a = await org(db, { kind: 'enterprise', ...ENT });
    ent = await user(db, '企业甲', 'enterprise', 'org', a.id);
    officer = await user(db, '上海市局', 'officer', 'province:上海');
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('authenticates before reading the body: a request declaring 10 MB gets 401 without sending it', async () => {
    const head = `POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer kk_wrong\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`;
    // Only the headers are sent: an answer proves the server did not wait for (or read) the body.
    const r = await rawRequest(server.url, head);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.zh).toMatch(CJK);
  });

  it('limits bodies per route: a small JSON route refuses 100 KB with 413, the upload route reads it', async () => {
    const big = { to: '已提交', note: 'x'.repeat(100 * 1024) };
    const id = '00000000-0000-4000-8000-000000000000';
    expectClientError(await call(server.url, 'POST', `/api/v1/submissions/${id}/transitions`, officer, big), 413);
    const upload = await call(server.url, 'POST', '/api/v1/submissions', ent, { ...reliabilitySubmission(ENT), padding: 'x'.repeat(100 * 1024) });
    expect(upload.status).toBe(201);
  });

  it('sends the security headers: CSP with the Office hosts as frame ancestors, no X-Frame-Options', async () => {
    for (const p of ['/taskpane.html', '/api/v1/me', '/healthz']) {
      const r = await fetch(server.url + p);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("default-src 'self'");
      expect(csp, p).toMatch(
        /frame-ancestors 'self' https:\/\/\*\.office\.com https:\/\/\*\.officeapps\.live\.com https:\/\/\*\.microsoft\.com https:\/\/\*\.sharepoint\.com/,
      );
      expect(csp, p).toContain("object-src 'none'");
      expect(r.headers.get('x-frame-options'), p).toBeNull();
      expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(r.headers.get('strict-transport-security'), p).toContain('max-age=');
    }
  });

  it('serves the add-in files but no symbolic link leaving the folder and no source map', async () => {
    expect((await fetch(`${server.url}/alias.html`)).status).toBe(200);
    const linked = await fetch(`${server.url}/linked.txt`);
    expect(linked.status).toBe(404);
    expect(await linked.text()).not.toContain('not for the web');
    expect((await fetch(`${server.url}/taskpane.js.map`)).status).toBe(404);
    expect((await fetch(`${server.url}/taskpane.js`)).status).toBe(200);
  });

  it('answers HEAD like GET without a body, for files, the API and the health check', async () => {
    for (const [p, who, status] of [
      ['/taskpane.html', undefined, 200],
      ['/api/v1/me', ent, 200],
      ['/api/v1/me', undefined, 401],
      ['/api/v1/campaigns', ent, 200],
      ['/healthz', undefined, 200],
      ['/api/v1/openapi.json', undefined, 200],
      ['/missing.js', undefined, 404],
    ] as const) {
      const headers: Record<string, string> = who ? { authorization: `Bearer ${who.token}` } : {};
      const get = await fetch(server.url + p, { headers });
      const getBody = Buffer.from(await get.arrayBuffer());
      const head = await fetch(server.url + p, { method: 'HEAD', headers });
      expect(head.status, p).toBe(status);
      expect(get.status, p).toBe(status);
      expect(head.headers.get('content-type'), p).toBe(get.headers.get('content-type'));
      expect(Number(head.headers.get('content-length') ?? getBody.length), p).toBe(getBody.length);
      expect((await head.arrayBuffer()).byteLength, p).toBe(0);
    }
  });

  it('answers malformed URLs and path parameters with 400, never 500', async () => {
    for (const p of ['/api/v1/submissions/%E0', '/api/v1/submissions/%ZZ', '/api/v1/submissions/%E0/status', '/%E0', '/api/v1/campaigns/%ZZ']) {
      const r = await call(server.url, 'GET', p, ent);
      expectClientError(r, 400);
    }
    for (const id of ['not-a-uuid', '------------------------------------', '00000000-0000-0000-0000-00000000000g', 'a'.repeat(300)]) {
      const r = await call(server.url, 'GET', `/api/v1/submissions/${id}`, ent);
      expectClientError(r, 400);
      expect(r.json.error.path).toBe('id');
    }
    expectClientError(await call(server.url, 'GET', '/api/v1/campaigns/a%20b', ent), 400);
  });

  it('answers malformed bodies and headers with 400 and strings that cannot be stored with 422', async () => {
    const bad = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ent.token}`, 'content-type': 'application/json' },
      body: '{"rubric": "reliability-2024",',
    });
    expectClientError({ status: bad.status, json: await bad.clone().json(), body: Buffer.from(await bad.arrayBuffer()) }, 400);
    const badName = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ent.token}`, 'content-type': XLSX_TYPE, 'x-file-name': '%E0.xlsx' },
      body: Buffer.from('PK'),
    });
    expectClientError({ status: badName.status, json: await badName.clone().json(), body: Buffer.from(await badName.arrayBuffer()) }, 400);
    const nul = await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission(ENT, '开关电源\u0000KP-100'));
    expectClientError(nul, 422);
    expect(nul.json.error.path).toBe('product.name');
    // JSON.stringify writes a lone surrogate as \udc00, which JSON.parse turns back into one.
    const lone = await call(server.url, 'POST', '/api/v1/submissions', ent, reliabilitySubmission({ ...ENT, name: '上海某电源\udc00有限公司' }));
    expectClientError(lone, 422);
    expect(lone.json.error.path).toBe('enterprise.name');
    const query = await call(server.url, 'GET', '/api/v1/submissions?campaign=20%0025', ent);
    expectClientError(query, 422);
    expect(query.json.error.path).toBe('query.campaign');
    const nulName = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ent.token}`, 'content-type': XLSX_TYPE, 'x-file-name': 'a%00.xlsx' },
      body: Buffer.from('PK'),
    });
    expect(nulName.status).toBe(422);
  });

  it("documents the edge's answers in the OpenAPI document: 400 and 429 everywhere, 507 on writes, UUID path parameters", async () => {
    const doc = (await call(server.url, 'GET', '/api/v1/openapi.json', undefined)).json;
    const status = doc.paths['/api/v1/submissions/{id}'].get;
    expect(Object.keys(status.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '429']));
    expect(status.parameters.find((p: { name: string }) => p.name === 'id').schema).toMatchObject({ type: 'string', format: 'uuid' });
    const upload = doc.paths['/api/v1/submissions'].post;
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['400', '413', '422', '429', '507']));
    expect(upload.responses['507'].description).toMatch(/存储空间不足.*insufficient storage/);
    expect(doc.paths['/api/v1/campaigns/{id}'].get.parameters[0].schema.pattern).toBeDefined();
  });

  it('writes the request id into the JSON log lines of the request', async () => {
    const r = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${ent.token}` } });
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setImmediate(resolve));
    const line = logLines.find((l) => l.requestId === id && l.msg === 'request');
    expect(line).toMatchObject({ level: 'debug', method: 'GET', path: '/api/v1/me', status: 200 });
    // Lines written while serving a request carry its id too (here: the refused token's).
    const refused = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer kk_${'C'.repeat(43)}` } });
    expect(refused.status).toBe(401);
    expect(logLines.find((l) => l.requestId === refused.headers.get('x-request-id') && l.msg === 'authentication failed')).toMatchObject({
      level: 'info',
      key: 'auth.invalidToken',
    });
  });
});

describe('the Teams endpoint on the edge', () => {
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    db = await openPglite(undefined);
    server = await createServer(
      { port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin', maxJsonBytes: 64 * 1024 },
      { db, logger: silentLogger, channels: [teamsRoute()] },
    );
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('answers a malformed activity 400, an oversized one 413 and GET 405, each in general words', async () => {
    const post = (body: string) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const asCall = async (r: Response) => ({ status: r.status, json: await r.clone().json(), body: Buffer.from(await r.arrayBuffer()), headers: r.headers });
    const bad = await asCall(await post('{"type": "message", "text": "你好'));
    expectClientError(bad, 400);
    expect(bad.body.toString('utf8')).not.toMatch(/Unterminated|position|JSON\.parse/);
    expectClientError(await asCall(await post(JSON.stringify({ type: 'message', text: 'x'.repeat(100 * 1024) }))), 413);
    const get = await asCall(await fetch(`${server.url}/api/messages`));
    expectClientError(get, 405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('failed authentications', () => {
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    db = await openPglite(undefined);
    server = await createServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: '/nonexistent-addin' }, { db, logger: silentLogger });
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('answer 429 in Chinese and English after 20 from one address within a minute, even for a good token', async () => {
    const good = await user(db, '秘书处', 'secretariat', 'all');
    for (let i = 0; i < 20; i++) {
      const r = await call(server.url, 'GET', '/api/v1/me', { token: `kk_${'A'.repeat(42)}${i % 10}` });
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await call(server.url, 'GET', '/api/v1/me', { token: `kk_${'B'.repeat(43)}` });
    expectClientError(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(server.url, 'GET', '/api/v1/me', good)).status).toBe(429);
  });
});
