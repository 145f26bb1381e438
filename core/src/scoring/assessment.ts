import type { Bilingual } from '../i18n/bilingual.js';
import type { Note } from '../i18n/note.js';

export type { Bilingual } from '../i18n/bilingual.js';

/** A closed score range, in the rubric's unit (0–100 raw score, or points for FMEA/DB31 items). */
export interface Band {
  min: number;
  max: number;
}

/** Data-integrity red flag (rubric note (d)): shown as 需核实 to reviewers; only a person marks fraud. */
export interface IntegrityFlag {
  kind: 'duplicate-rows' | 'identical-values' | 'terminal-digit' | 'finer-than-resolution' | 'impossible-value';
  indicator: string;
  /** Where in the submission, e.g. `ic.parameters[0].stages[1]`, and a human-readable place. */
  path: string;
  place: string;
  /** `place` in English (optional only so that flags built elsewhere stay valid). */
  placeEn?: string;
  message: Note;
  status: '需核实';
}

export interface IndicatorAssessment {
  code: string;
  name: Bilingual;
  /** Reliability: weight as a fraction (0.20). FMEA / DB31: the item's maximum points. */
  weight: number;
  group?: Bilingual;
  metrics: Record<string, unknown>;
  suggestedBand: Band | null;
  /** The official criterion text of the band the suggestion falls in. */
  bandCriterion?: Bilingual;
  reasons: Note[];
  warnings: Note[];
  rawScore: number | null;
  rawScoreReason?: string;
  /** Problems with the entered raw score (outside the band without a reason, …). */
  scoreIssues: Note[];
  fraud: boolean;
  weightedScore: number | null;
}

export interface Assessment {
  rubric: string;
  rubricTitle: Bilingual;
  subject: { enterprise: string; product: string };
  /** `label` is the Chinese label; `labelEn` the English one (optional for assessments stored before it). */
  policy: { family: string; label: string; labelEn?: string; official: false };
  indicators: IndicatorAssessment[];
  basicRequirements: { met: boolean; missing: Note[] };
  /** Σ weighted scores of the indicators that have one (rubric note (c)). */
  total: number;
  /** Maximum attainable total (100 for every rubric kekao ships). */
  maxTotal: number;
  complete: boolean;
  missingScores: string[];
  flags: IntegrityFlag[];
  tier?: { tier: 1 | 2 | 3; label: Bilingual; treatment: Bilingual; reasons: Note[] };
  /** FMEA: the band label of the total percentage. */
  grade?: Bilingual;
  warnings: Note[];
}

/** A validation problem at one place of an input (submission, workbook cell, HTTP body, chat field). */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `ic.parameters[0].stages[1].values[3]`. */
  path: string;
  key: string;
  zh: string;
  en: string;
}
