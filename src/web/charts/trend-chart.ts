import { CHART_FONT, chartColors } from './palette.ts';
import { renderChartSvg } from './render-svg.ts';

export interface TrendPoint {
  /** Axis label of the year (`令和5年度`). */
  label: string;
  target: number | null;
  actual: number | null;
}

/**
 * Targets against actuals, year by year. The two lines differ in dash and marker as well as
 * colour, so they can be told apart in greyscale print.
 */
export function trendSvg(
  points: TrendPoint[],
  unit: string,
  summary: string,
  width = 640,
  height = 280,
): string {
  const axisText = { color: chartColors.text, fontFamily: CHART_FONT, fontSize: 13 };
  return renderChartSvg(
    {
      legend: { top: 0, textStyle: { ...axisText, fontSize: 14 }, data: ['目標', '実績'] },
      grid: { left: 64, right: 24, top: 40, bottom: 36 },
      xAxis: {
        type: 'category',
        data: points.map((p) => p.label),
        axisLabel: axisText,
        axisLine: { lineStyle: { color: chartColors.axis } },
      },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: axisText,
        axisLabel: axisText,
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      series: [
        {
          name: '目標',
          type: 'line',
          data: points.map((p) => p.target),
          lineStyle: { color: chartColors.secondary, type: 'dashed', width: 2 },
          itemStyle: { color: chartColors.secondary },
          symbol: 'diamond',
          symbolSize: 10,
          label: { show: true, position: 'top', ...axisText },
        },
        {
          name: '実績',
          type: 'line',
          data: points.map((p) => p.actual),
          lineStyle: { color: chartColors.primary, width: 3 },
          itemStyle: { color: chartColors.primary },
          symbol: 'circle',
          symbolSize: 9,
          label: { show: true, position: 'bottom', ...axisText },
        },
      ],
    },
    { width, height, summary },
  );
}
