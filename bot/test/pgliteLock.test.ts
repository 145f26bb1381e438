import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/db/pglite.js';

/**
 * PGlite admits one process per data folder, for real: N processes released at the same instant
 * (a shared start time after all reported ready; the last milliseconds spin) contend for a fresh
 * folder, and for a folder whose lock was left by a killed process (in the current format and in
 * the plain-pid format of earlier versions). In every trial exactly one wins and every other one is
 * refused as "locked".
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENDERS = 6;
const TRIALS = 16;
const GAP_MS = 120;

interface Outcome {
  trial: number;
  won: boolean;
  locked?: boolean;
  error?: string;
}

function startContender(): Promise<{ child: ChildProcess; outcomes: Outcome[]; finished: Promise<void>; done: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/test/helpers/lockContender.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const outcomes: Outcome[] = [];
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let markFinished: () => void = () => undefined;
  // Every trial tried (the contender then waits, holding what it won, until it is stopped).
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
    child.once('exit', () => resolve());
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line === 'ready') resolve({ child, outcomes, finished, done });
      else if (line === 'done') markFinished();
      else outcomes.push(JSON.parse(line) as Outcome);
    });
    child.once('exit', (code) => reject(new Error(`contender exited (${code}) before it was ready`)));
  });
}

/** The pid of a process that has exited (what a SIGKILLed service leaves in its lock). */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => p.once('exit', r));
  return p.pid!;
}

async function race(dirs: string[]): Promise<Outcome[][]> {
  const contenders = await Promise.all(Array.from({ length: CONTENDERS }, startContender));
  const base = Date.now() + 400;
  const schedule = JSON.stringify({ trials: dirs.map((dataDir, i) => ({ dataDir, startAt: base + i * GAP_MS })) });
  for (const c of contenders) c.child.stdin!.end(`${schedule}\n`);
  // All contenders stay alive, holding their locks, until every one has tried every trial.
  await Promise.all(contenders.map((c) => c.finished));
  for (const c of contenders) c.child.kill();
  await Promise.all(contenders.map((c) => c.done));
  return dirs.map((_, trial) => contenders.map((c) => c.outcomes.find((o) => o.trial === trial)!));
}

describe('the PGlite data-folder lock under simultaneous starts', () => {
  let tmp: string;
  let fresh: Outcome[][];
  let stale: Outcome[][];
  let staleDirs: string[];
  const winners = (trials: Outcome[][]) => trials.map((t) => t.filter((o) => o.won).length);

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kekao-lock-'));
    const dirs = Array.from({ length: 2 * TRIALS }, (_, i) => path.join(tmp, `${i < TRIALS ? 'fresh' : 'stale'}-${i}`, 'pglite'));
    for (const d of dirs) await mkdir(path.dirname(d), { recursive: true });
    staleDirs = dirs.slice(TRIALS);
    for (const [i, d] of staleDirs.entries()) {
      const pid = await deadPid();
      // Half in the current format, half as earlier versions wrote it (the pid alone).
      const content = i % 2 === 0 ? JSON.stringify({ pid, host: hostname(), nonce: `dead${i}`, since: new Date().toISOString() }) : String(pid);
      await writeFile(`${d}.lock`, content);
    }
    // One set of contender processes runs every trial (starting processes is the slow part).
    const trials = await race(dirs);
    fresh = trials.slice(0, TRIALS);
    stale = trials.slice(TRIALS);
  }, 180_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it(`a fresh folder: exactly one of ${CONTENDERS} wins, ${TRIALS} times`, () => {
    expect(winners(fresh)).toEqual(Array(TRIALS).fill(1));
    expect(fresh.flat().filter((o) => !o.won && !o.locked)).toEqual([]);
  });

  it(`a stale lock left by a killed process: exactly one of ${CONTENDERS} takes it over, ${TRIALS} times`, async () => {
    expect(winners(stale)).toEqual(Array(TRIALS).fill(1));
    expect(stale.flat().filter((o) => !o.won && !o.locked)).toEqual([]);
    // The lock now names a contender, not the dead process.
    for (const d of staleDirs) expect(JSON.parse(await readFile(`${d}.lock`, 'utf8')).nonce).not.toMatch(/^dead/);
  });

  it('a second opener in the same process is refused; the folder is free again once released', async () => {
    const dir = path.join(tmp, 'same-process', 'pglite');
    await mkdir(path.dirname(dir), { recursive: true });
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    await (await lockDataDir(dir))();
  });
});
