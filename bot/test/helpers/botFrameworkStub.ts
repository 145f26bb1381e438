import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { AppCredentials, ServiceClientCredentialsFactory, type AuthenticatorResult } from 'botframework-connector';

/**
 * A local stand-in for the two Microsoft services a credentialed bot talks to, so the real
 * authentication path runs without internet:
 *
 * - the Bot Framework channel's token signing: an RS256 key pair whose public half is served over
 *   HTTP as OpenID metadata (`/v1/.well-known/openidconfiguration`, the shape of
 *   login.botframework.com's) and a JWKS with the key's channel endorsements (`/v1/.well-known/keys`);
 *   `channelToken()` signs what the Teams channel would send: iss https://api.botframework.com,
 *   aud = the bot's app id, `serviceurl`, nbf/exp.
 * - Entra ID's token endpoint for the bot's outgoing calls (OAuth 2.0 client-credentials grant,
 *   RFC 6749 §4.4): `POST /{tenant}/oauth2/v2.0/token` with client_id / client_secret / scope,
 *   answering an opaque access token; `credentialsFactory()` gives botbuilder credentials that fetch
 *   from it (MSAL itself only accepts https authorities).
 */

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface BotFrameworkStub {
  url: string;
  openIdMetadataUrl: string;
  appId: string;
  appSecret: string;
  /** Access tokens the token endpoint issued (the connector stub should see these). */
  issued: string[];
  /** A channel token for an activity to `serviceUrl` (options change the claims or the key). */
  channelToken(o: { serviceUrl: string; audience?: string; expiresInSeconds?: number; signWith?: CryptoKey; kid?: string }): Promise<string>;
  /** A key pair the metadata does not publish (a forger's). */
  foreignKey(): Promise<CryptoKey>;
  credentialsFactory(): ServiceClientCredentialsFactory;
  close(): Promise<void>;
}

export async function startBotFrameworkStub(appId: string): Promise<BotFrameworkStub> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `kekao-test-${randomBytes(4).toString('hex')}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'emulator'] };
  const appSecret = randomBytes(16).toString('hex');
  const issued: string[] = [];
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
        return json(200, {
          issuer: CHANNEL_ISSUER,
          authorization_endpoint: `${base}/v1/.well-known/unused`,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      if (req.method === 'GET' && path === '/v1/.well-known/keys') return json(200, { keys: [jwk] });
      const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path ?? '');
      if (req.method === 'POST' && token) {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== appId || form.get('client_secret') !== appSecret) {
          return json(401, { error: 'invalid_client' });
        }
        const access = `stub-access-${randomBytes(12).toString('hex')}`;
        issued.push(access);
        return json(200, { token_type: 'Bearer', expires_in: 3600, access_token: access });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenUrl = `${base}/botframework.com/oauth2/v2.0/token`;

  class StubAppCredentials extends AppCredentials {
    protected async refreshToken(): Promise<AuthenticatorResult> {
      const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: appId, client_secret: appSecret, scope: `${this.oAuthScope}/.default` });
      const r = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      if (!r.ok) throw new Error(`token endpoint answered ${r.status}`);
      const t = (await r.json()) as { access_token: string; expires_in: number };
      return { accessToken: t.access_token, expiresOn: new Date(Date.now() + t.expires_in * 1000) };
    }
  }

  class StubCredentialsFactory extends ServiceClientCredentialsFactory {
    async isValidAppId(id: string) {
      return id === appId;
    }
    async isAuthenticationDisabled() {
      return false;
    }
    async createCredentials(id: string, audience: string | undefined) {
      if (id !== appId) throw new Error('Invalid appId.');
      return new StubAppCredentials(id, undefined, audience);
    }
  }

  return {
    url: base,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    appId,
    appSecret,
    issued,
    async channelToken(o) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: o.serviceUrl, ver: '1.0' })
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? kid, typ: 'JWT' })
        .setIssuer(CHANNEL_ISSUER)
        .setAudience(o.audience ?? appId)
        .setIssuedAt(now)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (o.expiresInSeconds ?? 3600))
        .sign(o.signWith ?? privateKey);
    },
    async foreignKey() {
      return (await generateKeyPair('RS256')).privateKey;
    },
    credentialsFactory: () => new StubCredentialsFactory(),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
