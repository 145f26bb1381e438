import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run playground`: the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`),
 * a Teams-like chat page, pointed at the running kekao service's `/api/messages` — no Microsoft
 * account, tenant or tunnel needed. The Playground sends no Bot Framework token, so the service
 * must run in the local-trial mode, which takes the identity the client claims and therefore only
 * listens on this machine: `KEKAO_BOT_DEV=1 HOST=127.0.0.1 npm start`, then this; open
 * http://localhost:56150.
 *
 * Environment: PORT (the service, default 3978), KEKAO_PLAYGROUND_PORT (default 56150),
 * TEAMSAPPTESTER_BROWSER=none to not open a browser window.
 */

const require = createRequire(import.meta.url);

export interface PlaygroundOptions {
  /** The bot endpoint, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  port: number;
  /** Extra environment (log file location, TEAMSAPPTESTER_BROWSER=none …). */
  env?: NodeJS.ProcessEnv;
  /** Pipe the playground's output here (default: inherit). */
  stdio?: 'inherit' | 'pipe';
}

export interface RunningPlayground {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function playgroundCli(): string {
  return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/** Starts the playground and resolves once it listens ("Listening on <port>"). */
export function startPlayground(o: PlaygroundOptions): Promise<RunningPlayground> {
  const child = spawn(process.execPath, [playgroundCli(), '-e', o.botEndpoint, '-c', 'msteams', '-p', String(o.port), '--dt'], {
    env: { ...process.env, ...o.env },
    stdio: o.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  const stop = () =>
    new Promise<void>((r) => {
      if (child.exitCode !== null || child.signalCode !== null) return r();
      child.once('exit', () => r());
      child.kill('SIGTERM');
    });
  const url = `http://localhost:${o.port}`;
  if (o.stdio !== 'pipe') return Promise.resolve({ url, child, stop });
  return new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`Agents Playground did not start within 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      // The playground falls back to a random port when the asked one is taken.
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ url: `http://localhost:${m[1]}`, child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // (After a successful start this rejection is ignored.)
      rej(new Error(`Agents Playground exited (${code}):\n${out}`));
    });
  });
}

/**
 * Which trust mode the service's bot runs in, asked without running a turn: an activity addressed to
 * a non-loopback service URL is refused before anything happens, and the refusal names the mode
 * (dev: bot.serviceUrlNotAllowed; no credentials: bot.noVerifiedChannel; credentials: 401).
 */
export async function botTrustMode(base: string): Promise<'dev' | 'open' | 'verified' | 'unknown'> {
  const r = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text: '',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/probe/',
      from: { id: 'playground-probe' },
      conversation: { id: 'playground-probe' },
    }),
  });
  if (r.status === 401) return 'verified';
  const key = ((await r.json().catch(() => ({}))) as { error?: { key?: string } }).error?.key;
  return key === 'bot.serviceUrlNotAllowed' ? 'dev' : key === 'bot.noVerifiedChannel' ? 'open' : 'unknown';
}

async function main(): Promise<void> {
  const servicePort = Number(process.env.PORT ?? 3978);
  const port = Number(process.env.KEKAO_PLAYGROUND_PORT ?? 56150);
  const base = `http://127.0.0.1:${servicePort}`;
  try {
    const r = await fetch(`${base}/healthz`);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
  } catch (e) {
    process.stderr.write(
      `kekao 服务未在 ${base} 运行（${e instanceof Error ? e.message : String(e)}）。请先在另一个终端执行 npm start。(playground.serviceDown)\n` +
        `The kekao service is not running at ${base}; start it first with npm start.\n`,
    );
    process.exit(1);
  }
  const mode = await botTrustMode(base);
  if (mode !== 'dev') {
    process.stderr.write(
      `kekao 服务未以本地试用模式运行（当前：${mode}）。Playground 不发送 Bot Framework 令牌，请用 KEKAO_BOT_DEV=1 HOST=127.0.0.1 npm start 启动服务。(playground.notDevMode)\n` +
        `The kekao service is not in the local-trial mode (now: ${mode}). The Playground sends no Bot Framework token: start the service with KEKAO_BOT_DEV=1 HOST=127.0.0.1 npm start.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Agents Playground → ${base}/api/messages；打开 http://localhost:${port}\n`);
  const pg = await startPlayground({ botEndpoint: `${base}/api/messages`, port });
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  pg.child.once('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
