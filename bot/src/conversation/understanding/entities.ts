import { findPlaces, provinceShortName, type Place, type PlaceMatchKind } from '../places.js';
import { soundedPlace } from './soundedPlace.js';
import { indicatorMentions, type IndicatorCode } from './indicators.js';
import { latinNamesIn } from './latinNames.js';
import { parseScore, type ParsedScore } from './scores.js';

/**
 * Step 3 of understanding: what the message names — places (with the province each lies in),
 * indicator codes, a score entry, case numbers (BF-2025-0007) and dates. Organisation names are
 * matched separately against what the asker may see (organisations.ts).
 */

export interface Entities {
  places: Array<{ word: string; place: Place; province: string; kind: PlaceMatchKind }>;
  indicators: IndicatorCode[];
  score?: ParsedScore;
  caseRefs: string[];
  dates: Array<{ year?: number; month: number; day: number }>;
  /** Company names written in pinyin in English text (latinNames.ts), lower case. */
  latinNames: string[];
}

const CASE_REF = /(?<![a-z])bf[\s\-_]?(\d{4})[\s\-_]?(\d{1,4})(?!\d)/gi;
const DATE = /(?:(\d{4})\s*[年\-/.]\s*)?(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?/g;

/** BF-2025-7 → BF-2025-0007. */
export function caseRefsIn(text: string): string[] {
  return [...new Set([...text.matchAll(CASE_REF)].map((m) => `BF-${m[1]}-${m[2]!.padStart(4, '0')}`))];
}

export function extractEntities(normalised: string, original = normalised): Entities {
  const found = findPlaces(normalised);
  // No place written as such: perhaps a place of the eight provinces typed by sound ("天金的联系人", "福洲联系人").
  const sounded = found.length ? undefined : soundedPlace(normalised);
  const places = (sounded ? [sounded] : found).flatMap((m) => {
    const p = m.places[0]!;
    return [{ word: m.word, place: p, province: provinceShortName(p.provinceName), kind: m.kind }];
  });
  const mentions = indicatorMentions(normalised);
  const parsed = parseScore(normalised, original, mentions);
  const dates = [...normalised.matchAll(DATE)]
    .map((m) => ({ ...(m[1] ? { year: Number(m[1]) } : {}), month: Number(m[2]), day: Number(m[3]) }))
    .filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
  return {
    places,
    indicators: [...new Set(mentions.map((m) => m.code))],
    ...(parsed.ok ? { score: parsed.score } : {}),
    caseRefs: caseRefsIn(normalised),
    dates,
    latinNames: latinNamesIn(original),
  };
}
