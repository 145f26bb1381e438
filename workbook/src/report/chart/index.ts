export { niceTicks, niceNumber, stepDecimals, formatTick, type NiceTicks } from './niceTicks.js';
export { linearScale, bandScale } from './scale.js';
export { formatNumber, formatPercent } from './formatNumber.js';
export { evaluatePath, curveTimes, isPathModel, PATH_MODEL_NAMES, type PathModelName } from './pathModel.js';
export { degradationChart, type DegradationChartInput, type DegradationSeries } from './degradationChart.js';
export { cvChart, type CvChartInput, type CvStagePoint } from './cvChart.js';
export { marginChart, type MarginChartInput, type MarginScenario } from './marginChart.js';
export { failureRateChart, type RateChartInput, type RatePeriod } from './failureRateChart.js';
