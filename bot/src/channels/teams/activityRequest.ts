import type { IncomingHttpHeaders } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { z } from 'zod/v4';
import type { Logger } from '../../log.js';
import type { KekaoBotAdapter } from './botAdapter.js';
import { ServiceUrlRefusedError } from './botAuthentication.js';
import { refusalOfDelivery } from './channelTrust.js';

/**
 * One `POST /api/messages` as plain data in, plain data out (so any HTTP framework can mount it):
 * the activity is checked, its reply destination checked against the trust mode, then
 * authenticated and run by the adapter. Errors are answered with a fixed bilingual message and
 * logged with their details — the text of an exception never reaches the client.
 */

export interface BotHttpResponse {
  status: number;
  /** JSON body. */
  body?: unknown;
}

const error = (status: number, key: string, zh: string, en: string, extra: Record<string, unknown> = {}): BotHttpResponse => ({
  status,
  body: { error: { key, zh, en, ...extra } },
});

/** The body of `POST /api/messages` as the HTTP layer read it: JSON, else a 400 (its text never echoed). */
export function parseActivityBody(raw: Buffer): { body: unknown } | { refusal: BotHttpResponse } {
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { refusal: error(400, 'request.invalidJson', '请求内容不是有效的活动 JSON', 'the body is not a valid activity JSON') };
  }
}

const channelAccount = z.looseObject({ id: z.string().min(1, 'id is required') });
/** What every activity from a channel carries (Bot Framework Activity schema); the rest is botbuilder's. */
const activitySchema = z.looseObject({
  type: z.string().min(1, 'activity.type is required'),
  from: channelAccount,
  conversation: channelAccount,
  serviceUrl: z.string().max(2048).optional(),
  deliveryMode: z.string().optional(),
});

/** Date fields as botbuilder's own activity validator turns them (keeping the raw text). */
function withDates(a: Record<string, unknown>): Activity {
  const out: Record<string, unknown> = { ...a };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof a[field] === 'string') {
      out[raw] = a[field];
      out[field] = new Date(a[field] as string);
    }
  }
  return out as unknown as Activity;
}

export async function runActivityRequest(
  adapter: KekaoBotAdapter,
  logic: (context: TurnContext) => Promise<void>,
  request: { headers: IncomingHttpHeaders; body: unknown },
  log?: Logger,
): Promise<BotHttpResponse> {
  const parsed = activitySchema.safeParse(request.body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return error(
      400,
      'activity.invalid',
      `活动无效：${parsed.error.issues.map((i) => `${i.path.join('.') || '(activity)'} ${i.message}`).join('；')}`,
      'invalid activity',
      {
        path: first?.path.join('.'),
      },
    );
  }
  const refusal = refusalOfDelivery(adapter.trust, parsed.data);
  if (refusal) return error(refusal.status, refusal.key, refusal.zh, refusal.en);
  const auth = request.headers.authorization;
  try {
    const invoke = await adapter.runActivity(typeof auth === 'string' ? auth : '', withDates(parsed.data), logic);
    return { status: invoke?.status ?? 200, body: invoke?.body };
  } catch (err) {
    if (err instanceof AuthenticationError && (err.statusCode ?? 401) >= 500) {
      // botbuilder could not load the channel's signing keys (OpenID metadata unreachable).
      log?.error('bot authentication unavailable', { err });
      return error(
        503,
        'bot.authenticationUnavailable',
        '暂时无法验证 Bot Framework 令牌，请稍后重试',
        'Bot Framework tokens cannot be validated right now; retry later',
      );
    }
    if (err instanceof AuthenticationError) {
      log?.warn('bot request not authenticated', { reason: err.message });
      return error(401, 'bot.unauthenticated', '请求未通过 Bot Framework 身份验证', 'the request failed Bot Framework authentication');
    }
    if (err instanceof ServiceUrlRefusedError) {
      log?.warn('bot request refused: serviceUrl not allowed', { serviceUrl: parsed.data.serviceUrl });
      return error(
        403,
        'bot.serviceUrlNotAllowed',
        'serviceUrl 不在允许的 Bot Framework 服务地址之列（KEKAO_BOT_SERVICE_URLS）',
        'the serviceUrl is not an allowed Bot Framework service URL (KEKAO_BOT_SERVICE_URLS)',
      );
    }
    log?.error('bot request failed', { err, conversation: parsed.data.conversation.id, activityType: parsed.data.type });
    return error(500, 'bot.internal', '处理消息时出错，请稍后重试', 'the message could not be processed; retry later');
  }
}
