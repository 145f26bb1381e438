/**
 * One contender for the PGlite data-folder lock, run as its own process by pgliteLock.test.ts:
 * prints `ready`, reads the schedule (one JSON line on stdin: data folders and the instant to try
 * each), and at each instant tries `lockDataDir` — the function openPglite uses — printing one JSON
 * line per trial, then `done`. A lock won is kept until the process exits, so a later contender
 * cannot win it; the process stays until the test stops it, after every contender is done (a winner
 * that exited early would leave a stale lock that a slower contender of the same trial may rightly
 * take over).
 */
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../../src/db/pglite.js';

interface Schedule {
  trials: Array<{ dataDir: string; startAt: number }>;
}

async function until(at: number): Promise<void> {
  while (Date.now() < at - 15) await new Promise((r) => setTimeout(r, Math.min(10, at - 15 - Date.now())));
  // The last milliseconds spin, so every contender leaves the barrier at the same instant.
  while (Date.now() < at) {
    /* spin */
  }
}

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const first = await new Promise<string>((resolve) => lines.once('line', resolve));
const schedule = JSON.parse(first) as Schedule;
for (const [trial, t] of schedule.trials.entries()) {
  await until(t.startAt);
  try {
    await lockDataDir(t.dataDir);
    process.stdout.write(`${JSON.stringify({ trial, won: true })}\n`);
  } catch (e) {
    process.stdout.write(
      `${JSON.stringify({ trial, won: false, locked: e instanceof DataDirLockedError, error: e instanceof DataDirLockedError ? undefined : String(e) })}\n`,
    );
  }
}
process.stdout.write('done\n');
lines.close();
// Kept alive (and its locks held) until the test ends it.
setInterval(() => undefined, 60_000);
