/**
 * Upload to the service over real HTTP (node:http), and the pane settings stored in the document's
 * settings (Office.context.document.settings' get/set/saveAsync contract), validated with zod.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serviceErrorMessage, submissionsUrl, uploadSubmission } from '../src/taskpane/upload.js';
import { loadSettings, saveSettings } from '../src/taskpane/settings.js';
import type { Submission } from '@kekao/core/submission';

const submission = {
  rubric: 'reliability-2024',
  enterprise: { name: '示例企业' },
  product: { name: '示例产品' },
} as Submission;

let server: Server;
let base: string;
const seen: Array<{ method?: string; url?: string; auth?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body });
      if (req.headers.authorization !== 'Bearer t0k') {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { key: 'auth.invalidToken', zh: '访问令牌无效', en: 'invalid token' } }));
      } else if (JSON.parse(body).enterprise.name === '') {
        res.writeHead(422, { 'content-type': 'text/plain' }).end('nope');
      } else res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 42 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('upload', () => {
  it('POSTs the submission as JSON with the bearer token to /api/v1/submissions', async () => {
    const r = await uploadSubmission(base, 't0k', submission);
    expect(r).toEqual({ ok: true, status: 201, id: '42' });
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ method: 'POST', url: '/api/v1/submissions', auth: 'Bearer t0k', type: 'application/json' });
    expect(JSON.parse(last.body)).toEqual(submission);
    expect(submissionsUrl('https://a.b/x//')).toBe('https://a.b/x/api/v1/submissions');
  });

  it("shows the service's Chinese message, or the status when the body has none", async () => {
    expect(await uploadSubmission(base, 'wrong', submission)).toEqual({ ok: false, status: 401, message: '访问令牌无效 (auth.invalidToken)（HTTP 401）' });
    const r = await uploadSubmission(base, 't0k', { ...submission, enterprise: { name: '' } } as Submission);
    expect(r).toEqual({ ok: false, status: 422, message: '服务返回错误 HTTP 422 / the service answered HTTP 422' });
    expect(serviceErrorMessage(400, { error: '缺少字段 product.name' })).toBe('缺少字段 product.name（HTTP 400）');
  });

  it('names the service when it cannot be reached', async () => {
    const r = await uploadSubmission('http://127.0.0.1:1', 't0k', submission);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('无法连接服务 http://127.0.0.1:1');
  });
});

describe('settings in the document', () => {
  it('round-trips through Office.context.document.settings and refuses a bad URL', () => {
    const store = new Map<string, unknown>();
    let saved = 0;
    const g = globalThis as { Office?: unknown };
    g.Office = {
      context: {
        document: { settings: { get: (k: string) => store.get(k) ?? null, set: (k: string, v: unknown) => store.set(k, v), saveAsync: () => saved++ } },
      },
    };
    try {
      expect(loadSettings()).toEqual({ serviceUrl: '', token: '', lang: 'zh' });
      expect(saveSettings({ serviceUrl: ' https://kekao.example.cn ', token: 'abc', lang: 'en' })).toEqual({
        ok: true,
        settings: { serviceUrl: 'https://kekao.example.cn', token: 'abc', lang: 'en' },
      });
      expect(saved).toBe(1);
      expect(loadSettings().lang).toBe('en');
      const bad = saveSettings({ serviceUrl: 'ftp://x', token: '' });
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.message).toContain('服务地址须以 http:// 或 https:// 开头');
      // A tampered store gives the defaults, not a crash.
      store.set('kekao.settings', { serviceUrl: 42 });
      expect(loadSettings()).toEqual({ serviceUrl: '', token: '', lang: 'zh' });
    } finally {
      delete g.Office;
    }
  });
});
