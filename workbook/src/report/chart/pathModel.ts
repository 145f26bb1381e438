/**
 * The four degradation path forms of the Id indicator (same forms and parameter names as
 * degradationPath.ts in the metrics of @kekao/core; Meeker & Escobar 1998, §13.2): evaluated here from the
 * fitted a and b only, because the report receives plain metric data, not fit objects.
 */
export type PathModelName = 'linear' | 'exponential' | 'power' | 'logarithmic';

export const PATH_MODEL_NAMES: readonly PathModelName[] = ['linear', 'exponential', 'power', 'logarithmic'];

export function isPathModel(value: unknown): value is PathModelName {
  return typeof value === 'string' && (PATH_MODEL_NAMES as readonly string[]).includes(value);
}

/** y(t) of the path; null where the form is undefined (t ≤ 0 for power/logarithmic) or overflows. */
export function evaluatePath(model: PathModelName, a: number, b: number, t: number): number | null {
  let y: number;
  switch (model) {
    case 'linear':
      y = a + b * t; // y = a + b·t
      break;
    case 'exponential':
      y = a * Math.exp(b * t); // y = a·e^(b·t)
      break;
    case 'power':
      if (!(t > 0)) return null;
      y = a * t ** b; // y = a·t^b
      break;
    case 'logarithmic':
      if (!(t > 0)) return null;
      y = a + b * Math.log(t); // y = a + b·ln t
      break;
  }
  return Number.isFinite(y) ? y : null;
}

/**
 * Times at which to draw the fitted curve over [from, to]: evenly spaced for linear/exponential;
 * for power/logarithmic (undefined at 0, steep near it) geometrically spaced from a small
 * positive start so the bend near t = 0 is drawn smoothly.
 */
export function curveTimes(model: PathModelName, from: number, to: number, count = 120): number[] {
  if (!(to > from)) return [from];
  const times: number[] = [];
  if (model === 'power' || model === 'logarithmic') {
    const start = from > 0 ? from : to / 1000;
    const ratio = (to / start) ** (1 / (count - 1));
    for (let i = 0; i < count; i++) times.push(i === count - 1 ? to : start * ratio ** i);
  } else {
    for (let i = 0; i < count; i++) times.push(from + ((to - from) * i) / (count - 1));
  }
  return times;
}
