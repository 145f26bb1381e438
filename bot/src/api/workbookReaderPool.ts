import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { ReadResponse } from './workbookReaderWorker.js';
import { BilingualError } from '@kekao/core/i18n';

/**
 * Reads uploaded workbooks on worker threads, so a burst of xlsx uploads (exceljs parsing, about
 * 25 ms of CPU for a 35 KB file) neither blocks chat turns and status reads on the request
 * thread nor queues behind one core. Jobs wait in order for a free worker; idle workers do not
 * keep the process alive. A worker that dies fails only its own job (a message naming the
 * cause) and is replaced. If workers cannot start at all, reading falls back to the calling
 * thread and says so in the log once.
 */

export type ReadInThread = (bytes: Uint8Array, fileName: string | undefined) => Promise<unknown>;

export interface WorkbookReaderPoolOptions {
  size: number;
  readInThread: ReadInThread;
  log?: Logger;
  /** The worker entry (tests point it elsewhere to exercise the fallback). */
  workerUrl?: URL;
  /** Heap limit per worker, so a hostile file exhausts the worker, not the service. */
  maxHeapMb?: number;
}

interface Job {
  bytes: Uint8Array;
  fileName: string | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
}

/**
 * The worker entry beside this module. Compiled (dist/, `npm start`) that is the plain JavaScript
 * worker body; from the TypeScript sources (tsx in development, vitest) it is the .mjs loader,
 * which registers tsx in the new thread first (worker threads do not inherit a loader).
 */
const DEFAULT_WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './workbookReaderWorker.mjs' : './workbookReaderWorker.js', import.meta.url);

/** The reader thread pool could not read a workbook (closed, or a thread stopped). */
export class WorkerReadError extends BilingualError {
  declare readonly key: 'workbook.readerFailed';

  constructor(zh: string, en: string) {
    super('workbook.readerFailed', zh, en);
  }
}

export class WorkbookReaderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private workersUnavailable = false;
  private closed = false;
  readonly stats = { inWorkers: 0, inThread: 0, workersStarted: 0 };

  constructor(private readonly o: WorkbookReaderPoolOptions) {}

  read(bytes: Uint8Array, fileName?: string): Promise<unknown> {
    if (this.o.size < 1 || this.workersUnavailable || this.closed) return this.inThread(bytes, fileName);
    return new Promise((resolve, reject) => {
      // The caller's buffer may be a slice of a larger one; the worker gets its own copy.
      this.queue.push({ bytes: bytes.slice(), fileName, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; queued and running jobs fail. (Tests; the service lets idle workers be.) */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkerReadError('读取工作簿的线程池已关闭', 'the workbook reader pool is closed'));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
  }

  private inThread(bytes: Uint8Array, fileName: string | undefined): Promise<unknown> {
    this.stats.inThread++;
    return this.o.readInThread(bytes, fileName);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.ready && !s.job);
      if (!slot) {
        if (this.slots.size < this.o.size) this.spawn();
        return; // a worker becomes free (or ready) and pumps again
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a running job keeps the process alive
      slot.worker.postMessage({ bytes: job.bytes, fileName: job.fileName }, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  private spawn(): void {
    const worker = new Worker(this.o.workerUrl ?? DEFAULT_WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.o.maxHeapMb ?? 1024 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    this.stats.workersStarted++;
    worker.on('message', (m: ReadResponse | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        this.o.log?.debug('workbook reader thread ready', { threadId: worker.threadId });
        this.pump();
        return;
      }
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job) {
        this.stats.inWorkers++;
        this.o.log?.debug('workbook read in a reader thread', { threadId: worker.threadId, ok: m.ok });
        if (m.ok) job.resolve(m.result);
        else job.reject(new Error(m.message));
      }
      this.pump();
    });
    const lost = (cause: string) => {
      if (!this.slots.delete(slot)) return;
      if (!slot.ready && !this.closed) {
        // The worker never started: no thread will, so read here from now on.
        this.workersUnavailable = true;
        this.o.log?.warn('workbook reader threads unavailable; reading uploads on the request thread', { cause });
        for (const job of this.queue.splice(0)) this.inThread(job.bytes, job.fileName).then(job.resolve, job.reject);
        return;
      }
      slot.job?.reject(new WorkerReadError(`读取工作簿的线程意外终止（${cause}）`, `the workbook reader thread stopped (${cause})`));
      if (!this.closed) this.pump();
    };
    worker.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => lost(`exit code ${code}`));
  }
}

const shared = new Map<number, WorkbookReaderPool>();

/** The process's pool of `size` workers (one per size, shared by every server in the process). */
export function sharedWorkbookReaderPool(size: number, readInThread: ReadInThread, log?: Logger): WorkbookReaderPool {
  let pool = shared.get(size);
  if (!pool) shared.set(size, (pool = new WorkbookReaderPool({ size, readInThread, log })));
  return pool;
}
