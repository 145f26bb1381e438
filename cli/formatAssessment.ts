import { noteText, type Assessment, type IndicatorAssessment, type Lang } from '@kekao/core';

function fixed(x: number | null | undefined, d = 2): string {
  return x === null || x === undefined ? '—' : x.toFixed(d);
}

/** An indicator's weight: a share as a percentage (0.3 → "30%"), points as they are. */
export function weightText(weight: number): string {
  return weight <= 1 ? `${Math.round(weight * 100)}%` : String(weight);
}

/** An indicator's reasons (·), warnings (!) and score issues (✗), indented under its row. */
export function indicatorNoteLines(i: IndicatorAssessment, lang: Lang): string[] {
  return [
    ...i.reasons.map((r) => `    · ${noteText(r, lang)}`),
    ...i.warnings.map((w) => `    ! ${noteText(w, lang)}`),
    ...i.scoreIssues.map((s) => `    ✗ ${noteText(s, lang)}`),
  ];
}

/** A plain-text report of one assessment for the terminal (Chinese first). */
export function formatAssessment(a: Assessment, lang: Lang = 'zh'): string {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const lines: string[] = [];
  lines.push(`${lang === 'en' ? a.rubricTitle.en : a.rubricTitle.zh}`);
  lines.push(`${t('企业', 'Enterprise')}: ${a.subject.enterprise}    ${t('产品/项目', 'Product')}: ${a.subject.product}`);
  lines.push(`${t('分档阈值', 'Band thresholds')}: ${lang === 'en' ? (a.policy.labelEn ?? a.policy.label) : a.policy.label}`);
  if (!a.basicRequirements.met) {
    lines.push(
      `${t('基本要求未满足', 'Basic requirements unmet')}: ${a.basicRequirements.missing.map((m) => (lang === 'en' ? m.en : m.zh)).join(t('、', ', '))}`,
    );
  }
  lines.push('');
  lines.push(
    `${t('指标', 'Indicator').padEnd(10)}${t('权重/分值', 'Weight').padEnd(10)}${t('建议分档', 'Band').padEnd(10)}${t('原始分', 'Raw').padEnd(8)}${t('加权分', 'Weighted')}`,
  );
  for (const i of a.indicators) {
    const weight = weightText(i.weight);
    const band = i.suggestedBand ? `${i.suggestedBand.min}${lang === 'en' ? '–' : '~'}${i.suggestedBand.max}` : '—';
    lines.push(`${i.code.padEnd(10)}${weight.padEnd(10)}${band.padEnd(10)}${fixed(i.rawScore, 1).padEnd(8)}${fixed(i.weightedScore)}`);
    lines.push(...indicatorNoteLines(i, lang));
  }
  lines.push('');
  lines.push(
    `${t('总分', 'Total')}: ${fixed(a.total)} / ${a.maxTotal}${a.complete ? '' : t(`（尚缺：${a.missingScores.join('、')}）`, ` (missing: ${a.missingScores.join(', ')})`)}`,
  );
  if (a.tier) lines.push(`${t('培育梯队（建议）', 'Incubation tier (suggested)')}: ${lang === 'en' ? a.tier.label.en : a.tier.label.zh}`);
  if (a.grade) lines.push(`${t('等级', 'Grade')}: ${lang === 'en' ? a.grade.en : a.grade.zh}`);
  for (const w of a.warnings) lines.push(`! ${lang === 'en' ? w.en : w.zh}`);
  if (a.flags.length > 0) {
    lines.push(`${t('数据需核实', 'Data to verify')} (${a.flags.length}):`);
    for (const f of a.flags) lines.push(`  ⚑ ${lang === 'en' ? f.message.en : f.message.zh}`);
  }
  return `${lines.join('\n')}\n`;
}
