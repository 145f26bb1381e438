/** Helpers of the rubric tests: a deep copy to break on purpose, and the start of a criterion text. */
export const clone = <T>(v: T): T => structuredClone(v);
export const first12 = (s: string) => s.slice(0, 12);
