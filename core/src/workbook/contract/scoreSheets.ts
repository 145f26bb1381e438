/** The 评分表 layouts: reliability 附表 band rows, FMEA 附件3 items and DB31/T 1368 表B.1 items. */
import type { Bilingual } from '../../i18n/bilingual.js';
import { db31_1368_2022 } from '../../rubrics/db31_1368_2022.js';
import { fmeaCase2025 } from '../../rubrics/fmeaCase2025.js';
import { reliability2024 } from '../../rubrics/reliability2024.js';
import { SHEET } from './sheetNames.js';
import type { ScoreRowSpec, ScoreSheetSpec } from './specTypes.js';

const SCORE_HEADER_ROW = 4;

/** 产品质量可靠性评分表 (附表): four band rows per indicator, raw score F, weighted G, 造假 H, 理由 I. */
export function reliabilityScoreSheet(): ScoreSheetSpec {
  const rows: ScoreRowSpec[] = reliability2024.indicators.map((ind, i) => {
    const firstRow = SCORE_HEADER_ROW + 1 + i * 4;
    return {
      id: ind.code,
      label: `${ind.name.zh}（${ind.code}）`,
      labelEn: `${ind.name.en} (${ind.code})`,
      weight: ind.weight,
      firstRow,
      lastRow: firstRow + 3,
      rawCell: `F${firstRow}`,
      weightedCell: `G${firstRow}`,
      fraudCell: `H${firstRow}`,
      reasonCell: `I${firstRow}`,
    };
  });
  const last = rows[rows.length - 1]!.lastRow;
  return {
    sheet: SHEET.score,
    headerRow: SCORE_HEADER_ROW,
    headers: ['一级指标', '二级指标', '权重', '评价准则', '参考分值', '单项原始得分', '单项加权得分', '数据造假(是/否)', '评分理由(分档外须填写)'],
    rows,
    totalCell: `G${last + 1}`,
    columns: { weight: 'C', raw: 'F', weighted: 'G', fraud: 'H', reason: 'I' },
  };
}

/**
 * A points rubric's score sheet (FMEA, DB31): one row per item, the points entered in `score`, the
 * reason in G, then 总分 and 造假 in the two rows below the last item.
 */
function pointsScoreSheet(
  items: readonly { id: string; name: Bilingual; points: number }[],
  headers: readonly string[],
  columns: { weight: string; score: string },
): ScoreSheetSpec {
  const { weight, score } = columns;
  const rows: ScoreRowSpec[] = items.map((it, i) => {
    const r = SCORE_HEADER_ROW + 1 + i;
    return {
      id: it.id,
      label: it.name.zh,
      labelEn: it.name.en,
      weight: it.points,
      firstRow: r,
      lastRow: r,
      rawCell: `${score}${r}`,
      weightedCell: `${score}${r}`,
      reasonCell: `G${r}`,
    };
  });
  const last = rows[rows.length - 1]!.lastRow;
  return {
    sheet: SHEET.score,
    headerRow: SCORE_HEADER_ROW,
    headers,
    rows,
    totalCell: `${score}${last + 1}`,
    fraudCell: `${score}${last + 2}`,
    columns: { weight, raw: score, weighted: score, reason: 'G' },
  };
}

/** FMEA评价要求 (附件3): one row per item, 实际分 E, 得分率 F, 理由 G. */
export function fmeaScoreSheet(): ScoreSheetSpec {
  return pointsScoreSheet(
    fmeaCase2025.groups.flatMap((g) => g.items).map((it) => ({ id: it.id, name: it.name, points: it.standardScore })),
    ['一级指标', '二级指标', '标准分', '评价准则', '实际分', '得分率', '评分理由(分档外须填写)'],
    { weight: 'C', score: 'E' },
  );
}

/** 重点产品质量攻关成果评分表 (表B.1): one row per 评价内容, 得分 F, 理由 G. */
export function db31ScoreSheet(): ScoreSheetSpec {
  return pointsScoreSheet(
    db31_1368_2022.groups.flatMap((g) => g.items),
    ['序号', '评价要点', '评价内容', '分值', '指标与分值', '得分', '评分理由(分档外须填写)'],
    { weight: 'D', score: 'F' },
  );
}
