import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { CountBar } from '../charts/index.ts';

export function fiscalYearLabel(year: number): string {
  try {
    return formatFiscalYear(year);
  } catch {
    return `${year}年度`;
  }
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}

/**
 * An SVG made by the chart module (ECharts escapes every text it writes; charts.test.ts checks it),
 * with the same figures as a table for screen readers and for copying.
 */
export function ChartFigure({ svg, caption, table }: { svg: string; caption: string; table: Child }) {
  return (
    <figure class="dash-chart">
      <div class="dash-chart__svg">{raw(svg)}</div>
      <figcaption class="dash-chart__caption">{caption}</figcaption>
      <details class="dash-chart__data">
        <summary>グラフの数値を表で見る</summary>
        {table}
      </details>
    </figure>
  );
}

export function CountTable({ bars, caption }: { bars: CountBar[]; caption: string }) {
  return (
    <table class="dash-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">評価</th>
          <th scope="col">件数</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr>
            <th scope="row">{b.label}</th>
            <td class="num">{b.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Dashboards of other years; the shown one is marked in text, not only by colour. */
export function DashboardYears({
  current,
  years,
  href,
}: {
  current: number;
  years: number[];
  href: (y: number) => string;
}) {
  const all = [...new Set([...years, current])].sort((a, b) => b - a);
  return (
    <nav class="year-switcher" aria-labelledby="dash-years-label">
      <p id="dash-years-label" class="year-switcher__label">
        評価する年度を切り替える
      </p>
      <ul>
        {all.map((y) =>
          y === current ? (
            <li>
              <a href={href(y)} aria-current="page" class="is-current">
                {fiscalYearLabel(y)}
                <span class="year-switcher__mark">（表示中）</span>
              </a>
            </li>
          ) : (
            <li>
              <a href={href(y)}>{fiscalYearLabel(y)}</a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
