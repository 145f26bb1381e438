import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
  type BotFrameworkClient,
} from 'botframework-connector';
import { serviceUrlAllowed, type ServiceUrlPattern } from '../../auth/serviceUrlAllowList.js';

/**
 * The Bot Framework authentication of the Teams endpoint: botbuilder's own token validation
 * (signature against the channel's OpenID keys, issuer, audience = our app id, expiry, channel
 * endorsement) plus two checks botbuilder does not always make — every authenticated activity's
 * `serviceUrl` must equal the token's `serviceurl` claim (botbuilder skips this for Emulator and
 * skill tokens, which carry no such claim: they are refused here), and it must be on the allow-list.
 * Only then may a reply be POSTed there.
 */

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

/**
 * Where tokens come from, for clouds other than the public one and for tests: botbuilder's
 * parameterised settings (`ToBotFromChannelOpenIdMetadataUrl`, `ToBotFromChannelTokenIssuer`, …).
 * Unset values keep the public-cloud constants.
 */
export interface BotAuthenticationEndpoints {
  toBotFromChannelOpenIdMetadataUrl?: string;
  toBotFromChannelTokenIssuer?: string;
  toChannelFromBotLoginUrl?: string;
  toChannelFromBotOAuthScope?: string;
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** A refused service URL: 403, not 401 — the token was valid, the destination is not allowed. */
export class ServiceUrlRefusedError extends Error {
  readonly statusCode = 403;
}

export class ServiceUrlCheckingAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly serviceUrls: readonly ServiceUrlPattern[],
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (e) {
      // botbuilder lets jsonwebtoken's own errors through (bad signature, malformed token): they are
      // authentication failures all the same.
      if (e instanceof Error && JWT_ERRORS.has(e.name)) throw new AuthenticationError(`Unauthorized. ${e.name}`, 401);
      throw e;
    }
    const claimed = result.claimsIdentity.getClaimValue(AuthenticationConstants.ServiceUrlClaim);
    if (!claimed || claimed !== activity.serviceUrl) {
      throw new AuthenticationError('Unauthorized. The activity serviceUrl does not match the token serviceurl claim.', 401);
    }
    if (!serviceUrlAllowed(activity.serviceUrl, this.serviceUrls)) {
      throw new ServiceUrlRefusedError('the activity serviceUrl is not on the allow-list');
    }
    return result;
  }

  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    // Streaming (Direct Line ASE) connections carry no serviceUrl to check; the service does not offer them.
    return Promise.reject(new AuthenticationError('streaming connections are not accepted', 401));
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

/**
 * botbuilder's configuration-driven authentication for the bot's credentials. When any endpoint
 * is overridden botbuilder treats the whole set as given, so the public-cloud constants fill the
 * rest (AuthenticationConstants: the same values botbuilder uses by default).
 */
export function botFrameworkAuthentication(
  credentials: BotCredentials,
  serviceUrls: readonly ServiceUrlPattern[],
  endpoints: BotAuthenticationEndpoints = {},
  credentialsFactory?: ServiceClientCredentialsFactory,
): BotFrameworkAuthentication {
  const overridden = Object.values(endpoints).some(Boolean);
  const settings: Record<string, string | boolean> = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: credentials.appType,
    ...(credentials.appPassword ? { MicrosoftAppPassword: credentials.appPassword } : {}),
    ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
    ...(overridden
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: endpoints.toChannelFromBotLoginUrl ?? loginUrlFor(credentials),
          ToChannelFromBotOAuthScope: endpoints.toChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: endpoints.toBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: endpoints.toBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: 'urn:botframework:azure',
        }
      : {}),
  };
  const inner = new ConfigurationBotFrameworkAuthentication(settings as never, credentialsFactory);
  return new ServiceUrlCheckingAuthentication(inner as unknown as BotFrameworkAuthentication, serviceUrls);
}

/** Single-tenant bots sign in at their own tenant; multi-tenant ones at botframework.com (botbuilder's default). */
function loginUrlFor(c: BotCredentials): string {
  return c.appType === 'MultiTenant' || !c.tenantId
    ? AuthenticationConstants.ToChannelFromBotLoginUrl
    : `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${c.tenantId}`;
}
