import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assess, PATH_MODEL_LABELS, type Assessment, type IndicatorAssessment, type Lang, type PathModel, type Submission } from '@kekao/core';
import { readWorkbook } from '@kekao/workbook';
import { isWorkbookKind, WORKBOOK_KINDS, type WorkbookKind } from '@kekao/core/workbook';
import { formatCellNote, type CellNote } from '@kekao/core/workbook';
import { renderReport } from '@kekao/workbook/report';
import { writeSummaryWorkbook } from '@kekao/workbook/summary';
import type { ScoredEntry } from '@kekao/workbook';
import { booleanFlag, parseArgs, stringFlag, type OptionSpecs } from '../args.js';
import { UserError, type CliCommand, type CliIO } from '../io.js';
import { indicatorNoteLines, weightText } from '../formatAssessment.js';
import { writeOutputFile } from '../writeOutputFile.js';
import type { Bilingual } from '@kekao/core/i18n';

type FileOutcome = { file: string; ok: true; entry: ScoredEntry } | { file: string; ok: false; errors: CellNote[]; warnings: CellNote[] };

/** Draws "label [#####.....] n/N" in place on a terminal; a plain "label n/N" line otherwise. */
export function progressReporter(io: CliIO, label: string): (done: number, total: number) => void {
  let lastLine = -1;
  return (done, total) => {
    if (io.interactive) {
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : width;
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`);
    } else if (done !== lastLine) {
      lastLine = done;
      io.err(`${label} ${done}/${total}\n`);
    }
  };
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
const num = (x: unknown) =>
  typeof x === 'number' && Number.isFinite(x) ? (Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x * 100) / 100) : x.toPrecision(4)) : '—';

/** Names of the plain metrics printed as key=value (others print their key). */
const METRIC_LABELS: Record<string, Bilingual> = {
  narrativeLength: { zh: '说明字数', en: 'narrative length' },
  indicator: { zh: '指标', en: 'indicator' },
  growthPercent: { zh: '增长率（%）', en: 'growth (%)' },
  reductionPercent: { zh: '降低率（%）', en: 'reduction (%)' },
  totalTenThousandYuan: { zh: '合计（万元）', en: 'total (10,000 yuan)' },
  size: { zh: '企业规模', en: 'enterprise size' },
};
const SIZE_ZH: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

/** A few headline figures of an indicator's metrics (the shapes are core's; anything unknown is skipped). */
export function keyMetrics(ind: IndicatorAssessment, lang: Lang): string[] {
  const m = ind.metrics as Record<string, any>;
  const out: string[] = [];
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  if (ind.code === 'Ic' && Array.isArray(m.parameters)) {
    for (const p of m.parameters)
      for (const s of p.stages ?? []) {
        out.push(
          `${p.name}/${s.stage}: n=${s.n}, ${t('均值', 'mean')} ${num(s.mean)}, CV ${typeof s.cv === 'number' ? pct(s.cv) : '—'}${typeof s.cvLower === 'number' ? ` [${pct(s.cvLower)}, ${pct(s.cvUpper)}]` : ''}`,
        );
      }
  } else if (ind.code === 'Id' && Array.isArray(m.parameters)) {
    for (const p of m.parameters) {
      out.push(
        `${p.name}: ${t('模型', 'model')} ${p.model ? t(PATH_MODEL_LABELS[p.model as PathModel]?.zh ?? p.model, p.model) : '—'}, ${t('最小R²', 'min R²')} ${num(minUnitR2(p))}, ${t('寿命期内漂移占允许量', 'drift share at rated life')} ${typeof p.worstDriftShare === 'number' ? (p.worstDriftShare > 0 ? pct(p.worstDriftShare) : t('0%（退化方向与限值相反）', '0% (drift away from the limit)')) : '—'}, ${t('有效退化模型', 'effective model')} ${p.effectiveModel ? t('是', 'yes') : t('否', 'no')}`,
      );
    }
  } else if (ind.code === 'Ir' && typeof m.scenarioCount === 'number') {
    out.push(
      `${t('场景', 'scenarios')} ${m.scenarioCount}, ${t('裕量>0', 'margin>0')} ${m.passCount}, ${t('应力类别', 'stress categories')} ${m.categoryCount ?? '—'}, ${t('平均严酷度', 'mean severity')} ${num(m.meanSeverity)}`,
    );
  } else if (ind.code === 'W' && m.before && m.after) {
    out.push(
      `${t('故障率', 'rate')} ${num(m.before.rate)} → ${num(m.after.rate)}${typeof m.reduction === 'number' ? `, ${t('降低', 'reduction')} ${(m.reduction * 100).toFixed(1)}%` : ''}${typeof m.pValue === 'number' ? `, p=${num(m.pValue)}` : ''}`,
    );
  } else {
    for (const [k, v] of Object.entries(m))
      if (typeof v === 'number' || typeof v === 'string')
        out.push(
          `${METRIC_LABELS[k] ? t(METRIC_LABELS[k]!.zh, METRIC_LABELS[k]!.en) : k}=${typeof v === 'number' ? num(v) : lang === 'zh' && k === 'size' ? (SIZE_ZH[v] ?? v) : v}`,
        );
  }
  return out;
}

function bandText(ind: IndicatorAssessment, lang: Lang): string {
  return ind.suggestedBand ? `${ind.suggestedBand.min}${lang === 'en' ? '–' : '～'}${ind.suggestedBand.max}` : '—';
}

/** The smallest unit R² of an Id parameter (the policy's threshold is `minR2`, not this). */
function minUnitR2(p: { units?: Array<{ r2?: number | null }> }): number | null {
  const r2 = (p.units ?? []).map((u) => u.r2).filter((v): v is number => typeof v === 'number');
  return r2.length ? Math.min(...r2) : null;
}

/** The Chinese summary of one scored workbook (English with --lang en). */
export function formatScored(file: string, a: Assessment, readWarnings: CellNote[], lang: Lang): string {
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const L: string[] = [];
  L.push(`══ ${file} ══`);
  L.push(`${lang === 'en' ? a.rubricTitle.en : a.rubricTitle.zh} — ${a.subject.enterprise} / ${a.subject.product}`);
  L.push(`${t('建议分档口径', 'band policy')}: ${lang === 'en' ? (a.policy.labelEn ?? a.policy.label) : a.policy.label}`);
  if (!a.basicRequirements.met)
    L.push(
      `${t('基本要求（a）未满足', 'basic requirements (a) unmet')}: ${a.basicRequirements.missing.map((m) => (lang === 'en' ? m.en : m.zh)).join(t('、', ', '))}`,
    );
  L.push('');
  L.push(
    `${t('指标', 'Indicator').padEnd(14)}${t('权重/分值', 'Weight').padEnd(10)}${t('建议分档', 'Band').padEnd(10)}${t('原始分', 'Raw').padEnd(9)}${t('加权分', 'Weighted')}`,
  );
  for (const i of a.indicators) {
    // Chinese: the rubric's abbreviations (Ic, Id, …) stay beside the name; item codes such as
    // 'background' are identifiers, not words for a Chinese reader.
    const name = lang === 'en' ? i.code : i.code.length <= 2 ? `${i.code} ${i.name.zh}` : i.name.zh;
    const weight = weightText(i.weight);
    const raw = i.rawScore === null ? '—' : String(i.rawScore);
    const weighted = i.weightedScore === null ? '—' : i.weightedScore.toFixed(2);
    L.push(
      `${name.padEnd(14)}${weight.padEnd(10)}${bandText(i, lang).padEnd(10)}${raw.padEnd(9)}${weighted}${i.fraud ? t('  （造假，计0分）', '  (fraud: 0)') : ''}`,
    );
    for (const k of keyMetrics(i, lang)) L.push(`    ${k}`);
    L.push(...indicatorNoteLines(i, lang));
  }
  L.push('');
  L.push(
    `${t('总分', 'Total')}: ${a.total.toFixed(2)} / ${a.maxTotal}${a.complete ? '' : t(`（尚缺原始分：${a.missingScores.join('、')}）`, ` (raw scores missing: ${a.missingScores.join(', ')})`)}`,
  );
  if (a.grade) L.push(`${t('等级', 'Grade')}: ${lang === 'en' ? a.grade.en : a.grade.zh}`);
  if (a.tier) L.push(`${t('培育梯队（建议）', 'Incubation tier (suggested)')}: ${lang === 'en' ? a.tier.label.en : a.tier.label.zh}`);
  for (const w of a.warnings) L.push(`! ${lang === 'en' ? w.en : w.zh}`);
  if (a.flags.length) {
    L.push(`${t('数据需核实', 'Data to verify')} (${a.flags.length}):`);
    for (const f of a.flags) L.push(`  ⚑ ${lang === 'en' ? (f.placeEn ?? f.place) : f.place}: ${lang === 'en' ? f.message.en : f.message.zh}`);
  }
  if (readWarnings.length) {
    L.push(`${t('读取提示', 'Reading notes')} (${readWarnings.length}):`);
    for (const w of readWarnings) L.push(`  - ${formatCellNote(w, lang)}`);
  }
  return `${L.join('\n')}\n\n`;
}

async function scoreFile(file: string, io: CliIO, kind: WorkbookKind | undefined, family: string | undefined): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const zh = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code}）`;
    return { file, ok: false, warnings: [], errors: [{ sheet: '', cell: '', key: 'file.unreadable', zh, en: `cannot read the file (${code})` }] };
  }
  const r = await readWorkbook(bytes, { fileName: file, kind });
  if (!r.submission || r.errors.length) return { file, ok: false, errors: r.errors, warnings: r.warnings };
  const submission: Submission = r.submission;
  const assessment = assess(submission, family ? { family } : {});
  return { file, ok: true, entry: { file, submission, assessment, readWarnings: r.warnings } };
}

const OPTIONS = {
  json: { type: 'boolean' },
  report: { type: 'string' },
  summary: { type: 'string' },
  kind: { type: 'string' },
  family: { type: 'string' },
  lang: { type: 'string', choices: ['zh', 'en'] },
} satisfies OptionSpecs;

/** `kekao score FILE.xlsx… [--json] [--report OUT.html] [--summary OUT.xlsx] [--kind K] [--family F] [--lang zh|en]`. */
export const scoreCommand: CliCommand = {
  name: 'score',
  summary: { zh: '读取推荐表工作簿并评分（可出报告和汇总表）', en: 'read and score recommendation workbooks (report, summary)' },
  usage: 'score FILE.xlsx… [--json] [--report OUT.html] [--summary OUT.xlsx] [--kind K] [--family F] [--lang zh|en]',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    const files = p.positional;
    if (files.length === 0) throw new UserError('cli.missingFile', '请指定工作簿：kekao score 文件.xlsx', 'missing workbook: kekao score FILE.xlsx', 2);
    const lang: Lang = stringFlag(p, 'lang') === 'en' ? 'en' : 'zh';
    const kindFlag = stringFlag(p, 'kind');
    if (kindFlag !== undefined && !isWorkbookKind(kindFlag)) {
      throw new UserError('cli.badKind', `未知的类型“${kindFlag}”，可选：${WORKBOOK_KINDS.join('、')}`, `unknown kind "${kindFlag}"`, 2);
    }
    const report = stringFlag(p, 'report');
    const summary = stringFlag(p, 'summary');
    const json = booleanFlag(p, 'json');

    const outcomes: FileOutcome[] = [];
    const progress = files.length > 1 ? progressReporter(io, lang === 'en' ? 'reading' : '读取') : undefined;
    for (const [k, file] of files.entries()) {
      outcomes.push(await scoreFile(file, io, kindFlag as WorkbookKind | undefined, stringFlag(p, 'family')));
      progress?.(k + 1, files.length);
    }

    for (const o of outcomes) {
      if (o.ok) continue;
      io.err(`${o.file}: ${lang === 'en' ? 'cannot be scored' : '无法评分'}:\n`);
      for (const e of o.errors) io.err(`  ✗ ${formatCellNote(e, lang)}\n`);
      for (const w of o.warnings) io.err(`  - ${formatCellNote(w, lang)}\n`);
    }

    if (json) {
      if (files.length === 1) {
        const o = outcomes[0]!;
        if (o.ok) io.out(`${JSON.stringify(o.entry.assessment, null, 2)}\n`);
      } else {
        const list = outcomes.map((o) => (o.ok ? { file: o.file, assessment: o.entry.assessment } : { file: o.file, errors: o.errors }));
        io.out(`${JSON.stringify(list, null, 2)}\n`);
      }
    } else {
      for (const o of outcomes) if (o.ok) io.out(formatScored(o.file, o.entry.assessment, o.entry.readWarnings, lang));
    }

    const entries = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok).map((o) => o.entry);
    if ((report || summary) && entries.length === 0) {
      io.err(
        lang === 'en'
          ? 'no workbook could be scored; no report or summary written (score.nothingScored)\n'
          : '没有可评分的工作簿，未生成报告或汇总表 (score.nothingScored)\n',
      );
    } else {
      if (report) {
        await writeOutputFile(report, io.cwd, renderReport(entries, { lang }));
        io.err(`${lang === 'en' ? 'report written' : '已生成报告'}: ${report}\n`);
      }
      if (summary) {
        const buf = await writeSummaryWorkbook(entries, { onProgress: progressReporter(io, lang === 'en' ? 'summary' : '汇总表') });
        await writeOutputFile(summary, io.cwd, buf);
        io.err(`${lang === 'en' ? 'summary written' : '已生成汇总表'}: ${summary}\n`);
      }
    }
    return outcomes.every((o) => o.ok) ? 0 : 1;
  },
};
