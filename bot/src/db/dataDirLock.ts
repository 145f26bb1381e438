import { randomBytes, createHash } from 'node:crypto';
import { link, open, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/**
 * An exclusive lock file that two processes can never both hold, with safe takeover of a lock left
 * by a dead process (SIGKILL, power loss). PGlite is one process's database: two writers on one
 * data folder would corrupt it.
 *
 * Taking the lock: the owner record (pid, host, a random nonce) is written completely to a private
 * temporary file, which is then hard-linked to the lock path. `link` fails with EEXIST when the path
 * exists, atomically, so at most one process creates the lock, and a lock file is never seen half
 * written.
 *
 * Taking over a stale lock: whoever finds the lock's owner dead must first take a second lock, the
 * takeover marker, named after that exact lock file (inode and content); only its holder may delete
 * the lock, and only after reading it again and finding it unchanged. Two processes that found the
 * same stale lock therefore cannot both delete it, and neither can delete a fresh lock created in
 * the meantime (a different file: other inode, other nonce). After the deletion every contender goes
 * back to the `link` race, which one wins. A marker left by a process that died mid-takeover is
 * itself a stale lock and is taken over the same way (one level deeper).
 *
 * Liveness: the owner's pid is probed with signal 0 on the same host; a lock recorded by another
 * host (a shared network volume, another container) cannot be probed and counts as held. A lock
 * with this process's pid but not held by it is a leftover of an earlier process with the same pid
 * (containers restart as pid 1).
 */

export interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
  since: string;
}

export class LockHeldError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: { pid: number; host?: string },
  ) {
    super(`${lockFile} is held by process ${owner.pid}${owner.host ? ` on ${owner.host}` : ''}`);
  }
}

interface Observed {
  ino: number;
  content: string;
  owner?: LockOwner;
  /** Lock files written by earlier kekao versions hold just the pid. */
  legacyPid?: number;
}

const heldNonces = new Set<string>();
const HOST = hostname();

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
}

/** The lock file as one consistent observation (inode and content read through the same handle). */
async function observe(lockPath: string): Promise<Observed | undefined> {
  let handle;
  try {
    handle = await open(lockPath, 'r');
  } catch (e) {
    if (code(e) === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const { ino } = await handle.stat();
    const content = await handle.readFile('utf8');
    const observed: Observed = { ino, content };
    try {
      const o = JSON.parse(content) as Partial<LockOwner>;
      if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.nonce === 'string') observed.owner = o as LockOwner;
    } catch {
      if (/^\s*\d+\s*$/.test(content)) observed.legacyPid = Number(content);
    }
    return observed;
  } finally {
    await handle.close();
  }
}

function ownerOf(seen: Observed): { pid: number; host?: string } {
  return seen.owner ? { pid: seen.owner.pid, host: seen.owner.host } : { pid: seen.legacyPid ?? 0 };
}

function held(seen: Observed): boolean {
  if (seen.owner) {
    if (seen.owner.host !== HOST) return true;
    if (seen.owner.pid === process.pid) return heldNonces.has(seen.owner.nonce);
    return processAlive(seen.owner.pid);
  }
  if (seen.legacyPid) return seen.legacyPid !== process.pid && processAlive(seen.legacyPid);
  // Empty or unreadable: only an earlier version crashing between create and write leaves that.
  return false;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function removeIfOurs(lockPath: string, nonce: string): Promise<void> {
  const seen = await observe(lockPath);
  if (seen?.owner?.nonce === nonce) await unlink(lockPath).catch((e) => (code(e) === 'ENOENT' ? undefined : Promise.reject(e)));
}

const MAX_DEPTH = 4;

async function acquire(lockPath: string, depth: number, deadline: number): Promise<() => Promise<void>> {
  const owner: LockOwner = { pid: process.pid, host: HOST, nonce: randomBytes(12).toString('hex'), since: new Date().toISOString() };
  const tmp = `${lockPath}.${owner.pid}.${owner.nonce}.tmp`;
  await writeFile(tmp, JSON.stringify(owner), { flag: 'wx' });
  try {
    for (;;) {
      // Marked as held before the link: another acquisition in this process that reads the new
      // lock file must see it as ours, not as a leftover of an earlier process with our pid.
      heldNonces.add(owner.nonce);
      try {
        await link(tmp, lockPath);
        return async () => {
          heldNonces.delete(owner.nonce);
          await removeIfOurs(lockPath, owner.nonce);
        };
      } catch (e) {
        heldNonces.delete(owner.nonce);
        if (code(e) !== 'EEXIST') throw e;
      }
      const seen = await observe(lockPath);
      if (!seen) continue;
      if (held(seen)) throw new LockHeldError(lockPath, ownerOf(seen));
      if (Date.now() > deadline) throw new Error(`${lockPath}: a stale lock could not be taken over in time`);
      await takeOver(lockPath, seen, depth, deadline);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function takeOver(lockPath: string, seen: Observed, depth: number, deadline: number): Promise<void> {
  if (depth >= MAX_DEPTH) throw new Error(`${lockPath}: too many abandoned takeovers; remove the *.takeover-* files next to it`);
  const identity = createHash('sha256').update(`${seen.ino}\n${seen.content}`).digest('hex').slice(0, 16);
  let release: () => Promise<void>;
  try {
    release = await acquire(`${lockPath}.takeover-${identity}`, depth + 1, deadline);
  } catch (e) {
    if (!(e instanceof LockHeldError)) throw e;
    // Someone else is taking this lock over right now: let them finish, then race for the lock.
    await sleep(2 + Math.random() * 10);
    return;
  }
  try {
    const now = await observe(lockPath);
    if (now && now.ino === seen.ino && now.content === seen.content) {
      await unlink(lockPath).catch((e) => (code(e) === 'ENOENT' ? undefined : Promise.reject(e)));
    }
  } finally {
    await release();
  }
}

/** Takes the lock at `lockPath` or throws LockHeldError naming the live owner. Returns the release. */
export function acquireLockFile(lockPath: string, timeoutMs = 5_000): Promise<() => Promise<void>> {
  return acquire(lockPath, 0, Date.now() + timeoutMs);
}
