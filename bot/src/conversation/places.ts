import { provincialContacts } from '@kekao/core/programme';
import { DIVISIONS, type Division } from './places/divisions.js';
import { PROVINCE_SUFFIX, shortName } from './places/names.js';
import { NATIONAL_NEW_AREAS } from './places/newAreas.js';
import { EXONYMS, NOT_INITIALS } from './places/placePinyin.js';

/**
 * Finds China's administrative divisions named in a message (bot/data/divisions.tsv, GB/T 2260:
 * provinces, prefecture-level cities, county-level areas), so that "我在石家庄" resolves to 河北省
 * (13) without a hand-typed list of cities. Besides the names (full and without their suffix):
 * the one-character abbreviations of the programme's eight provinces (京津沪渝冀闽赣鲁, from core's
 * contact data), full pinyin ("shijiazhuang") and pinyin initials ("sjz", only for the eight
 * provinces and their cities, where a short code is worth the ambiguity).
 */

export type PlaceLevel = 'province' | 'city' | 'area';

export interface Place {
  level: PlaceLevel;
  /** GB/T 2260 code (2, 4 or 6 digits; 港澳台 have the pseudo codes 71/81/82). */
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  cityCode?: string;
  cityName?: string;
}

/** How the place was written: its name, a one-character abbreviation, or Latin letters. */
export type PlaceMatchKind = 'name' | 'abbreviation' | 'pinyin';

/** The word that matched in the message and the places it may mean (one name can be in several provinces). */
export interface PlaceMatch {
  word: string;
  places: Place[];
  kind: PlaceMatchKind;
}

function placeOf(d: Division): Place {
  const prov = DIVISIONS.get(d.provinceCode)!;
  const city = d.cityCode ? DIVISIONS.get(d.cityCode) : undefined;
  return {
    level: d.level,
    code: d.code,
    name: d.name,
    provinceCode: d.provinceCode,
    provinceName: prov.name,
    ...(city ? { cityCode: city.code, cityName: city.name } : {}),
  };
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, area: 2 };

/** Name (full and short) → places. */
const index = new Map<string, Place[]>();
function add(map: Map<string, Place[]>, word: string | undefined, place: Place): void {
  if (!word) return;
  const list = map.get(word) ?? [];
  if (!list.some((p) => p.code === place.code)) list.push(place);
  map.set(word, list);
}
const allPlaces = [...DIVISIONS.values()].map(placeOf);
for (const p of allPlaces) {
  add(index, p.name, p);
  add(index, shortName(p.name, p.level), p);
}
// The national new areas that are no division: an area of their province (code: the province's).
for (const [name, provinceCode] of NATIONAL_NEW_AREAS) {
  const province = DIVISIONS.get(provinceCode)!;
  add(index, name, { level: 'area', code: provinceCode, name, provinceCode, provinceName: province.name });
}
for (const list of index.values()) list.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
/**
 * For each character that begins a name (its UTF-16 code unit, so that scanning a message makes no
 * one-character strings), the lengths of the names it begins, longest first: a position is tried
 * only with those lengths (a message is searched two or three times a turn, and most of its
 * characters begin no name at all).
 */
const lengthsByFirst = new Map<number, number[]>();
for (const w of index.keys()) {
  if (w.length < 2) continue;
  const lengths = lengthsByFirst.get(w.charCodeAt(0)) ?? [];
  if (!lengths.includes(w.length)) lengths.push(w.length);
  lengthsByFirst.set(w.charCodeAt(0), lengths);
}
for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);

const COVERED = new Set<string>(provincialContacts.map((c) => c.code));
/** 京津沪渝冀闽赣鲁 (by code unit, each being one character) → the province. */
const ABBREVIATIONS = new Map(
  provincialContacts.filter((c) => c.province.abbr.length === 1).map((c) => [c.province.abbr.charCodeAt(0), placeOf(DIVISIONS.get(c.code)!)]),
);

// Latin index, built on first use from the pinyin stored in divisions.tsv.
let latin: { full: Map<string, Place[]>; initials: Map<string, Place[]> } | undefined;
function latinIndex() {
  if (latin) return latin;
  const full = new Map<string, Place[]>();
  const initials = new Map<string, Place[]>();
  for (const p of allPlaces) {
    // Areas only by full pinyin and only in the eight provinces ("pudong", "haidian"); elsewhere the
    // names repeat too often to mean anything in Latin letters.
    const syllables = DIVISIONS.get(p.code)!.pinyin;
    if (!syllables || syllables.length < 2 || (p.level === 'area' && !COVERED.has(p.provinceCode))) continue;
    add(full, syllables.join(''), p);
    if (p.level !== 'area' && COVERED.has(p.provinceCode)) add(initials, syllables.map((x) => x[0]).join(''), p);
  }
  for (const m of [full, initials]) for (const list of m.values()) list.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  latin = { full, initials };
  return latin;
}

