/**
 * A question for numbers of submissions ("现在有几家到了专家评审阶段", "河北报了几家", "how many
 * have reached review"), not for which ones or where they are ("那几家都到哪了"): the secretariat's
 * and officers' overview by province and stage answers it, not a list.
 */

const COUNT = /(?<![那这哪])几(?:家|条|份|个)|多少(?:家|条|份|个)|总数|how many|number of/i;
const WHERE_THEY_ARE = /到哪|哪一步|哪个环节|怎么样|进度|状态|where|status/i;

export function asksForCounts(normalised: string): boolean {
  return COUNT.test(normalised) && !WHERE_THEY_ARE.test(normalised);
}
