import { trendSvg } from '../charts/index.ts';
import type { TrendView } from './dashboard.view.ts';
import { ChartFigure, fiscalYearLabel } from './parts.tsx';

const value = (v: number | null, unit: string) => (v === null ? '—' : `${v.toLocaleString('ja-JP')}${unit}`);

/** Targets against actuals over the years, for quantities the department sets year after year. */
export function TrendSection({ trends }: { trends: TrendView[] }) {
  return (
    <section aria-labelledby="dash-trends">
      <h2 id="dash-trends">複数年度の推移</h2>
      {trends.length === 0 ? (
        <p>複数の年度にわたって比べられる数値目標はありません。</p>
      ) : (
        <div class="dash-trends">
          {trends.map((t) => {
            const points = t.points.map((p) => ({ ...p, label: fiscalYearLabel(p.year) }));
            const summary = `${t.title}の推移（${t.unit}）: ${points
              .map((p) => `${p.label} 目標${value(p.target, t.unit)} 実績${value(p.actual, t.unit)}`)
              .join('、')}`;
            return (
              <ChartFigure
                svg={trendSvg(points, t.unit, summary, 520, 260)}
                caption={`${t.title}（${t.unit}）`}
                table={
                  <table class="dash-table">
                    <caption>{`${t.title}の目標と実績`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">年度</th>
                        <th scope="col">目標</th>
                        <th scope="col">実績</th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p) => (
                        <tr>
                          <th scope="row">{p.label}</th>
                          <td class="num">{value(p.target, t.unit)}</td>
                          <td class="num">{value(p.actual, t.unit)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
