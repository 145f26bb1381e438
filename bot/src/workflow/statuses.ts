/**
 * The statuses of a submission: the programme's flow of the 2025 notice §四–§五
 * (enterprise → district screening → province → expert review → proposed list → publicity →
 * recognition), plus 退回 (sent back for changes) and 撤回 (withdrawn by the enterprise).
 */
export const STATUSES = ['草稿', '已提交', '区县初审', '省级审核', '专家评审', '拟评定', '公示', '认定', '退回', '撤回'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_EN: Record<Status, string> = {
  草稿: 'draft',
  已提交: 'submitted',
  区县初审: 'district screening',
  省级审核: 'provincial review',
  专家评审: 'expert review',
  拟评定: 'proposed',
  公示: 'public notice',
  认定: 'recognised',
  退回: 'returned',
  撤回: 'withdrawn',
};

/** No transition leaves these. */
export const TERMINAL_STATUSES: ReadonlySet<Status> = new Set<Status>(['认定', '撤回']);

/** Evidence may be replaced (a new version) only while the enterprise holds the entry. */
export const EDITABLE_STATUSES: ReadonlySet<Status> = new Set<Status>(['草稿', '退回']);
