import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { createServer, type RunningServer } from '../src/server.js';
import { silentLogger } from './helpers/fixtures.js';

/** The service serves the add-in's built files, never anything outside their folder, and answers CORS preflights. */
describe('static add-in files and CORS', () => {
  let dir: string;
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-static-'));
    await mkdir(path.join(dir, 'dist', 'taskpane'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'taskpane', 'index.html'), '<!doctype html><title>可靠</title>');
    await writeFile(path.join(dir, 'dist', 'functions.js'), 'export {}');
    await writeFile(path.join(dir, 'dist', 'taskpane.html'), '<!doctype html><title>kekao 评分助手</title>');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the web');
    db = await openPglite(undefined);
    server = await createServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: path.join(dir, 'dist') }, { db, logger: silentLogger });
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files with their content type and index.html for a folder', async () => {
    const page = await fetch(`${server.url}/taskpane/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('可靠');
    const js = await fetch(`${server.url}/functions.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('opens the task pane at the site root', async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('评分助手');
  });

  it('never serves a file outside the add-in folder', async () => {
    // fetch() normalises "..", so send the raw request line.
    const raw = await new Promise<string>((resolve, reject) => {
      const url = new URL(server.url);
      const s = net.connect(Number(url.port), url.hostname, () => s.write('GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('end', () => resolve(data));
      s.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(raw).not.toContain('not for the web');
    expect((await fetch(`${server.url}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('answers CORS preflights for the API so the add-in can upload from its own origin', async () => {
    const r = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
