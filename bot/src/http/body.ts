import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.js';

/**
 * Reads a request body up to `limit` bytes. A declared or actual size above the limit is refused
 * with 413 as soon as it is known (the rest is not buffered).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (b: Buffer) => {
      size += b.length;
      if (size > limit) {
        // Stop collecting; the stream keeps flowing (and is discarded) so the 413 reaches the client.
        req.off('data', onData);
        req.on('data', () => undefined);
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(b);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks, size));
    });
    req.once('error', reject);
    req.once('aborted', () => reject(new ApiError(400, 'request.aborted', '上传被中断', 'the upload was interrupted')));
  });
}

function tooLarge(limit: number): ApiError {
  const mb = (limit / 1024 / 1024).toFixed(1);
  return new ApiError(413, 'request.tooLarge', `请求内容超过 ${mb} MB 的上限`, `request body exceeds the ${mb} MB limit`, undefined, undefined, { connection: 'close' });
}

export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = mediaType(req);
  if (type !== 'application/json') {
    throw new ApiError(415, 'request.unsupportedMediaType', `请求须为 application/json（收到 ${type || '无'}）`, `expected application/json (got ${type || 'none'})`);
  }
  const body = await readBody(req, limit);
  if (body.length === 0) throw new ApiError(400, 'request.emptyBody', '请求内容为空', 'the request body is empty');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError(400, 'request.invalidJson', `请求内容不是有效的 JSON：${detail}`, `the body is not valid JSON: ${detail}`);
  }
}
