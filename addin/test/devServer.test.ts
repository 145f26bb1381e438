/**
 * The add-in's static server (Fastify + @fastify/static) over real HTTP, and the dev server
 * entry (addin/devServer.ts) as `npm run addin:start` runs it, over real https with a throwaway
 * certificate made by openssl: a malformed URL (`/%E0`) is a 400 and the server keeps serving;
 * paths cannot leave the served directory; the command line is strict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticServer } from '../tools/staticServer.js';
import { runTsx } from './helpers/runTsx.js';
import { ROOT } from './helpers/kekaoCli.js';

let work: string;
let site: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-devserver-'));
  site = join(work, 'dist');
  await mkdir(join(site, 'assets'), { recursive: true });
  await writeFile(join(site, 'taskpane.html'), '<!doctype html><title>kekao</title>');
  await writeFile(join(site, 'functions.json'), '{"functions":[]}');
  await writeFile(join(work, 'secret.txt'), 'outside the served directory');
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('static server over http', () => {
  it('serves the add-in files, answers /%E0 with 400 and keeps serving, never leaves its root', async () => {
    const app = await createStaticServer({ root: site });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('<title>kekao</title>');
      const json = await fetch(`${base}/functions.json`);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await fetch(`${base}/functions.json`, { method: 'HEAD' })).status).toBe(200);

      for (const bad of ['/%E0', '/assets/%E0%A4%A', '/%']) expect((await fetch(`${base}${bad}`)).status, bad).toBe(400);
      for (const traversal of ['/..%2Fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/%2e%2e/secret.txt']) {
        const r = await fetch(`${base}${traversal}`);
        expect([400, 403, 404], traversal).toContain(r.status);
        expect(await r.text()).not.toContain('outside the served directory');
      }
      expect((await fetch(`${base}/missing.js`)).status).toBe(404);
      expect((await fetch(`${base}/taskpane.html`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

/** GET over https trusting nothing but reaching the throwaway certificate (rejectUnauthorized off for it only). */
function httpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('addin/devServer.ts (https)', () => {
  it('serves over https, survives a malformed URL', async () => {
    const certDir = join(work, 'certs');
    await mkdir(certDir);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(certDir, 'localhost.key'),
        '-out',
        join(certDir, 'localhost.crt'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'addin/devServer.ts', '--port=0', `--dist=${site}`, `--cert-dir=${certDir}`],
      { cwd: ROOT },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /https:\/\/localhost:(\d+)\//.exec(out);
          if (m) resolve(`https://localhost:${m[1]}`);
        });
        child.on('exit', (code) => reject(new Error(`dev server exited ${code}`)));
      });
      expect((await httpsGet(`${url}/%E0`)).status).toBe(400);
      const page = await httpsGet(`${url}/taskpane.html`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>kekao</title>');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses an unknown flag and a bad port with exit code 2, listing the valid flags', async () => {
    const unknown = await runTsx(['addin/devServer.ts', '--prot=3000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知参数 --prot / unknown flag --prot');
    expect(unknown.stderr).toContain('valid flags: --port=3000 --dist=DIR --cert-dir=DIR');
    const port = await runTsx(['addin/devServer.ts', '--port=abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be an integer 0–65535');
  });
});