const EXONYM_ENTRIES = Object.entries(EXONYMS);

/** Pinyin initials are taken for places of up to four syllables ("sjz", "hrb"); a longer Latin word is a spelt-out name. */
export const LONGEST_PLACE_INITIALS = 4;

/** Letters whose lower case is or contains a-z: A-Z, İ (i̇) and the Kelvin sign (k). */
const MAY_LOWER_TO_LATIN = /[A-Za-z\u0130\u212a]/;

function findLatin(text: string): PlaceMatch[] {
  // Most messages are all Chinese: no lower-casing and matching for them.
  if (!MAY_LOWER_TO_LATIN.test(text)) return [];
  const lower = text.toLowerCase();
  if (!/[a-z]{2}/.test(lower)) return [];
  const found: PlaceMatch[] = [];
  const spaced = ` ${lower.replace(/[^a-z]+/g, ' ')} `;
  for (const [name, code] of EXONYM_ENTRIES) {
    if (spaced.includes(` ${name} `)) found.push({ word: name, places: [placeOf(DIVISIONS.get(code)!)], kind: 'pinyin' });
  }
  const idx = latinIndex();
  for (const token of lower.match(/[a-z]+/g) ?? []) {
    if (found.some((f) => f.word === token)) continue;
    const full = idx.full.get(token);
    if (full) {
      found.push({ word: token, places: full, kind: 'pinyin' });
      continue;
    }
    if (token.length < 2 || token.length > LONGEST_PLACE_INITIALS || NOT_INITIALS.has(token)) continue;
    const byInitials = idx.initials.get(token);
    // An abbreviation is only worth taking when it names one place, or one province-level place.
    if (byInitials && (byInitials.length === 1 || byInitials[0]!.level === 'province')) found.push({ word: token, places: [byInitials[0]!], kind: 'pinyin' });
  }
  return found;
}

/**
 * All place names in a text, longest first, without overlaps (石家庄市 wins over 石家庄 and 家);
 * then the one-character abbreviations of the eight provinces not inside a longer name; then Latin
 * spellings. Each match lists every place of that name, provinces before cities before areas.
 */
export function findPlaces(text: string): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  // The positions inside a matched name (allocated at the first match; most messages have none).
  let taken: boolean[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const lengths = lengthsByFirst.get(text.charCodeAt(i));
    if (!lengths) continue;
    for (const len of lengths) {
      if (i + len > text.length) continue;
      const w = text.slice(i, i + len);
      const places = index.get(w);
      if (!places) continue;
      found.push({ word: w, places: [...places], kind: 'name' });
      taken ??= new Array<boolean>(text.length).fill(false);
      for (let k = i; k < i + len; k++) taken[k] = true;
      i += len - 1;
      break;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const p = taken?.[i] ? undefined : ABBREVIATIONS.get(text.charCodeAt(i));
    if (p) found.push({ word: text[i]!, places: [p], kind: 'abbreviation' });
  }
  found.push(...findLatin(text));
  return found;
}

/** The province of a GB/T 2260 code or name ('13', '河北', '河北省', 'Hebei'). */
export function provinceOf(nameOrCode: string): { code: string; name: string } | undefined {
  const byCode = DIVISIONS.get(nameOrCode.slice(0, 2));
  if (/^\d{2,6}$/.test(nameOrCode) && byCode) return { code: byCode.code, name: byCode.name };
  const m = findPlaces(nameOrCode)[0];
  const p = m?.places[0];
  return p ? { code: p.provinceCode, name: p.provinceName } : undefined;
}

/** A place as the officers write it: 河北省石家庄市长安区. */
export function placeLabel(p: Place): string {
  if (p.level === 'province') return p.name;
  if (p.level === 'city') return `${p.provinceName}${p.name}`;
  return `${p.provinceName}${p.cityName ?? ''}${p.name}`;
}

/** The short name of a province (河北省 → 河北, 上海市 → 上海). */
export function provinceShortName(provinceName: string): string {
  return provinceName.replace(PROVINCE_SUFFIX, '') || provinceName;
}
