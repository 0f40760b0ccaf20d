import type { Block, Goal, Item } from '../../domain/document/document.schema.ts';
import { circledNumber } from './circled-number.ts';
import { type GoalPair, itemLineCount, noteOf } from './goal-pairs.ts';
import { headerIds as ids } from './table-ids.ts';
import { TextLines } from './text-lines.tsx';

const BLOCKS: Block[] = ['review', 'plan'];

/** One numbered row of the form: the goal titles, then the items of both sides aligned by position. */
export function GoalRow({ pair, marks }: { pair: GoalPair; marks?: ReadonlyMap<string, string> }) {
  const lines = Array.from({ length: itemLineCount(pair) }, (_, i) => i);
  return (
    <tbody class="goal">
      <tr class="goal__title-row">
        <th class="goal__no" scope="rowgroup" id={ids.row(pair.no)} headers={ids.no}>
          {pair.no}
        </th>
        {BLOCKS.map((b) => (
          <GoalTitle
            no={pair.no}
            block={b}
            goal={pair[b]}
            mark={b === 'plan' && pair.plan ? marks?.get(`${pair.plan.no}`) : undefined}
          />
        ))}
      </tr>
      {lines.map((i) => (
        <tr class="goal__item-row">
          {/* No rowspan: the number's scope="rowgroup" covers the whole goal, and rows stay free to break across printed pages. */}
          <td class="goal__no-cont" />
          {BLOCKS.map((b) => (
            <ItemCells
              no={pair.no}
              block={b}
              item={pair[b]?.items[i]}
              mark={b === 'plan' ? marks?.get(`${pair.plan?.no}/${pair.plan?.items[i]?.no}`) : undefined}
            />
          ))}
        </tr>
      ))}
    </tbody>
  );
}

function GoalTitle({
  no,
  block,
  goal,
  mark,
}: {
  no: number;
  block: Block;
  goal: Goal | undefined;
  mark?: string;
}) {
  if (!goal) {
    return (
      <td
        class={`goal__title goal__title--empty block-start ${block}`}
        colspan={2}
        headers={`${ids.block(block)} ${ids.row(no)}`}
      >
        <span class="visually-hidden">この年度のこの番号の重点目標はありません</span>
      </td>
    );
  }
  return (
    <th
      class={`goal__title block-start ${block}`}
      colspan={2}
      id={ids.goal(no, block)}
      headers={`${ids.block(block)} ${ids.row(no)}`}
    >
      <span class="goal__label">重点目標</span>
      <span class="goal__text">{goal.title}</span>
      {mark ? <span class="goal__mark">評価: {mark}</span> : null}
    </th>
  );
}

function ItemCells({
  no,
  block,
  item,
  mark,
}: {
  no: number;
  block: Block;
  item: Item | undefined;
  mark?: string;
}) {
  const rowHeaders = item ? `${ids.row(no)} ${ids.goal(no, block)}` : ids.row(no);
  const headers = (col: string) => `${ids.block(block)} ${col} ${rowHeaders}`;
  const note = item ? noteOf(item, block) : undefined;
  return (
    <>
      <td class={`item block-start ${block}`} headers={headers(ids.item(block))}>
        {item?.unit ? <p class="item__unit">（{item.unit}）</p> : null}
        {item ? (
          <p class="item__body">
            <span class="item__no">{circledNumber(item.no)}</span>
            <span class="item__text">
              <TextLines text={item.text} />
            </span>
          </p>
        ) : null}
      </td>
      <td class={`note ${block}`} headers={headers(ids.note(block))}>
        {item && note ? (
          <p class="item__body">
            <span class="item__no">{circledNumber(item.no)}</span>
            <span class="item__text">
              <TextLines text={note} />
            </span>
          </p>
        ) : null}
        {mark ? <p class="item__mark">評価: {mark}</p> : null}
      </td>
    </>
  );
}
