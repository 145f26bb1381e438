import type { Bilingual } from '@kekao/core/i18n';
import type { ChatReply, ChatUser } from './types.js';

export type { Bilingual } from '@kekao/core/i18n';

/**
 * What the conversations need from the rest of kekao. The conversation logic depends only on
 * these interfaces; `serviceBindings.ts` implements them over the core programme data and the
 * service's database, so the same logic runs under any channel and any store.
 */

export type Role = 'enterprise' | 'officer' | 'reviewer' | 'secretariat';

/** Who the asker is, from the database mapping of the channel identity — never from message text. */
export interface Identity {
  userId: string;
  role: Role;
  name: string;
  /** Human-readable scope, e.g. 河北省石家庄市 or the organisation's name. */
  scopeLabel: string;
}

export interface ProgrammeContact {
  provinceCode: string;
  province: string;
  authority: string;
  person: string;
  phone: string;
}

export interface CampaignView {
  id: string;
  year: number;
  title: Bilingual;
  /** ISO date (Asia/Shanghai) of the deadline, e.g. 2025-09-30. */
  deadline: string;
  materials: Bilingual[];
  /** The forms to fill, by kind of entry ("填写《…推荐表》（附件2）"). */
  forms?: Array<{ annex: number; title: Bilingual }>;
  flow: Bilingual[];
  /** Each step's clause in the notice, in the order of `flow` ("拟评定对象名单由…汇总后予以公示…"). */
  flowClauses: Array<{ quote: string; citation: string }>;
  source: string;
}

export interface TriageResult {
  decision: 'started' | 'not-started' | 'out-of-scope';
  reasons: Bilingual[];
  clause: string;
  /** The full decision record to store with the case (core's triage result). */
  record?: unknown;
}

export interface ProgrammePort {
  /** Province codes the programme covers (京津沪渝冀闽赣鲁). */
  coveredProvinceCodes: readonly string[];
  contactForProvince(code: string): ProgrammeContact | undefined;
  /** The rule of the 2025 notice 四(一): enterprises apply through their district/county bureau. */
  routingRule: Bilingual;
  /** Whole days from `today` (YYYY-MM-DD) to the deadline; negative once it has passed. */
  daysLeft(campaign: CampaignView, today: string): number;
  /** GB 32100 check of a 统一社会信用代码; `undefined` when valid, else what is wrong (and its key, for programs). */
  usccProblem(code: string): (Bilingual & { key?: string }) | undefined;
  triage(answers: AssistanceAnswers): TriageResult;
}

export interface CampaignPort {
  /** The campaign in force on `today` (the latest imported one). */
  current(today: string): Promise<CampaignView | undefined>;
}

export interface IdentityPort {
  resolve(user: ChatUser): Promise<Identity | undefined>;
}

/** Persistent per-conversation state with optimistic concurrency (etag). */
export interface StatePort {
  load(key: string): Promise<{ value: unknown; etag: string } | undefined>;
  /** Saves; with `etag` the save fails (throws) when someone else saved in between. */
  save(key: string, value: unknown, etag?: string): Promise<void>;
  /** Creates the key only when it does not exist yet (atomic); true when this call created it. */
  createIfAbsent(key: string, value: unknown): Promise<boolean>;
  remove(key: string): Promise<void>;
}

export interface AssistanceAnswers {
  [key: string]: unknown;
}

export interface AssistanceLocation {
  provinceCode: string;
  cityCode?: string;
  districtCode?: string;
  label: string;
}

/** An assistance case as the chat shows it. */
export interface AssistanceCaseView {
  id: string;
  caseNo: string;
  enterprise: string;
  place: string;
  status: 'open' | 'closed';
  verification: 'verified' | 'unverified';
  decision: TriageResult['decision'] | null;
  /** ISO instant. */
  openedAt: string;
  contact?: string;
  phone?: string;
  problem: string;
  items: number;
  records: number;
}

export interface AssistancePort {
  /**
   * Opens the case (with the next BF-year-sequence number). Without an identity the applicant has
   * no kekao account: the case is opened 未核验 for the officer in scope to verify. The same
   * `requestKey` twice returns the first case (`repeated`).
   */
  createCase(input: {
    answers: AssistanceAnswers;
    location: AssistanceLocation;
    triage: TriageResult;
    applicant: ChatUser;
    identity?: Identity;
    requestKey?: string;
  }): Promise<{ id: string; caseNo: string; repeated?: boolean } | { refused: Bilingual }>;
  /** The case a request key (a card's submission id) opened, if any. */
  byRequestKey(key: string): Promise<{ caseNo: string } | undefined>;
  /** Open cases of the organisation (same credit code or name), except the one of `requestKey`. */
  openCasesFor(o: { name: string; uscc: string | null; requestKey?: string }): Promise<Array<{ caseNo: string; enterprise: string }>>;
  /** Cases the identity may see (enterprise: its own; officers: in scope; never reviewers). */
  visibleTo(identity: Identity): Promise<AssistanceCaseView[]>;
  /** Officers whose scope covers the place (district ⊂ city ⊂ province). */
  officersCovering(location: AssistanceLocation): Promise<Array<{ userId: string; name: string }>>;
}

export interface NotifyPort {
  /** Proactively sends to users through their stored conversation references. */
  notifyUsers(userIds: string[], replies: ChatReply[]): Promise<{ delivered: string[]; failed: string[] }>;
}

export interface StatusEvent {
  status: string;
  actor: string;
  at: string;
  note?: string;
}

export interface SubmissionStatusView {
  id: string;
  enterprise: string;
  product: string;
  kind: string;
  province?: string;
  status: string;
  history: StatusEvent[];
  nextSteps: string[];
}

export interface SubmissionPort {
  /** Submissions the identity may see (its role and scope), optionally filtered by enterprise name. */
  visibleTo(identity: Identity, filter: { enterprise?: string }): Promise<SubmissionStatusView[]>;
}

export interface DigestIndicator {
  code: string;
  name: string;
  suggestedBand: { min: number; max: number } | null;
  evidence: string[];
  warnings: string[];
  myRawScore: number | null;
  /** The spread of the panel's raw scores when it exceeds the disagreement range. */
  disagreement?: { min: number; max: number };
}

export interface DigestEntry {
  submissionId: string;
  enterprise: string;
  product: string;
  status: string;
  rubric: string;
  indicators: DigestIndicator[];
  redFlags: string[];
  panel: { reviewers: number; mean: number | null; disagreement: boolean };
}

export interface ReviewPort {
  assignedEntries(identity: Identity): Promise<DigestEntry[]>;
  /** Validates through core and stores; returns the problems when refused. */
  recordScore(
    identity: Identity,
    input: { submissionId: string; indicator: string; raw: number; reason?: string },
  ): Promise<{ ok: true } | { ok: false; problems: Bilingual[] }>;
  /** Reviewers who can be reached proactively (they have a stored conversation reference). */
  reachableReviewers(): Promise<Identity[]>;
  /** Secretariat: counts by province and status. */
  countsByProvinceAndStage(identity: Identity): Promise<Array<{ province: string; status: string; count: number }>>;
}

export interface ConversationPorts {
  /** Injected clock, so days-left answers are testable. */
  now(): Date;
  programme: ProgrammePort;
  campaigns: CampaignPort;
  identities: IdentityPort;
  state: StatePort;
  assistance: AssistancePort;
  notify: NotifyPort;
  submissions: SubmissionPort;
  reviews: ReviewPort;
}
