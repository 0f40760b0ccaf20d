import type { GapLink } from './gap-links.ts';

/** The refusal of an incomplete submission: every gap, each a link to the field that fills it. */
export function GapList({ gaps }: { gaps: readonly GapLink[] }) {
  return (
    <section class="gap-list" id="gaps" aria-labelledby="gaps-title">
      <h2 id="gaps-title">提出する前に入力が必要な項目（{gaps.length}件）</h2>
      <p>
        各項目のリンクから入力欄へ移動できます。すべて入力してから、もう一度「提出する」を押してください。
      </p>
      <ol>
        {gaps.map((g) => (
          <li data-field={g.field}>
            <a href={g.href}>{g.message}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
