import { CHART_FONT, chartColors } from './palette.ts';
import { renderChartSvg } from './render-svg.ts';

export interface CountBar {
  label: string;
  count: number;
}

/** Bars of how many goals (or targets) fall in each grade; every bar carries its count as text. */
export function gradeDistributionSvg(bars: CountBar[], summary: string, width = 640, height = 280): string {
  return renderChartSvg(
    {
      grid: { left: 48, right: 16, top: 24, bottom: 40 },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { color: chartColors.text, fontSize: 14, fontFamily: CHART_FONT },
        axisLine: { lineStyle: { color: chartColors.axis } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: '件',
        nameTextStyle: { color: chartColors.text, fontFamily: CHART_FONT },
        axisLabel: { color: chartColors.text, fontFamily: CHART_FONT },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.count),
          itemStyle: { color: chartColors.primary },
          barMaxWidth: 56,
          label: {
            show: true,
            position: 'top',
            color: chartColors.text,
            fontSize: 14,
            fontFamily: CHART_FONT,
          },
        },
      ],
    },
    { width, height, summary },
  );
}
