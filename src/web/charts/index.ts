/** Charts rendered to SVG on the server (ECharts SSR): no script in the page, and they print. */
export { type CountBar, gradeDistributionSvg } from './grade-chart.ts';
export { CHART_FONT, chartColors } from './palette.ts';
export { cspSafe, escapeXml, renderChartSvg, type SvgChartOptions } from './render-svg.ts';
export { type TrendPoint, trendSvg } from './trend-chart.ts';
