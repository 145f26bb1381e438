import { note, type Note } from '../../i18n/note.js';
import { fitCensoredLognormal, fitCensoredWeibull } from '../life/censoredLifeFit.js';
import { b10Life, fitLognormal, fitWeibull, lognormalQuantile, type LognormalFit, type NoLifeFit, type WeibullFit } from '../lifeDistribution.js';
import { censoringNotes, type UnitLifeObservation } from './lifeObservations.js';

/** Life distribution of the units' failure times (pseudo-failure times, some censored). */
export interface LifeFit {
  /** Exact pseudo-failure times used (units whose path reaches the limit at t > 0). */
  n: number;
  times: number[];
  /** Every unit that entered the fit, with how (exact, right-, left- or interval-censored). */
  observations: UnitLifeObservation[];
  /** Units that entered censored. */
  censored: number;
  /** 'complete': every unit failed at its pseudo-failure time; 'censored': the likelihood with censoring. */
  method: 'complete' | 'censored';
  weibull: WeibullFit | null;
  weibullReason?: Note;
  lognormal: LognormalFit | null;
  lognormalReason?: Note;
  /** The fit with the higher log-likelihood (both have two parameters, so this is also the lower AIC). */
  preferred: 'weibull' | 'lognormal';
  /** Weibull B10 life (10 % quantile); null without a Weibull fit. */
  b10Life: number | null;
  /** Lognormal B10 life (10 % quantile); null without a lognormal fit. */
  b10LifeLognormal: number | null;
  warnings: Note[];
}

/** Minimum number of units in a life-distribution fit. */
export const MIN_LIFE_UNITS = 5;

const numeric = (n: number, which: string): NoLifeFit => ({
  ok: false,
  n,
  reason: note(
    'life.censoredNumeric',
    `含删失数据的${which === 'weibull' ? '威布尔' : '对数正态'}最大似然估计未收敛。`,
    `the ${which} maximum-likelihood fit with censored units did not converge.`,
  ),
});

/**
 * Weibull and lognormal fits: complete samples by the closed-form / profile fits of
 * lifeDistribution.ts, samples with censored units by censoredLifeFit.ts. Null with a reason
 * when there are too few units or failures.
 */
export function lifeFit(observations: UnitLifeObservation[], extraWarnings: Note[]): { fit: LifeFit | null; reason?: Note } {
  const failures = observations.filter((o) => o.observation.kind !== 'right').length;
  const times = observations.flatMap((o) => (o.observation.kind === 'exact' ? [o.observation.time] : []));
  if (observations.length < MIN_LIFE_UNITS || failures < 2) {
    return {
      fit: null,
      reason: note(
        'id.lifeTooFewUnits',
        `寿命分布拟合至少需要 ${MIN_LIFE_UNITS} 个样品（其中至少 2 个失效），现有 ${observations.length} 个样品、${failures} 个失效。`,
        `a life-distribution fit needs at least ${MIN_LIFE_UNITS} units, at least 2 of them failed; got ${observations.length} units, ${failures} failed.`,
      ),
    };
  }
  const complete = times.length === observations.length;
  const obs = observations.map((o) => o.observation);
  let w: WeibullFit | NoLifeFit;
  let ln: LognormalFit | NoLifeFit;
  if (complete) {
    w = fitWeibull(times);
    ln = fitLognormal(times);
  } else {
    const cw = fitCensoredWeibull(obs);
    w = cw ? { ok: true, ...cw, n: obs.length } : numeric(obs.length, 'weibull');
    const cl = fitCensoredLognormal(obs);
    ln = cl ? { ok: true, ...cl, n: obs.length } : numeric(obs.length, 'lognormal');
  }
  if (!w.ok && !ln.ok) return { fit: null, reason: w.reason };
  return {
    fit: {
      n: times.length,
      times,
      observations,
      censored: observations.length - times.length,
      method: complete ? 'complete' : 'censored',
      weibull: w.ok ? w : null,
      ...(w.ok ? {} : { weibullReason: w.reason }),
      lognormal: ln.ok ? ln : null,
      ...(ln.ok ? {} : { lognormalReason: ln.reason }),
      preferred: w.ok && (!ln.ok || w.logLik >= ln.logLik) ? 'weibull' : 'lognormal',
      b10Life: w.ok ? b10Life(w) : null,
      b10LifeLognormal: ln.ok ? lognormalQuantile(0.1, ln) : null,
      warnings: [...censoringNotes(observations), ...extraWarnings],
    },
  };
}
