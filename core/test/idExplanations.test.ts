import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessInput, type Assessment, type IndicatorAssessment } from '../src/index.js';

/** Id explanations that say the real cause (each case was misleading before). */
function specimens(): { id: string; times: number[]; values: number[] }[] {
  const byId = new Map<string, { id: string; times: number[]; values: number[] }>();
  const csv = readFileSync(fileURLToPath(new URL('../../test/data/alloya.csv', import.meta.url)), 'utf8');
  for (const line of csv.trim().split(/\r?\n/).slice(1)) {
    const [inches, id, megacycles] = line.split(',');
    if (!byId.has(id!)) byId.set(id!, { id: id!, times: [], values: [] });
    byId.get(id!)!.times.push(Number(megacycles));
    byId.get(id!)!.values.push(Number(inches));
  }
  return [...byId.values()];
}

function idOf(parameter: Record<string, unknown>): IndicatorAssessment {
  const r = assessInput({
    rubric: 'reliability-2024',
    enterprise: { name: 'E' },
    product: { name: 'P' },
    basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: true, resultData: true },
    id: { parameters: [{ name: 'crack', ...parameter }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return (r.assessment as Assessment).indicators.find((i) => i.code === 'Id')!;
}

describe('Id explanations name the real cause', () => {
  it('crack growth declared "min" (wrong direction): the baseline is already beyond the limit — check the direction', () => {
    const id = idOf({ limit: 1.6, direction: 'min', ratedLife: 0.12, model: 'exponential', units: specimens() });
    expect(id.suggestedBand).toEqual({ min: 0, max: 40 });
    const r = id.reasons.find((x) => x.key === 'id.baselineBeyondLimit')!;
    // Every specimen starts at 0.90 in, which is below a 'min' limit of 1.6 in.
    expect(r.zh).toContain('21/21 个样品的基准值（如 0.9）在开始时已达到或超出限值（不得低于 1.6）');
    expect(r.zh).toContain('方向（max/min）');
    expect(r.en).toContain('Check the limit and the direction (max/min)');
    expect(id.reasons.map((x) => x.key)).not.toContain('id.noShare');
  });

  it('a limit equal to the baseline says so, not "no usable fit"', () => {
    const id = idOf({ limit: 0.9, direction: 'max', ratedLife: 0.12, model: 'exponential', units: specimens() });
    expect(id.reasons.map((x) => x.key)).toContain('id.baselineBeyondLimit');
    expect(id.reasons.find((x) => x.key === 'id.baselineBeyondLimit')!.en).toContain('21/21 units start at or beyond the limit');
  });

  it('a path moving away from its limit: "退化方向与限值相反", no negative percentage', () => {
    // Resistance falling steadily while the limit is a maximum: drift share (ŷ(1000) − 10)/(12 − 10) < 0.
    const times = [0, 100, 200, 300, 400, 500];
    const units = Array.from({ length: 5 }, (_, k) => ({ id: `U${k + 1}`, times, values: times.map((t) => 10 - 0.003 * t * (1 + k / 10)) }));
    const id = idOf({ limit: 12, direction: 'max', ratedLife: 1000, model: 'linear', units });
    const text = id.reasons.map((r) => `${r.zh} ${r.en}`).join(' ');
    expect(text).toContain('退化方向与限值相反');
    expect(text).toContain('the drift runs opposite to the limit');
    expect(text).not.toMatch(/-\d+\s*%/);
  });

  it('a unit out of spec at t = 0 is named and enters the life fit censored, not silently dropped', () => {
    const times = [0, 100, 200, 300, 400];
    const units = [
      ...[1, 2, 3, 4, 5].map((k) => ({ id: `U${k}`, times, values: times.map((t) => 1 + 0.01 * k * t) })),
      { id: 'BAD', times, values: times.map((t) => 11 + 0.01 * t) },
    ];
    const id = idOf({ limit: 10, direction: 'max', ratedLife: 500, model: 'linear', units });
    const life = (id.metrics as any).parameters[0].lifeDistribution;
    const bad = life.observations.find((o: any) => o.id === 'BAD');
    // Measured at 11 > 10 already at t = 0: left-censored at the first inspection after t = 0.
    expect(bad.observation).toEqual({ kind: 'left', time: 100 });
    const note = id.warnings.find((w) => w.key === 'id.lifeUnitsFailedAtInspection')!;
    expect(note.zh).toContain('BAD');
    expect(note.en).toContain('BAD');
  });
});
