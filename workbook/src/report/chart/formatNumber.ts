// The report formats numbers exactly as the task pane and the 评分表 do: core's display format.
export { formatNumber, formatPercent } from '@kekao/core/i18n';
