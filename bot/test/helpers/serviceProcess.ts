import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A real service process (bot/src/main.ts from the sources through tsx, or the compiled
 * dist/bot/src/main.js), started as a child process: resolves once its `kekao service listening`
 * log line names the URL. Every JSON log line it writes is kept (`logs`), so tests can see what
 * the process did (a digest round it claimed, a workbook read in a reader thread).
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Parsed JSON log lines (stdout and stderr), in order of arrival. */
  logs: Array<Record<string, unknown>>;
  /** Lines that were not JSON (a crash's stack trace, a warning of Node). */
  otherOutput: string[];
  /** Resolves when the process has logged a line for which `match` is true. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface ServiceProcessOptions {
  /** Node arguments before the entry (e.g. `['--import', 'tsx']` for the sources). */
  nodeArgs?: string[];
  /** The entry module: 'bot/src/main.ts' (with tsx) or a compiled main.js. */
  entry: string;
  env: Record<string, string>;
  cwd?: string;
  /** How long the start may take (a first start on a busy 2-core machine compiles through tsx). */
  startMs?: number;
}

export function startServiceProcess(o: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), o.entry], {
    cwd: o.cwd ?? REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CI: 'true', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const otherOutput: string[] = [];
  const waiters: Array<{ match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const onLine = (line: string) => {
    if (!line.trim()) return;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      otherOutput.push(line);
      return;
    }
    logs.push(entry);
    for (const w of [...waiters]) {
      if (w.match(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      lines.forEach(onLine);
    });
  }

  const waitForLog = (match: (l: Record<string, unknown>) => boolean, ms = 60_000) => {
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no such log line within ${ms} ms; output:\n${[...logs.map((l) => JSON.stringify(l)), ...otherOutput].join('\n')}`)),
        ms,
      );
      waiters.push({
        match,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  };

  return new Promise((resolve, reject) => {
    const failed = (why: string) => reject(new Error(`${why}:\n${[...logs.map((l) => JSON.stringify(l)), ...otherOutput].join('\n')}`));
    const earlyExit = (code: number | null) => failed(`service exited with ${code} before listening`);
    child.once('exit', earlyExit);
    waitForLog((l) => l.msg === 'kekao service listening', o.startMs ?? 120_000).then(
      (line) => {
        child.off('exit', earlyExit);
        resolve({
          url: String(line.url),
          child,
          logs,
          otherOutput,
          waitForLog,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      },
      (e: Error) => {
        child.kill('SIGKILL');
        failed(e.message);
      },
    );
  });
}
