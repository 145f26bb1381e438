import { note, type Note } from '../../i18n/note.js';
import type { Direction } from '../../submission/reliabilitySubmission.js';
import { pathIncreasing, type PathFit } from '../degradationPath.js';
import { reaches } from './measurements.js';

export interface PseudoFailure {
  time: number | null;
  reason?: Note;
  warning?: Note;
}

/** Built only when reported (most units cross the limit after t = 0). */
function alreadyOut(): Note {
  return note(
    'id.outOfSpecAtStart',
    '拟合路径在 t = 0 时已超出规格限，伪失效时间记为 0。',
    'the fitted path is already beyond the limit at t = 0; the pseudo-failure time is 0.',
  );
}

/**
 * Pseudo-failure time (Meeker & Escobar 1998 §13.7.1): the smallest t ≥ 0 at which the fitted
 * path reaches the limit. Every path form is monotone in t, so it crosses a level at most once:
 * - crossing at t* ≥ 0 while moving toward the limit → t*;
 * - the path is beyond the limit already at t = 0 (or as t → 0⁺) → 0, with a warning;
 * - otherwise (flat, moving away, or crossing only before t = 0) → null with a reason.
 */
export function pseudoFailure(fit: PathFit, limit: number, direction: Direction, probeTime: number): PseudoFailure {
  const toward = fit.b !== 0 && (direction === 'max' ? pathIncreasing(fit) : !pathIncreasing(fit));
  const tStar = fit.solveTime(limit);
  if (tStar !== null && tStar >= 0) {
    return toward ? { time: tStar } : { time: 0, warning: alreadyOut() };
  }
  // No crossing at t ≥ 0: the path is either beyond the limit for every t ≥ 0 or never reaches it.
  const probe = fit.predict(probeTime);
  if (probe !== null && reaches(probe, limit, direction)) return { time: 0, warning: alreadyOut() };
  const why =
    fit.b === 0
      ? note('id.flatPath', '拟合路径是水平的（斜率为 0），永远不会到达规格限。', 'the fitted path is flat (zero slope) and never reaches the limit.')
      : !toward
        ? note(
            'id.pathAwayFromLimit',
            '拟合路径朝远离规格限的方向变化（退化方向与限值相反），永远不会到达规格限。',
            'the fitted path moves away from the limit (the drift runs opposite to the limit) and never reaches it.',
          )
        : note(
            'id.pathNeverReachesLimit',
            '拟合路径在可表示的时间范围内不会到达规格限。',
            'the fitted path does not reach the limit within the representable time range.',
          );
  return { time: null, reason: why };
}
