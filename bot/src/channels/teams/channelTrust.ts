import type { TurnContext } from 'botbuilder';
import { AuthenticationConstants, type ClaimsIdentity } from 'botframework-connector';
import { isLoopbackUrl, parseServiceUrlPattern, serviceUrlAllowed, type ServiceUrlPattern } from '../../auth/serviceUrlAllowList.js';

/**
 * How far the Teams endpoint trusts what a request says, decided once from the configuration:
 *
 * - `verified` (MicrosoftAppId set): every request carries a Bot Framework token that botbuilder
 *   validates; the activity's `serviceUrl` must equal the token's `serviceurl` claim and be on the
 *   allow-list. The user named in such an activity is vouched for by the channel.
 * - `dev` (KEKAO_BOT_DEV=1, loopback only): the local trial — the identity the chat client claims is
 *   taken as is; messages leave the process only to loopback service URLs.
 * - `open` (neither): anyone may ask the questions that do not depend on who asks; the user is
 *   never identified, replies come back in the HTTP response only (`deliveryMode: expectReplies`),
 *   and nothing is ever sent to a service URL.
 */
export type ChannelTrust = { mode: 'open' } | { mode: 'dev' } | { mode: 'verified'; appId: string; serviceUrls: readonly ServiceUrlPattern[] };

export interface TrustConfig {
  microsoftAppId?: string;
  botDev?: boolean;
  botServiceUrls?: readonly string[];
}

export function channelTrustOf(config: TrustConfig, defaultServiceUrls: readonly string[]): ChannelTrust {
  if (config.microsoftAppId) {
    return { mode: 'verified', appId: config.microsoftAppId, serviceUrls: (config.botServiceUrls ?? defaultServiceUrls).map(parseServiceUrlPattern) };
  }
  return config.botDev ? { mode: 'dev' } : { mode: 'open' };
}

/** May the service send (reply or proactive message) to this service URL? */
export function mayContact(trust: ChannelTrust, serviceUrl: string | undefined): boolean {
  switch (trust.mode) {
    case 'open':
      return false;
    case 'dev':
      return isLoopbackUrl(serviceUrl);
    case 'verified':
      return serviceUrlAllowed(serviceUrl, trust.serviceUrls);
  }
}

export interface RequestRefusal {
  status: number;
  key: string;
  zh: string;
  en: string;
}

/**
 * Checks, before anything runs, where the replies of an incoming activity would go. With
 * `expectReplies` they come back in the HTTP response; otherwise they are POSTed to the activity's
 * `serviceUrl`, which must be one the service may contact.
 */
export function refusalOfDelivery(trust: ChannelTrust, activity: { deliveryMode?: unknown; serviceUrl?: unknown }): RequestRefusal | undefined {
  // With credentials the token is validated first (an unauthenticated request learns nothing), then
  // the authentication itself checks the claim and the allow-list (botAuthentication.ts).
  if (trust.mode === 'verified' || activity.deliveryMode === 'expectReplies') return undefined;
  const url = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : undefined;
  if (mayContact(trust, url)) return undefined;
  if (trust.mode === 'open') {
    return {
      status: 403,
      key: 'bot.noVerifiedChannel',
      zh: '本部署未配置 Bot Framework 凭据：回复只在 HTTP 响应中返回（deliveryMode: expectReplies），不会发送到 serviceUrl',
      en: 'this deployment has no Bot Framework credentials: replies are returned in the HTTP response only (deliveryMode: expectReplies), never sent to a serviceUrl',
    };
  }
  return {
    status: 403,
    key: 'bot.serviceUrlNotAllowed',
    zh:
      trust.mode === 'dev'
        ? '本地试用模式只向本机地址（127.0.0.1、localhost）发送回复'
        : 'serviceUrl 不在允许的 Bot Framework 服务地址之列（KEKAO_BOT_SERVICE_URLS）',
    en:
      trust.mode === 'dev'
        ? 'the local-trial mode sends replies to loopback addresses only'
        : 'the serviceUrl is not an allowed Bot Framework service URL (KEKAO_BOT_SERVICE_URLS)',
  };
}

/**
 * Does the channel vouch for the user of this turn? In `verified` mode only when the turn was
 * authenticated with a token for this bot (botbuilder leaves the validated claims in the turn
 * state); in `dev` mode by the operator's explicit choice; never in `open` mode.
 */
export function turnVerified(trust: ChannelTrust, context: TurnContext): boolean {
  switch (trust.mode) {
    case 'open':
      return false;
    case 'dev':
      return true;
    case 'verified': {
      const adapter = context.adapter as unknown as { BotIdentityKey?: symbol };
      const identity = adapter.BotIdentityKey ? (context.turnState.get(adapter.BotIdentityKey) as ClaimsIdentity | undefined) : undefined;
      // (authenticationType is private in the typings; 'anonymous' marks botbuilder's no-credentials identity.)
      const type = (identity as unknown as { authenticationType?: unknown } | undefined)?.authenticationType;
      if (!identity || !identity.isAuthenticated || type === AuthenticationConstants.AnonymousAuthType) return false;
      return identity.getClaimValue(AuthenticationConstants.AudienceClaim) === trust.appId;
    }
  }
}
