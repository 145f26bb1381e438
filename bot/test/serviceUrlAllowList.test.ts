import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SERVICE_URLS, isLoopbackUrl, parseServiceUrlPattern, serviceUrlAllowed } from '../src/auth/serviceUrlAllowList.js';

/** The serviceUrl allow-list: which URLs match which entries, spelled as attackers would spell them. */
describe('the Bot Framework service URL allow-list', () => {
  const defaults = DEFAULT_BOT_SERVICE_URLS.map(parseServiceUrlPattern);

  it.each([
    ['https://smba.trafficmanager.net/amer/', true],
    ['https://smba.trafficmanager.net/teams/', true],
    ['https://SMBA.TrafficManager.net:443/emea/x/../', true],
    ['https://webchat.botframework.com/', true],
    ['https://europe.directline.botframework.com/v3/', true],
    // Not the domain: a look-alike suffix, the bare wildcard domain, plain http, another port, user info.
    ['https://smba.trafficmanager.net.evil.example/amer/', false],
    ['https://evilbotframework.com/', false],
    ['https://botframework.com/', false],
    ['http://smba.trafficmanager.net/amer/', false],
    ['https://smba.trafficmanager.net:8443/amer/', false],
    ['https://smba.trafficmanager.net@evil.example/', false],
    ['https://user:pw@smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1:3978/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, allowed) => {
    expect(serviceUrlAllowed(url, defaults)).toBe(allowed);
  });

  it('path prefixes and loopback entries', () => {
    const p = ['https://smba.trafficmanager.net/cn/', 'http://127.0.0.1:4000/'].map(parseServiceUrlPattern);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/cn/', p)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/cn', p)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/cnx/', p)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/amer/', p)).toBe(false);
    expect(serviceUrlAllowed('http://127.0.0.1:4000/v3/conversations', p)).toBe(true);
    expect(serviceUrlAllowed('http://127.0.0.1:4001/', p)).toBe(false);
  });

  it('refuses entries that would open the list up', () => {
    expect(() => parseServiceUrlPattern('http://smba.trafficmanager.net/')).toThrow(/https/);
    expect(() => parseServiceUrlPattern('https://*/')).toThrow(/wildcard/);
    expect(() => parseServiceUrlPattern('ftp://x.example/')).toThrow(/http/);
    expect(() => parseServiceUrlPattern('https://a.example/?x=1')).toThrow(/query/);
  });

  it('loopback URLs', () => {
    for (const u of ['http://127.0.0.1:56150/', 'http://localhost:3978/x', 'http://[::1]:9/', 'https://127.8.9.10/']) expect(isLoopbackUrl(u)).toBe(true);
    for (const u of ['http://128.0.0.1/', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io/', 'http://0.0.0.0/', 'file:///etc/passwd', undefined])
      expect(isLoopbackUrl(u)).toBe(false);
  });
});
