import { describe, expect, it } from 'vitest';
import { findTransition, isLegalPath, nextStatuses, TRANSITIONS } from '../src/workflow/transitions.js';
import { STATUSES, TERMINAL_STATUSES, type Status } from '../src/workflow/statuses.js';

describe('the submission state machine', () => {
  it('has the programme flow of the 2025 notice as its main path, ending in 认定', () => {
    const main: Status[] = ['草稿', '已提交', '区县初审', '省级审核', '专家评审', '拟评定', '公示', '认定'];
    expect(isLegalPath(main)).toBe(true);
    expect(findTransition('区县初审', '省级审核')?.roles).toEqual(['officer']);
    expect(findTransition('拟评定', '公示')?.roles).toEqual(['secretariat']);
    expect(findTransition('公示', '认定')?.roles).toEqual(['secretariat']);
  });

  it('lets nothing leave 认定 or 撤回, and reaches every status from 草稿', () => {
    for (const s of TERMINAL_STATUSES) expect(nextStatuses(s)).toEqual([]);
    const seen = new Set<Status>(['草稿']);
    const queue: Status[] = ['草稿'];
    while (queue.length) for (const n of nextStatuses(queue.shift()!)) if (!seen.has(n)) seen.add(n), queue.push(n);
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });

  it('refuses skipped steps, paths not starting at 草稿, and unknown moves', () => {
    expect(isLegalPath(['草稿', '省级审核'])).toBe(false);
    expect(isLegalPath(['已提交', '区县初审'])).toBe(false);
    expect(isLegalPath(['草稿', '撤回', '已提交'])).toBe(false);
    expect(isLegalPath(['草稿', '已提交', '退回', '已提交', '区县初审'])).toBe(true);
    expect(findTransition('草稿', '认定')).toBeUndefined();
  });

  it('binds only the recommendation phase to the deadline, and only the enterprise withdraws', () => {
    const bound = TRANSITIONS.filter((t) => t.deadlineBound)
      .map((t) => `${t.from}→${t.to}`)
      .sort();
    expect(bound).toEqual(['区县初审→省级审核', '已提交→区县初审', '草稿→已提交', '退回→已提交'].sort());
    for (const t of TRANSITIONS.filter((x) => x.to === '撤回')) expect(t.roles).toEqual(['enterprise']);
  });
});
