import { z } from 'zod/v4';

/**
 * The WeCom (企业微信 / 政务微信) self-built application's settings, from the environment. The
 * channel is on when the callback's three settings (Token, EncodingAESKey, CorpID) are set; it
 * then also needs the application's AgentId and Secret for active messages (message/send).
 */

export const WECOM_DEFAULT_API_BASE = 'https://qyapi.weixin.qq.com';

export const wecomConfigSchema = z.object({
  /** The callback Token of the admin console (English letters and digits, at most 32). */
  token: z.string().regex(/^[A-Za-z0-9]{1,32}$/, '须为 1–32 位英文字母或数字 / 1–32 letters or digits'),
  /** The 43-character EncodingAESKey; the AES key is its base64 decoding with '=' appended. */
  aesKey: z.string().regex(/^[A-Za-z0-9]{43}$/, '须为 43 位英文字母或数字 / exactly 43 letters or digits'),
  /** The enterprise's CorpID (the ReceiveId of the encrypted messages). */
  corpId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '须为企业ID（字母、数字） / a CorpID (letters, digits)'),
  agentId: z.coerce.number({ message: '须为整数 / must be an integer' }).int('须为整数 / must be an integer').positive('须为正整数 / must be positive'),
  secret: z.string().min(1, '不能为空 / must not be empty'),
  /** WeCom's API; 政务微信 and private deployments have their own. */
  apiBase: z
    .url({ protocol: /^https?$/, message: '须为 http(s) 地址 / must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .default(WECOM_DEFAULT_API_BASE),
});
export type WecomConfig = z.infer<typeof wecomConfigSchema>;
export type WecomConfigInput = z.input<typeof wecomConfigSchema>;

const ENV_NAMES: Record<keyof WecomConfig, string> = {
  token: 'KEKAO_WECOM_TOKEN',
  aesKey: 'KEKAO_WECOM_AES_KEY',
  corpId: 'KEKAO_WECOM_CORP_ID',
  agentId: 'KEKAO_WECOM_AGENT_ID',
  secret: 'KEKAO_WECOM_SECRET',
  apiBase: 'KEKAO_WECOM_API_BASE',
};

export class WecomConfigError extends Error {}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/**
 * The WeCom settings, or undefined when the channel is off (none of Token, EncodingAESKey and
 * CorpID set). A partial or invalid configuration throws, naming each variable and what is wrong.
 */
export function wecomConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WecomConfig | undefined {
  const trigger = (['token', 'aesKey', 'corpId'] as const).map((k) => ENV_NAMES[k]);
  if (trigger.every((n) => value(env, n) === undefined)) return undefined;
  const raw = Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, value(env, name)]));
  const parsed = wecomConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const name = ENV_NAMES[String(i.path[0]) as keyof WecomConfig] ?? String(i.path[0]);
    const missing = raw[String(i.path[0])] === undefined;
    return missing
      ? `环境变量 ${name} 缺失：企业微信渠道已启用（已设置 ${trigger.filter((n) => value(env, n)).join('、')}），还需要它 (config.invalid: ${name} is required when the WeCom channel is on)`
      : `环境变量 ${name} 无效：${i.message} (config.invalid)`;
  });
  throw new WecomConfigError(lines.join('\n'));
}
