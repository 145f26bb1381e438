import type { Note } from '../i18n/note.js';
import type { IndicatorCode } from '../submission/reliabilitySubmission.js';
import { reliabilityIndicator } from '../rubrics/reliability2024.js';
import type { Band, Bilingual } from './assessment.js';

/** The four rubric levels of 沪市监产质〔2024〕124号 附表, best first. */
export type Level = 'excellent' | 'good' | 'fair' | 'poor';

const LEVEL_MIN: Record<Level, number> = { excellent: 91, good: 71, fair: 41, poor: 0 };

export const LEVEL_LABEL: Record<Level, Bilingual> = {
  excellent: { zh: '很好', en: 'excellent' },
  good: { zh: '较好', en: 'good' },
  fair: { zh: '一般', en: 'fair' },
  poor: { zh: '较差', en: 'poor' },
};

/** What a band rule concludes for one indicator: a level (or none) with the reasons. */
export interface BandSuggestion {
  level: Level | null;
  reasons: Note[];
  warnings: Note[];
  metrics: Record<string, unknown>;
}

const ORDER: Level[] = ['excellent', 'good', 'fair', 'poor'];

/** The worse of two levels. */
export function worseLevel(a: Level, b: Level): Level {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export function levelRank(l: Level): number {
  return ORDER.indexOf(l);
}

/** The rubric band (range and official criterion) of a level for an indicator. */
export function rubricBand(code: IndicatorCode, level: Level): { band: Band; criterion: Bilingual } {
  const ind = reliabilityIndicator(code);
  const min = LEVEL_MIN[level];
  const b = ind.bands.find((x) => x.min === min);
  if (!b) throw new Error(`rubric band ${code}/${min} missing`);
  return { band: { min: b.min, max: b.max }, criterion: b.criterion };
}

/** The reliability-2024 band range of each level, as written in reasons. */
export const LEVEL_RANGE: Record<Level, Bilingual> = {
  excellent: { zh: '91~100', en: '91–100' },
  good: { zh: '71~90', en: '71–90' },
  fair: { zh: '41~70', en: '41–70' },
  poor: { zh: '0~40', en: '0–40' },
};
