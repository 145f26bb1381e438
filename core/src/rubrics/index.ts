import { reliability2024 } from './reliability2024.js';
import { fmeaCase2025 } from './fmeaCase2025.js';
import { db31_1368_2022 } from './db31_1368_2022.js';
import type { Db31Rubric, FmeaRubric, ReliabilityRubric, Rubric } from './rubricSchema.js';

export * from './rubricSchema.js';
export * from './reliability2024.js';
export * from './fmeaCase2025.js';
export * from './db31_1368_2022.js';
export * from './db31EconomicRules.js';

/** Every rubric kekao ships, by id. Each was validated by its schema at module load. */
export const RUBRICS: {
  readonly 'reliability-2024': ReliabilityRubric;
  readonly 'fmea-case-2025': FmeaRubric;
  readonly 'db31-1368-2022': Db31Rubric;
} = {
  'reliability-2024': reliability2024,
  'fmea-case-2025': fmeaCase2025,
  'db31-1368-2022': db31_1368_2022,
};

export type RubricId = keyof typeof RUBRICS;

/** The rubric ids, in registry order. */
export const rubricIds: readonly RubricId[] = Object.keys(RUBRICS) as RubricId[];

export function isRubricId(id: string): id is RubricId {
  return Object.hasOwn(RUBRICS, id);
}

/** The rubric with the given id, or undefined. */
export function getRubric(id: string): Rubric | undefined {
  return isRubricId(id) ? RUBRICS[id] : undefined;
}
