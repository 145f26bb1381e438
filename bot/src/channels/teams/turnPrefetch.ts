import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';
import type { StatePort } from '../../conversation/ports.js';

/**
 * One database read per turn instead of two: teams-ai loads its turn state through `Storage.read`
 * at the start of every turn, and the conversation logic then loads the user's questionnaire
 * state. The turn runs inside an AsyncLocalStorage context naming the questionnaire key; the
 * storage wrapper reads that key in the same query as teams-ai's keys, and the state port serves
 * the first load of the turn from it. Writes go straight to the database (etag-checked), so
 * nothing is cached across turns or processes.
 */

interface TurnPrefetch {
  keys: string[];
  values?: StoreItems;
}

const turn = new AsyncLocalStorage<TurnPrefetch>();

/** Runs one turn with `keys` to be fetched along with the turn state. */
export function withTurnPrefetch<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
  return turn.run({ keys }, fn);
}

export function prefetchingStorage(inner: Storage): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      const t = turn.getStore();
      if (!t || t.values) return inner.read(keys);
      const all = await inner.read([...keys, ...t.keys.filter((k) => !keys.includes(k))]);
      t.values = {};
      for (const k of t.keys) if (all[k]) t.values[k] = all[k]!;
      const out: StoreItems = {};
      for (const k of keys) if (all[k]) out[k] = all[k]!;
      return out;
    },
    write: (changes) => inner.write(changes),
    delete: (keys) => inner.delete(keys),
  };
}

export function prefetchingStatePort(inner: StatePort): StatePort {
  return {
    async load(key) {
      const t = turn.getStore();
      if (t?.values && t.keys.includes(key)) {
        // Served once: a second load in the same turn (after a save) reads the database again.
        t.keys = t.keys.filter((k) => k !== key);
        const item = t.values[key];
        if (!item) return undefined;
        const { eTag, ...value } = item;
        return { value, etag: eTag ?? '' };
      }
      return inner.load(key);
    },
    save: (key, value, etag) => inner.save(key, value, etag),
    createIfAbsent: (key, value) => inner.createIfAbsent(key, value),
    remove: (key) => inner.remove(key),
  };
}
