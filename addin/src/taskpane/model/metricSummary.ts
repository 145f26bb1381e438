import type { IndicatorAssessment } from '@kekao/core/scoring';
import { metricList as arr, metricNumber as num, type MetricObject as Obj } from './looseMetrics.js';
import { formatNumber as g, formatPercent as p } from '@kekao/core/i18n';

/**
 * One line of the key metrics of an indicator, for the 评分表 and chart titles:
 * Ic: worst CV per stage; Id: model, min R², worst drift share; Ir: scenarios, worst margin;
 * W: reduction and p. Chinese labels (the 评分表 is a Chinese form).
 */
export function metricSummary(ind: IndicatorAssessment): string {
  const m = ind.metrics as Obj;
  switch (ind.code) {
    case 'Ic':
      return arr(m.parameters)
        .map(
          (par) =>
            `${String(par.name)}: ${arr(par.stages)
              .map((s) => `CV(${String(s.stage)})=${p(num(s.cv))}`)
              .join(' ')}`,
        )
        .join('；');
    case 'Id':
      return arr(m.parameters)
        .map((par) => {
          const r2 = arr(par.units)
            .map((u) => num(u.r2))
            .filter((v): v is number => v !== null);
          return `${String(par.name)}: ${String(par.model)} 最小R²=${g(r2.length ? Math.min(...r2) : null)} 最大漂移占比=${p(num(par.worstDriftShare), 1)}${par.effectiveModel ? ' 有效模型' : ''}`;
        })
        .join('；');
    case 'Ir': {
      const sc = arr(m.scenarios);
      const worst = sc.map((s) => num(s.worstMargin)).filter((v): v is number => v !== null);
      return `场景 ${g(num(m.scenarioCount))} 个，通过 ${g(num(m.passCount))} 个，应力类别 ${g(num(m.categoryCount))} 种，最小裕量 ${p(worst.length ? Math.min(...worst) : null, 1)}`;
    }
    case 'W':
      return m.before ? `故障率降低 ${p(num(m.reduction), 1)}，比值 ${g(num(m.rateRatio))}，p=${g(num(m.pValue))}` : '';
    default:
      return '';
  }
}
