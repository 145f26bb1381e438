import { describe, expect, it } from 'vitest';
import { fmeaCase2025, getRubric, rubricIds, RUBRICS } from '../src/rubrics/index.js';

describe('RUBRICS', () => {
  it('registers the three rubrics by id', () => {
    expect([...rubricIds]).toEqual(['reliability-2024', 'fmea-case-2025', 'db31-1368-2022']);
    expect(getRubric('fmea-case-2025')).toBe(fmeaCase2025);
    expect(getRubric('nope')).toBeUndefined();
    expect(getRubric('toString')).toBeUndefined();
    for (const id of rubricIds) expect(RUBRICS[id].id).toBe(id);
  });
});
