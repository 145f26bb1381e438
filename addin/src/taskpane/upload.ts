import { z } from 'zod/v4';
import type { Submission } from '@kekao/core/submission';

/**
 * Upload to the service: POST {serviceUrl}/api/v1/submissions, Bearer token, JSON body = the
 * submission. The service answers errors with a Chinese message; that message is what the user
 * sees (with the HTTP status), never a bare status code.
 */
const errorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ zh: z.string().optional(), message: z.string().optional(), key: z.string().optional() })]).optional(),
  zh: z.string().optional(),
  message: z.string().optional(),
  key: z.string().optional(),
});
const okBodySchema = z.looseObject({ id: z.union([z.string(), z.number()]).optional() });

export type UploadResult = { ok: true; id: string | null; status: number } | { ok: false; status: number; message: string };

export function submissionsUrl(serviceUrl: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/api/v1/submissions`;
}

/** The most specific human message in an error body, Chinese first. */
export function serviceErrorMessage(status: number, body: unknown): string {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const b = parsed.data;
    const e = b.error;
    const text = typeof e === 'string' ? e : (e?.zh ?? e?.message ?? b.zh ?? b.message);
    const key = typeof e === 'object' && e ? e.key : b.key;
    if (text) return `${text}${key ? ` (${key})` : ''}（HTTP ${status}）`;
  }
  return `服务返回错误 HTTP ${status} / the service answered HTTP ${status}`;
}

export async function uploadSubmission(serviceUrl: string, token: string, submission: Submission, fetchImpl: typeof fetch = fetch): Promise<UploadResult> {
  let res: Response;
  try {
    res = await fetchImpl(submissionsUrl(serviceUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(submission),
    });
  } catch (e) {
    return { ok: false, status: 0, message: `无法连接服务 ${serviceUrl} / cannot reach the service: ${e instanceof Error ? e.message : String(e)}` };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) return { ok: false, status: res.status, message: serviceErrorMessage(res.status, body) };
  const ok = okBodySchema.safeParse(body);
  return { ok: true, status: res.status, id: ok.success && ok.data.id !== undefined ? String(ok.data.id) : null };
}
