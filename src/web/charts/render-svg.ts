import { type EChartsOption, init } from 'echarts';
import { CHART_FONT, chartColors } from './palette.ts';

export interface SvgChartOptions {
  width: number;
  height: number;
  /** What the chart shows, in one sentence: the SVG's <title> and accessible name. */
  summary: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * Renders an ECharts option to an SVG string on the server (no JavaScript in the page, prints as
 * vector). ECharts escapes text it writes; the result is then made to pass our CSP and to be
 * announced as one image.
 */
export function renderChartSvg(option: EChartsOption, options: SvgChartOptions): string {
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: chartColors.text },
      ...option,
    });
    return accessible(cspSafe(chart.renderToSVGString()), options.summary);
  } finally {
    chart.dispose();
  }
}

/**
 * The CSP (`style-src 'self'`) drops inline style attributes and <style> elements, which would
 * lose the label fonts. Style declarations become presentation attributes; the <style> block only
 * holds hover effects, which a static image does not need.
 */
export function cspSafe(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_match, declarations: string) =>
      declarations
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d.includes(':'))
        .map((d) => {
          const at = d.indexOf(':');
          const name = d.slice(0, at).trim().toLowerCase();
          return /^[a-z-]+$/.test(name) ? ` ${name}="${escapeXml(d.slice(at + 1).trim())}"` : '';
        })
        .join(''),
    );
}

function accessible(svg: string, summary: string): string {
  const text = escapeXml(summary);
  return svg.replace(/^<svg\b([^>]*)>/, `<svg role="img" aria-label="${text}"$1><title>${text}</title>`);
}
