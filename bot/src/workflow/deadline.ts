import { daysLeft } from '../../../core/src/index.js';

/**
 * Has the campaign's deadline passed at `now`? The deadline day itself counts as open, in
 * Beijing time (core `daysLeft`).
 */
export function deadlinePassed(deadline: string, now: Date): boolean {
  return daysLeft({ deadline }, now).passed;
}
