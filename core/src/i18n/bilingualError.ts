import type { Note } from './note.js';

/**
 * An error a person reads: `key` is the stable English identifier that tests, logs and
 * translations match on; `zh` is shown first, `en` on request; `where` names the place of the
 * problem when there is one (a cell, a field, an entry of a list). It has the shape of a `Note`,
 * so it can be shown, stored or answered with the same code as every other bilingual text.
 *
 * The message defaults to "中文 / English"; a subclass may keep another message for logs.
 */
export class BilingualError extends Error implements Note {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly where?: string;

  constructor(key: string, zh: string, en: string, options: { where?: string; message?: string; cause?: unknown } = {}) {
    super(options.message ?? `${zh} / ${en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.key = key;
    this.zh = zh;
    this.en = en;
    if (options.where !== undefined) this.where = options.where;
  }
}
