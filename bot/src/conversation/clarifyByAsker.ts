import { asksForCounts } from './countQuestion.js';
import { asksForEvidence } from './evidenceQuestion.js';
import type { Turn } from './turn.js';
import type { Intent } from './understanding/intents.js';
import type { Understanding } from './understanding/understand.js';

/**
 * A clarifying question the asker already answers by who they are or what they have: the intent to
 * act on instead of asking back, or undefined (ask back).
 */
export async function intentByAsker(turn: Turn, u: Understanding): Promise<Intent | undefined> {
  const has = (i: Intent) => u.candidates.includes(i);
  // Torn between submissions and something else, a question for numbers ("上海那边交了多少份了")
  // wants the overview by province and stage — for those who have one (officers, the secretariat),
  // and not when a deadline, materials or the rubric is among what was asked ("几家还没交材料，最终截止是哪天").
  if ((has('status') || has('secretariat')) && !has('deadline') && !has('materials') && !has('rubric') && asksForCounts(u.normalised)) {
    const role = (await turn.identity())?.role;
    if (role === 'officer' || role === 'secretariat') return 'secretariat';
  }
  // Torn between a submission's status and an assistance case's, what the asker has decides:
  // someone unregistered can only have an assistance request; someone with only one kind, that one.
  if (u.candidates.length === 2 && has('status') && has('assistance.status')) {
    const identity = await turn.identity();
    const [submissions, cases] = identity
      ? await Promise.all([turn.ports.submissions.visibleTo(identity, {}), turn.ports.assistance.visibleTo(identity)])
      : [[], [undefined]];
    if (submissions.length && !cases.length) return 'status';
    if (cases.length && !submissions.length) return 'assistance.status';
  }
  // Torn between an entry's status, its materials and the digest, a request for evidence is
  // answered by role: a reviewer gets the digest of the entry (through the status answer), anyone
  // else its status.
  if ((has('digest') || has('status')) && asksForEvidence(u.normalised)) {
    const reviewer = (await turn.identity())?.role === 'reviewer';
    if (reviewer || (u.candidates.length === 2 && has('status'))) return 'status';
  }
  return undefined;
}
