import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import { openPglite } from '../src/db/pglite.js';
import { migrate } from '../src/db/migrate.js';
import type { Database } from '../src/db/database.js';
import { wecomRoute, WECOM_PATH } from '../src/channels/wecom/mount.js';
import { createWecomSimulator } from '../src/channels/wecom/tryit/simulator.js';
import { startMockWecomApi, type MockWecomApi } from '../src/channels/wecom/tryit/mockApi.js';
import { cdata } from '../src/channels/wecom/xml.js';
import { encryptMessage, signature } from '../src/channels/wecom/crypto.js';
import { randomBytes } from 'node:crypto';

/**
 * The callback URL over real HTTP with WeCom's official sample settings (callback/Sample.py:
 * Token hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo, CorpID ww1436e0e65a779aee; the clock set to the
 * samples' timestamps): the sample URL verification and the sample message are accepted; a bad
 * signature, another CorpID, a replayed or future timestamp, an undecryptable body and malformed
 * XML are refused with nothing processed (no receipt, no conversation state, nothing sent) and
 * logged without the payload.
 */

const SAMPLE = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
  agentId: 1000002,
  secret: 'sample-secret',
};

let db: Database;
let server: RunningServer;
let mock: MockWecomApi;
let route: ReturnType<typeof wecomRoute>;
const clock = { now: new Date(1476416373 * 1000) };
const logs: string[] = [];

beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
  mock = await startMockWecomApi({ corpId: SAMPLE.corpId, secret: SAMPLE.secret, agentId: SAMPLE.agentId });
  route = wecomRoute({ config: { ...SAMPLE, apiBase: mock.url } });
  server = await createServer(
    { port: 0, host: '127.0.0.1', logLevel: 'debug', addinDir: '/nonexistent-addin' },
    { db, logger: createLogger('debug', {}, (line) => logs.push(line)), now: () => clock.now, channels: [route] },
  );
});
afterAll(async () => {
  await server?.close();
  await mock?.close();
  await db?.close();
});

const url = () => `${server.url}${WECOM_PATH}`;

async function nothingProcessed(): Promise<void> {
  expect((await db.query('SELECT dedupe_key FROM wecom_receipts')).rows).toEqual([]);
  expect((await db.query('SELECT key FROM bot_state')).rows).toEqual([]);
  expect(mock.sent).toEqual([]);
  expect(mock.calls).toEqual({});
}

