import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication, ServiceClientCredentialsFactory } from 'botframework-connector';
import { DEFAULT_BOT_SERVICE_URLS } from '../../auth/serviceUrlAllowList.js';
import type { Logger } from '../../log.js';
import { botFrameworkAuthentication, type BotAuthenticationEndpoints, type BotCredentials } from './botAuthentication.js';
import { channelTrustOf, type ChannelTrust, type TrustConfig } from './channelTrust.js';

/**
 * botbuilder's CloudAdapter with the one entry point the endpoint needs: authenticate and run one
 * activity, returning the invoke/expectReplies response or throwing. `CloudAdapter.process` is not
 * used because it writes the text of any exception into the HTTP response.
 */
export class KekaoBotAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    readonly trust: ChannelTrust,
  ) {
    super(authentication);
  }

  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface AdapterConfig extends TrustConfig {
  microsoftAppPassword?: string;
  microsoftAppType?: BotCredentials['appType'];
  microsoftAppTenantId?: string;
}

export interface AdapterOptions {
  /** Token endpoints other than the public cloud's (sovereign clouds, tests with a local key set). */
  authEndpoints?: BotAuthenticationEndpoints;
  /** How the bot obtains tokens for its outgoing calls (default: from the configured credentials). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  log?: Logger;
}

/** The adapter for the configured trust mode, with a turn-error handler that never shows internals. */
export function createBotAdapter(config: AdapterConfig, o: AdapterOptions = {}): KekaoBotAdapter {
  const trust = channelTrustOf(config, DEFAULT_BOT_SERVICE_URLS);
  const authentication =
    trust.mode === 'verified'
      ? botFrameworkAuthentication(
          {
            appId: trust.appId,
            appPassword: config.microsoftAppPassword,
            appType: config.microsoftAppType ?? 'SingleTenant',
            tenantId: config.microsoftAppTenantId,
          },
          trust.serviceUrls,
          o.authEndpoints,
          o.credentialsFactory,
        )
      : // No credentials: botbuilder's authentication is disabled; the trust mode decides what the turn may do.
        (new ConfigurationBotFrameworkAuthentication({}) as unknown as BotFrameworkAuthentication);
  const adapter = new KekaoBotAdapter(authentication, trust);
  adapter.onTurnError = async (context, error) => {
    o.log?.error('bot turn failed', { err: error, conversation: context.activity?.conversation?.id });
    await context.sendActivity({
      type: 'message',
      text: '抱歉，处理这条消息时出错了，请稍后再试。\nSorry, something went wrong handling this message.',
    });
  };
  return adapter;
}
