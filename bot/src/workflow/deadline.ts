import { daysLeft } from '@kekao/core';

/**
 * Has the campaign's deadline passed at `now`? The deadline day itself counts as open, in
 * Beijing time (core `daysLeft`).
 */
export function deadlinePassed(deadline: string, now: Date): boolean {
  return daysLeft({ deadline }, now).passed;
}
