import type { Role } from '../auth/principal.js';
import type { ScopeLevel } from '../auth/scope.js';
import type { Status } from './statuses.js';

/**
 * The legal transitions and who may make each. An actor must also have the entry in scope
 * (checked by the API). `officerLevels` narrows which officers act: the district bureau screens
 * and forwards (notice §四(一): 初审后逐级报送), the province convenes the experts and draws up the
 * proposed list (§五(一)), Shanghai's secretariat publishes and recognises (§五(二)).
 *
 * `deadlineBound` marks the steps of the recommendation phase: the notice's 推荐截止时间
 * (§四(三)) is the last day to submit and forward to the province. Later steps (review, 公示,
 * 认定) happen after the deadline by design. A deadline-bound step after the deadline needs an
 * officer's override with a written reason.
 */
export interface TransitionRule {
  from: Status;
  to: Status;
  roles: readonly Role[];
  officerLevels?: readonly ScopeLevel[];
  deadlineBound: boolean;
  zh: string;
  en: string;
}

const LOCAL: readonly ScopeLevel[] = ['district', 'city'];
const PROVINCE: readonly ScopeLevel[] = ['province'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: '草稿', to: '已提交', roles: ['enterprise', 'officer'], officerLevels: LOCAL, deadlineBound: true, zh: '提交推荐材料', en: 'submit' },
  {
    from: '退回',
    to: '已提交',
    roles: ['enterprise', 'officer'],
    officerLevels: LOCAL,
    deadlineBound: true,
    zh: '修改后重新提交',
    en: 'resubmit after changes',
  },
  {
    from: '已提交',
    to: '区县初审',
    roles: ['officer'],
    officerLevels: LOCAL,
    deadlineBound: true,
    zh: '区县市场监管部门初审',
    en: 'district screening starts',
  },
  {
    from: '区县初审',
    to: '省级审核',
    roles: ['officer'],
    officerLevels: LOCAL,
    deadlineBound: true,
    zh: '初审通过，报送省级',
    en: 'screened, forwarded to the province',
  },
  {
    from: '省级审核',
    to: '专家评审',
    roles: ['officer'],
    officerLevels: PROVINCE,
    deadlineBound: false,
    zh: '省级组织专家评审',
    en: 'province convenes the expert review',
  },
  {
    from: '专家评审',
    to: '拟评定',
    roles: ['officer'],
    officerLevels: PROVINCE,
    deadlineBound: false,
    zh: '列入拟评定对象名单',
    en: 'put on the proposed list',
  },
  { from: '拟评定', to: '公示', roles: ['secretariat'], deadlineBound: false, zh: '汇总后公示', en: 'published for public comment' },
  { from: '公示', to: '认定', roles: ['secretariat'], deadlineBound: false, zh: '公示期满无异议，认定', en: 'recognised after the public notice' },
  // Sent back for changes by whoever holds the entry at that stage.
  { from: '已提交', to: '退回', roles: ['officer'], officerLevels: LOCAL, deadlineBound: false, zh: '退回修改', en: 'returned for changes' },
  { from: '区县初审', to: '退回', roles: ['officer'], officerLevels: LOCAL, deadlineBound: false, zh: '初审未通过，退回', en: 'returned by the district' },
  {
    from: '省级审核',
    to: '退回',
    roles: ['officer'],
    officerLevels: PROVINCE,
    deadlineBound: false,
    zh: '省级审核未通过，退回',
    en: 'returned by the province',
  },
  { from: '专家评审', to: '退回', roles: ['officer'], officerLevels: PROVINCE, deadlineBound: false, zh: '评审后退回', en: 'returned after review' },
  { from: '公示', to: '退回', roles: ['secretariat'], deadlineBound: false, zh: '异议成立，退回', en: 'objection upheld, returned' },
  // The enterprise may withdraw its entry at any point before recognition.
  ...(['草稿', '已提交', '区县初审', '省级审核', '专家评审', '拟评定', '公示', '退回'] as const).map(
    (from): TransitionRule => ({ from, to: '撤回', roles: ['enterprise'], deadlineBound: false, zh: '企业撤回', en: 'withdrawn by the enterprise' }),
  ),
];

export function findTransition(from: Status, to: Status): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function nextStatuses(from: Status): Status[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Is a status path (as read from status_history) a walk through the legal transitions from 草稿? */
export function isLegalPath(path: readonly (Status | null)[]): boolean {
  if (path.length === 0 || path[0] !== '草稿') return false;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    if (!findTransition(from, to)) return false;
  }
  return true;
}
