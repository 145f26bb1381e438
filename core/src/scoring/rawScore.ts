import { note, type Note } from '../i18n/note.js';
import type { Band } from './assessment.js';

export interface RawScoreCheck {
  /** The score that counts after the rubric's notes ((a) cap, (d) fraud). */
  effective: number;
  issues: Note[];
  notes: Note[];
}

/**
 * Checks a raw score a person entered against the suggested band and the rubric's notes:
 * note (b) range 0–max; outside the suggested band only with a written reason; note (a) caps the
 * professional indicators at 40 when a basic requirement is unmet; note (d) fraud sets it to 0.
 * `issues` are problems that block accepting the score (the API refuses them); `notes` explain
 * adjustments.
 */
export function checkRawScore(input: {
  code: string;
  raw: number;
  reason?: string;
  max: number;
  suggestedBand: Band | null;
  cap?: Band | null;
  fraud?: boolean;
}): RawScoreCheck {
  const issues: Note[] = [];
  const notes: Note[] = [];
  const { code, raw, max } = input;
  if (!Number.isFinite(raw) || raw < 0 || raw > max) {
    issues.push(note('score.outOfRange', `${code} 的原始得分 ${raw} 超出 0~${max}`, `${code}: raw score ${raw} is outside 0–${max}`));
    return { effective: 0, issues, notes };
  }
  const hasReason = Boolean(input.reason && input.reason.trim().length > 0);
  const band = input.suggestedBand;
  if (band && (raw < band.min || raw > band.max) && !hasReason) {
    issues.push(
      note(
        'score.outsideBandNoReason',
        `${code} 的原始得分 ${raw} 不在建议分档 ${band.min}~${band.max} 内，须填写理由`,
        `${code}: raw score ${raw} is outside the suggested band ${band.min}–${band.max}; a reason is required`,
      ),
    );
  }
  let effective = raw;
  if (input.cap && raw > input.cap.max) {
    effective = input.cap.max;
    notes.push(
      note(
        'score.cappedByBasicRequirements',
        `${code}：未满足“基本要求（a）”，得分上限为 ${input.cap.max}（评分说明（a）），${raw} 按 ${input.cap.max} 计`,
        `${code}: basic requirements (a) unmet; capped at ${input.cap.max} (note a)`,
      ),
    );
  }
  if (input.fraud) {
    effective = 0;
    notes.push(
      note(
        'score.fraud',
        `${code}：评审认定存在数据或信息造假，该指标得 0 分（评分说明（d））`,
        `${code}: fraud marked by a reviewer; the indicator scores 0 (note d)`,
      ),
    );
  }
  return { effective, issues, notes };
}
