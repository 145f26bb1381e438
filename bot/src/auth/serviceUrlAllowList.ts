/**
 * Where the bot may send messages. A Bot Framework channel names, in every activity, the
 * `serviceUrl` its replies go to; trusting that field blindly lets anyone who can reach the
 * endpoint make the service POST to a URL of their choosing (server-side request forgery). The
 * service therefore only talks to service URLs on an allow-list.
 *
 * An entry is an origin with an optional path prefix: `https://smba.trafficmanager.net/` (any path
 * under that host), `https://*.botframework.com/` (`*.` = one or more DNS labels in front of the
 * domain, never the bare domain). Plain `http` is accepted for loopback hosts only (local
 * connector stand-ins in tests and trials). Comparison is on the URL as parsed by WHATWG `URL`
 * (lower-case host, punycode, default port dropped, dot segments resolved), so spellings such as
 * `https://SMBA.trafficmanager.net:443/x/../` match and `https://smba.trafficmanager.net@evil.example/`
 * (user info; the host is evil.example) does not.
 */
import { BilingualError } from '@kekao/core/i18n';

/**
 * Service URLs of the public Microsoft cloud: Teams (`smba.trafficmanager.net`, every region under
 * it, e.g. /amer/, /emea/, /apac/, /teams/) and the Bot Framework's own channels (Web Chat, Direct
 * Line: `*.botframework.com`). Source: the Bot Connector REST reference (Base URI) and Microsoft
 * 365 Agents SDK `TeamsServiceEndpoints.publicGlobal`.
 */
export const DEFAULT_BOT_SERVICE_URLS: readonly string[] = ['https://smba.trafficmanager.net/', 'https://*.botframework.com/'];

export interface ServiceUrlPattern {
  protocol: 'https:' | 'http:';
  /** Host without the `*.` wildcard. */
  host: string;
  wildcard: boolean;
  port: string;
  pathPrefix: string;
  /** The entry as written (for messages). */
  source: string;
}

/** An entry of the service-URL allow-list that is not a usable pattern; `entry` (and `where`) name it. */
export class ServiceUrlPatternError extends BilingualError {
  constructor(
    readonly entry: string,
    zh: string,
    en: string,
  ) {
    super('config.serviceUrlPattern', zh, en, { where: entry, message: `${entry}: ${en}` });
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** 127.0.0.0/8, ::1 and `localhost`: addresses that never leave the machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (LOOPBACK_HOSTS.has(h)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) && h.split('.').every((p) => Number(p) <= 255);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
}

/** True when the URL is http(s) on a loopback host (the local trial's connectors, test stubs). */
export function isLoopbackUrl(url: string | undefined): boolean {
  const u = url ? parseUrl(url) : undefined;
  return !!u && (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && isLoopbackHost(u.hostname);
}

export function parseServiceUrlPattern(entry: string): ServiceUrlPattern {
  const raw = entry.trim();
  const wildcard = /^https?:\/\/\*\./i.test(raw);
  const u = parseUrl(wildcard ? raw.replace('*.', 'wildcard.') : raw);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
    throw new ServiceUrlPatternError(raw, `“${raw}”不是 http(s) 网址`, `"${raw}" is not an http(s) URL`);
  }
  if (u.username || u.password || u.search || u.hash) {
    throw new ServiceUrlPatternError(raw, `“${raw}”不能含用户名、查询串或 #`, `"${raw}" must not contain user info, a query or a fragment`);
  }
  const host = wildcard ? u.hostname.replace(/^wildcard\./, '') : u.hostname;
  if (u.protocol === 'http:' && (wildcard || !isLoopbackHost(host))) {
    throw new ServiceUrlPatternError(raw, `“${raw}”须使用 https（http 只允许本机地址）`, `"${raw}" must use https (http only for loopback hosts)`);
  }
  if (!/^[a-z0-9.-]+$/.test(host) && !/^\[[0-9a-f:.]+\]$/.test(host)) {
    throw new ServiceUrlPatternError(
      raw,
      `“${raw}”的主机名无效（通配符只能写作 https://*.域名/）`,
      `"${raw}": invalid host (a wildcard is written https://*.domain/)`,
    );
  }
  if (wildcard && !host.includes('.')) {
    throw new ServiceUrlPatternError(
      raw,
      `“${raw}”的通配符须位于域名之前，例如 https://*.botframework.com/`,
      `"${raw}": the wildcard needs a domain, e.g. https://*.botframework.com/`,
    );
  }
  return {
    protocol: u.protocol,
    host,
    wildcard,
    port: u.port,
    pathPrefix: u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`,
    source: raw,
  };
}

/** Does `url` fall under one of the patterns? */
export function serviceUrlAllowed(url: string | undefined, patterns: readonly ServiceUrlPattern[]): boolean {
  const u = url ? parseUrl(url) : undefined;
  if (!u || u.username || u.password) return false;
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return patterns.some(
    (p) =>
      u.protocol === p.protocol &&
      u.port === p.port &&
      (p.wildcard ? u.hostname.endsWith(`.${p.host}`) : u.hostname === p.host) &&
      path.startsWith(p.pathPrefix),
  );
}