describe('the official samples', () => {
  it('answers the sample URL verification with the decrypted echostr', async () => {
    clock.now = new Date(1476416373 * 1000);
    const q = new URLSearchParams({
      msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
      timestamp: '1476416373',
      nonce: '47744683',
      echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    });
    const res = await fetch(`${url()}?${q}`);
    expect(res.status).toBe(200);
    // The plaintext, decrypted independently by bot/test/reference/wecom_crypto.py.
    expect(await res.text()).toBe('1288432023552776189');
  });

  it('refuses the same verification once the clock is past the ±5-minute window', async () => {
    clock.now = new Date((1476416373 + 301) * 1000);
    const q = new URLSearchParams({
      msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
      timestamp: '1476416373',
      nonce: '47744683',
      echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    });
    const res = await fetch(`${url()}?${q}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('wecom.replayed');
  });
});

describe('refused requests: nothing processed, nothing sent, payload not logged', () => {
  const sim = () => createWecomSimulator({ callbackUrl: url(), ...SAMPLE, nowMs: () => clock.now.getTime() });
  const SECRET_TEXT = '绝密内容-不应出现在日志';

  beforeAll(() => {
    clock.now = new Date('2025-09-20T02:00:00Z');
  });

  it('a bad signature', async () => {
    const r = await sim().text('zhangsan', SECRET_TEXT, undefined, { signature: '0'.repeat(40) });
    expect(r.status).toBe(403);
    expect(r.body).toContain('wecom.badSignature');
    await nothingProcessed();
  });

  it('a message encrypted for another CorpID (wrong ReceiveId)', async () => {
    const r = await sim().text('zhangsan', SECRET_TEXT, undefined, { receiveId: 'wwsomeoneelse' });
    expect(r.status).toBe(403);
    expect(r.body).toContain('wecom.wrongReceiveId');
    await nothingProcessed();
  });

  it('a replayed (old) and a future timestamp', async () => {
    const now = Math.floor(clock.now.getTime() / 1000);
    for (const ts of [now - 301, now + 301, 1409659813]) {
      const r = await sim().text('zhangsan', SECRET_TEXT, undefined, { timestamp: String(ts) });
      expect(r.status).toBe(403);
      expect(r.body).toContain('wecom.replayed');
    }
    // Inside the window is accepted (it is the same code path the refusals take).
    const ok = await sim().text('zhangsan', '你好', undefined, { timestamp: String(now - 299) });
    expect(ok.status).toBe(200);
    await route.idle();
    await db.query('DELETE FROM wecom_receipts');
    await db.query('DELETE FROM bot_state');
    mock.sent.length = 0;
    for (const k of Object.keys(mock.calls)) delete mock.calls[k];
  });

  it('malformed XML: the envelope, the decrypted message, a message missing its fields', async () => {
    const s = sim();
    for (const tamper of [
      { rawBody: '<xml><Encrypt>abc</xml>' },
      { rawBody: `<xml><Encrypt>${cdata('x')}</Encrypt></xml><second/>` },
      { rawBody: '<!DOCTYPE xml [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>' },
      { rawMessage: `<xml><ToUserName>${cdata(SAMPLE.corpId)}</ToUserName><Content>${cdata(SECRET_TEXT)}</Content>` },
      { rawMessage: `<xml><ToUserName>${cdata(SAMPLE.corpId)}</ToUserName><MsgType>${cdata('text')}</MsgType><Content>${cdata(SECRET_TEXT)}</Content></xml>` },
    ]) {
      const r = await s.text('zhangsan', SECRET_TEXT, undefined, tamper);
      expect(r.status, JSON.stringify(tamper)).toBe(400);
      expect(r.body).toContain('wecom.malformed');
    }
    await nothingProcessed();
  });

  it('a body that does not decrypt (signed correctly, so only decryption refuses it)', async () => {
    const garbage = randomBytes(64).toString('base64');
    const timestamp = String(Math.floor(clock.now.getTime() / 1000));
    const q = new URLSearchParams({ msg_signature: signature(SAMPLE.token, timestamp, '1', garbage), timestamp, nonce: '1' });
    const res = await fetch(`${url()}?${q}`, {
      method: 'POST',
      body: `<xml><ToUserName>${cdata(SAMPLE.corpId)}</ToUserName><Encrypt>${cdata(garbage)}</Encrypt></xml>`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('wecom.undecryptable');
    // Encrypted with another EncodingAESKey.
    const other = encryptMessage('B'.repeat(43), SAMPLE.corpId, '<xml/>');
    const q2 = new URLSearchParams({ msg_signature: signature(SAMPLE.token, timestamp, '2', other), timestamp, nonce: '2' });
    const res2 = await fetch(`${url()}?${q2}`, {
      method: 'POST',
      body: `<xml><ToUserName>${cdata(SAMPLE.corpId)}</ToUserName><Encrypt>${cdata(other)}</Encrypt></xml>`,
    });
    expect([400, 403]).toContain(res2.status);
    await nothingProcessed();
  });

  it('missing query parameters', async () => {
    const res = await fetch(url(), { method: 'POST', body: '<xml><Encrypt>x</Encrypt></xml>' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('wecom.badQuery');
    await nothingProcessed();
  });

  it('logged every refusal with its reason and without the message', () => {
    const refusals = logs.map((l) => JSON.parse(l) as { msg: string; key?: string }).filter((l) => l.msg === 'wecom callback refused');
    expect(new Set(refusals.map((r) => r.key))).toEqual(
      new Set(['wecom.replayed', 'wecom.badSignature', 'wecom.wrongReceiveId', 'wecom.malformed', 'wecom.undecryptable', 'wecom.badQuery']),
    );
    const all = logs.join('\n');
    expect(all).not.toContain(SECRET_TEXT);
    expect(all).not.toContain(SAMPLE.aesKey);
    expect(all).not.toContain(SAMPLE.token);
  });
});
