import { z } from 'zod/v4';

/**
 * Pane settings: the service URL and token for uploads. Stored in the document's settings inside
 * Excel (Office.context.document.settings), else in localStorage (preview). Validated on the way in
 * and out: a tampered or stale store yields defaults, never a crash.
 */
export const settingsSchema = z.object({
  serviceUrl: z
    .string()
    .trim()
    .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
      message: '服务地址须以 http:// 或 https:// 开头 / the service URL must start with http:// or https://',
    })
    .default(''),
  token: z.string().trim().max(4096, '令牌过长 / the token is too long').default(''),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type PaneSettings = z.infer<typeof settingsSchema>;

const KEY = 'kekao.settings';

function documentSettings(): Office.Settings | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.document?.settings ?? null;
}

export function loadSettings(): PaneSettings {
  let raw: unknown = null;
  try {
    const ds = documentSettings();
    raw = ds ? ds.get(KEY) : JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export type SaveResult = { ok: true; settings: PaneSettings } | { ok: false; message: string };

export function saveSettings(input: unknown): SaveResult {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('；') };
  const ds = documentSettings();
  if (ds) {
    ds.set(KEY, parsed.data);
    ds.saveAsync();
  } else globalThis.localStorage?.setItem(KEY, JSON.stringify(parsed.data));
  return { ok: true, settings: parsed.data };
}
