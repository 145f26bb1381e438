import { parentPort } from 'node:worker_threads';
import { readWorkbook } from '@kekao/workbook';

/**
 * The body of a workbook-reader thread: reads one uploaded 推荐表 per message and answers with the
 * reader's result (plain data), or the reader's error message when it throws.
 */
export interface ReadRequest {
  bytes: Uint8Array;
  fileName?: string;
}

export type ReadResponse = { ok: true; result: unknown } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('workbookReaderWorker must run in a worker thread');

port.on('message', async (request: ReadRequest) => {
  let response: ReadResponse;
  try {
    response = { ok: true, result: await readWorkbook(request.bytes, request.fileName ? { fileName: request.fileName } : {}) };
  } catch (e) {
    response = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true });
