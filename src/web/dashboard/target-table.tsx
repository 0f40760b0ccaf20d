import { type GoalBlock, STATUS_LABELS, type TargetRow } from './dashboard.view.ts';
import { formatRate } from './parts.tsx';

/** Every numeric target of a goal: target, actual, rate as a bar with its figure, and status in words. */
export function TargetTable({ goal }: { goal: GoalBlock }) {
  return (
    // Focusable so that a keyboard can scroll the table sideways on a phone (axe: scrollable-region-focusable).
    <section
      class="dash-scroll"
      aria-label={`${goal.title}の数値目標（横にスクロールできます）`}
      tabindex={0}
    >
      <table class="dash-table dash-table--wide">
        <caption class="visually-hidden">{`${goal.title}の数値目標`}</caption>
        <thead>
          <tr>
            <th scope="col">取組</th>
            <th scope="col">指標</th>
            <th scope="col">目標</th>
            <th scope="col">実績</th>
            <th scope="col">達成率</th>
            <th scope="col">状況</th>
            <th scope="col">時点</th>
          </tr>
        </thead>
        <tbody>
          {goal.targets.map((t) => (
            <Row row={t} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Row({ row }: { row: TargetRow }) {
  return (
    <tr class="dash-target" data-target-id={String(row.id)}>
      <td>{row.item}</td>
      <td>{row.label}</td>
      <td class="num">{row.target}</td>
      <td class="num">{row.actual ?? '—'}</td>
      <td class="dash-rate">
        {row.rate === null ? (
          '—'
        ) : (
          <>
            <meter
              min={0}
              max={100}
              low={80}
              high={99.9}
              optimum={100}
              value={Math.min(row.rate, 100)}
              aria-hidden="true"
            />
            <span class="dash-rate__text">{formatRate(row.rate)}</span>
          </>
        )}
      </td>
      <td>
        <span class={`dash-status dash-status--${row.status}`}>{STATUS_LABELS[row.status]}</span>
      </td>
      <td>{row.asOf ?? '—'}</td>
    </tr>
  );
}
