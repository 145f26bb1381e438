import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook, writeTemplate } from '@kekao/workbook';
import { WorkbookReaderPool, WorkerReadError } from '../src/api/workbookReaderPool.js';
import { WORKBOOK_KINDS } from '@kekao/core/workbook';

/**
 * Uploaded workbooks are read on worker threads: the same result as reading them here, several at
 * once, a failure confined to its own job, and a fallback to this thread when no worker can start.
 */

const readInThread = (bytes: Uint8Array, fileName: string | undefined) => readWorkbook(bytes, fileName ? { fileName } : {});
const pools: WorkbookReaderPool[] = [];
function pool(size: number, extra: Partial<ConstructorParameters<typeof WorkbookReaderPool>[0]> = {}): WorkbookReaderPool {
  const p = new WorkbookReaderPool({ size, readInThread, ...extra });
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('workbook reader threads', () => {
  it('read the example workbooks of every kind exactly as this thread does, several at once on two workers', async () => {
    const books = await Promise.all(WORKBOOK_KINDS.map((k) => writeTemplate(k, { example: true })));
    const p = pool(2);
    const jobs = [...books, ...books, ...books].map((b, i) => ({ bytes: new Uint8Array(b), name: `book-${i}.xlsx` }));
    const inWorkers = await Promise.all(jobs.map((j) => p.read(j.bytes, j.name)));
    for (const [i, j] of jobs.entries()) expect(inWorkers[i]).toEqual(await readWorkbook(j.bytes, { fileName: j.name }));
    expect(p.stats).toEqual({ inWorkers: 9, inThread: 0, workersStarted: 2 });
    // The caller's bytes are untouched (the worker got a copy).
    expect(jobs[0]!.bytes.byteLength).toBe(books[0]!.byteLength);
  });

  it("report a file that is not a workbook with the reader's own message, and keep working", async () => {
    const p = pool(1);
    const bad = new TextEncoder().encode('企业名称,产品\n冀北电源,开关电源\n');
    const result = (await p.read(bad, 'data.csv')) as { errors: Array<{ key: string }> };
    expect(result.errors.map((e) => e.key)).toEqual((await readWorkbook(bad, { fileName: 'data.csv' })).errors.map((e) => e.key));
    const good = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    expect(((await p.read(good)) as { kind: string }).kind).toBe('best-practice');
  });

  it('fail only the job of a worker that stops, with a message naming it', async () => {
    const p = pool(1);
    const book = new Uint8Array(await writeTemplate('best-practice', { example: true }));
    await p.read(book); // the worker is up
    const running = p.read(book);
    await p.close();
    await expect(running).rejects.toBeInstanceOf(WorkerReadError);
    await expect(running).rejects.toThrow(/线程/);
  });

  it('read on this thread when no worker can start', async () => {
    const p = pool(2, { workerUrl: new URL('./does-not-exist.mjs', import.meta.url) });
    const book = new Uint8Array(await writeTemplate('breakthrough', { example: true }));
    const [a, b] = await Promise.all([p.read(book), p.read(book)]);
    expect(a).toEqual(await readWorkbook(book));
    expect(b).toEqual(a);
    expect(p.stats.inThread).toBe(2);
    expect(p.stats.inWorkers).toBe(0);
  });
});

describe('KEKAO_WORKBOOK_WORKERS', () => {
  it('defaults to at most two threads, accepts 0, and names the variable when it is wrong', async () => {
    const { loadConfig, ConfigError } = await import('../src/config.js');
    expect(loadConfig({}).workbookWorkers).toBeGreaterThanOrEqual(1);
    expect(loadConfig({}).workbookWorkers).toBeLessThanOrEqual(2);
    expect(loadConfig({ KEKAO_WORKBOOK_WORKERS: '0' }).workbookWorkers).toBe(0);
    expect(() => loadConfig({ KEKAO_WORKBOOK_WORKERS: '两个' })).toThrow(ConfigError);
    expect(() => loadConfig({ KEKAO_WORKBOOK_WORKERS: '-1' })).toThrow(/KEKAO_WORKBOOK_WORKERS/);
  });
});
