import type { LineagePairs } from '../domain/document/lineage-pairs.ts';
import type { Block, IchiranDocument } from '../format/document.schema.ts';
import { pairGoals } from './goal-pairs.ts';
import { GoalRow } from './goal-row.tsx';
import { tableIds } from './table-ids.ts';
import { blockHeading, yearPairLabel } from './year-label.ts';

const NOTE_HEADING: Record<Block, string> = {
  review: '達成状況・達成度',
  plan: '期限・数値目標等',
};

/** The 重点目標一覧表 as on the official form: the review block (left) beside the plan block (right). */
export function IchiranhyoTable({
  document: doc,
  lineagePairs,
  marks,
  idPrefix = '',
}: {
  document: IchiranDocument;
  /** A stored table's lineage pairing (LoadedTable); without it goals pair by position. */
  lineagePairs?: LineagePairs;
  /** Keeps the header ids unique when a page shows several tables (see table-ids.ts). */
  idPrefix?: string;
  /** Evaluation marks (public page, `?marks=1`): plan items `${goalNo}/${itemNo}`, plan goals `${goalNo}`. */
  marks?: ReadonlyMap<string, string>;
}) {
  const ids = tableIds(idPrefix);
  const captionId = ids.caption;
  const blocks: Array<[Block, number]> = [
    ['review', doc.review.fiscalYear],
    ['plan', doc.plan.fiscalYear],
  ];
  return (
    <div class="table-region">
      <p class="scroll-hint" aria-hidden="true">
        表は横にスクロールできます。
      </p>
      <section class="table-scroll" aria-labelledby={captionId} tabindex={0}>
        <table class="ichiran">
          <caption id={captionId} class="visually-hidden">
            {doc.department} 重点目標一覧表 {yearPairLabel(doc.plan.fiscalYear)}
          </caption>
          <colgroup>
            <col class="col-no" />
          </colgroup>
          {blocks.map(([b]) => (
            <colgroup>
              <col class={`col-item ${b}`} />
              <col class={`col-note ${b}`} />
            </colgroup>
          ))}
          <thead>
            <tr>
              <th scope="col" rowspan={2} id={ids.no} class="col-no">
                番号
              </th>
              {blocks.map(([b, year]) => (
                <th scope="colgroup" colspan={2} id={ids.block(b)} class={`block-heading block-start ${b}`}>
                  {blockHeading(year)}
                </th>
              ))}
            </tr>
            <tr>
              {blocks.map(([b]) => (
                <>
                  <th scope="col" id={ids.item(b)} headers={ids.block(b)} class={`block-start ${b}`}>
                    具体的な重点取組項目（箇条書き）
                  </th>
                  <th scope="col" id={ids.note(b)} headers={ids.block(b)} class={b}>
                    {NOTE_HEADING[b]}
                  </th>
                </>
              ))}
            </tr>
          </thead>
          {pairGoals(doc, lineagePairs).map((pair) => (
            <GoalRow pair={pair} ids={ids} marks={marks} />
          ))}
        </table>
      </section>
    </div>
  );
}
