/** A check-box or drop-down choice of the guide with its bilingual label, and chosen values as text. */
import type { Bilingual } from '../../i18n/bilingual.js';

export type Option<V extends string> = Bilingual & { value: V };

/** The label of a value; a value without an option is shown as itself in both languages. */
export const labelOf = <V extends string>(opts: readonly Option<V>[], v: V): Bilingual => opts.find((o) => o.value === v) ?? { zh: v, en: v };
export const listZh = <V extends string>(opts: readonly Option<V>[], vs: readonly V[]) => vs.map((v) => labelOf(opts, v).zh).join('、');
export const listEn = <V extends string>(opts: readonly Option<V>[], vs: readonly V[]) => vs.map((v) => labelOf(opts, v).en).join(', ');
