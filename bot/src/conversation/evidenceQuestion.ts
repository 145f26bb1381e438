/**
 * Asking for an entry's evidence — its supporting material, test data or metrics ("冀北电源那个的
 * 佐证材料给我看下", "show me the evidence for Jibei"): for a reviewer, the digest of the entries to
 * review carries it; where an entry stands is the status.
 */

/** Materials asked to be shown ("冀北电源的材料给我看看"), not asked about ("材料评完了吗"). */
const SHOW_MATERIALS =
  /(?:材料|资料)[^，,。？?]{0,6}(?:给我看|发我|发一下|发给我|看看|看下|看一下|调出)|(?:给我看|看看|看一下|调出)[^，,。？?]{0,8}(?:材料|资料)/;
const EVIDENCE = /佐证|证据|评审材料|申报材料|测试数据|试验数据|数据|指标情况|(?<![a-z])(?:evidence|metrics|data|supporting documents?)(?![a-z])/;

export function asksForEvidence(normalised: string): boolean {
  return EVIDENCE.test(normalised) || SHOW_MATERIALS.test(normalised);
}
