import { note, type Note } from '../../i18n/note.js';
import { significant } from '../../i18n/numberText.js';
import type { LifeObservation } from '../life/censoredLifeFit.js';
import type { UnitDegradation } from './unitDegradation.js';

/**
 * How each unit enters the life distribution of the Id indicator. Pseudo-failure times are the
 * method (Meeker & Escobar 1998 §13.7): a unit whose fitted path reaches the limit at t* > 0 is a
 * failure at t*. A unit without such a time is not dropped (dropping units that failed at the start
 * makes the fit optimistic, dropping units that never fail makes it pessimistic): it enters as a
 * censored observation, what its measurements show (Meeker & Escobar 1998 §2.2; Lawless 2003 §2.2):
 *   - measured at or beyond the limit at t_k, and no pseudo-failure time in (0, t_k] → it failed
 *     between the last inspection within the limit and t_k: interval-censored (t_{k−1}, t_k], or
 *     left-censored at t_k when no earlier inspection was within the limit (a unit out of spec at
 *     t = 0 is left-censored at its first inspection after t = 0);
 *   - never measured at the limit, and no pseudo-failure time > 0 (the path is flat, moves away,
 *     or starts beyond the limit while every measurement is within it) → still working at its last
 *     inspection: right-censored there.
 * A pseudo-failure time later than a measured exceedance is contradicted by the data and is
 * replaced by the measured interval as above.
 */
export interface UnitLifeObservation {
  id: string;
  observation: LifeObservation;
}

export interface LifeObservations {
  observations: UnitLifeObservation[];
  /** Units that could not enter at all (no inspection after t = 0), with why. */
  leftOut: Array<{ id: string; reason: Note }>;
}

function observationOf(u: UnitDegradation, times: readonly number[]): LifeObservation | null {
  const exceed = u.measuredExceedance;
  const t = u.pseudoFailureTime;
  if (exceed === null) {
    if (t !== null && t > 0) return { kind: 'exact', time: t };
    const last = times.length ? Math.max(...times) : 0;
    return last > 0 ? { kind: 'right', time: last } : null;
  }
  if (t !== null && t > 0 && t <= exceed.time) return { kind: 'exact', time: t };
  if (exceed.time > 0) {
    return exceed.previousTime !== null && exceed.previousTime > 0
      ? { kind: 'interval', lower: exceed.previousTime, upper: exceed.time }
      : { kind: 'left', time: exceed.time };
  }
  // Out of spec at t = 0: failed by the first inspection after it.
  const later = times.filter((x) => x > 0);
  return later.length ? { kind: 'left', time: Math.min(...later) } : null;
}

export function lifeObservations(units: readonly UnitDegradation[], timesOf: (id: number) => readonly number[]): LifeObservations {
  const observations: UnitLifeObservation[] = [];
  const leftOut: LifeObservations['leftOut'] = [];
  units.forEach((u, i) => {
    const observation = observationOf(u, timesOf(i));
    if (observation) observations.push({ id: u.id, observation });
    else {
      leftOut.push({
        id: u.id,
        reason: note(
          'id.lifeUnitNoInspection',
          `样品 ${u.id} 在 t = 0 之后没有测量，无法计入寿命分布。`,
          `unit ${u.id} has no inspection after t = 0 and cannot enter the life distribution.`,
        ),
      });
    }
  });
  return { observations, leftOut };
}

function unitList(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} …`;
}

/** The notes that say which units entered censored and how, named. */
export function censoringNotes(obs: readonly UnitLifeObservation[]): Note[] {
  const notes: Note[] = [];
  const right = obs.filter((o) => o.observation.kind === 'right');
  const failedEarly = obs.filter((o) => o.observation.kind === 'left' || o.observation.kind === 'interval');
  if (right.length > 0) {
    const ids = right.map((o) => o.id);
    const at = right.map((o) => (o.observation.kind === 'right' ? o.observation.time : 0));
    const span = Math.min(...at) === Math.max(...at) ? significant(at[0]!) : `${significant(Math.min(...at))}–${significant(Math.max(...at))}`;
    notes.push(
      note(
        'id.lifeUnitsWithoutPseudoFailure',
        `${right.length} 个样品（${unitList(ids)}）的拟合路径不会到达规格限、实测也未到达：按右删失计入寿命分布（在最后一次测量时（${span}）仍未失效；Meeker & Escobar 1998 §2.2）。`,
        `${right.length} unit(s) (${unitList(ids)}) never reach the limit on their fitted path nor in their measurements: they enter the life fit right-censored at their last inspection (${span}; Meeker & Escobar 1998 §2.2).`,
      ),
    );
  }
  if (failedEarly.length > 0) {
    const ids = failedEarly.map((o) => o.id);
    notes.push(
      note(
        'id.lifeUnitsFailedAtInspection',
        `${failedEarly.length} 个样品（${unitList(ids)}）实测已到达或超出限值，但拟合路径没有给出与之相符的伪失效时间：按实测区间删失计入寿命分布（在上一次合格测量与首次超限测量之间失效；在 t = 0 已超限者按首次测量时左删失）。`,
        `${failedEarly.length} unit(s) (${unitList(ids)}) were measured at or beyond the limit but their fitted path gives no pseudo-failure time consistent with that: they enter the life fit censored to the inspection interval in which they failed (left-censored at the first inspection when already out of spec at t = 0).`,
      ),
    );
  }
  return notes;
}
