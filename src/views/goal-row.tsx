import type { Block, Goal, Item } from '../format/document.schema.ts';
import { circledNumber } from './circled-number.ts';
import { type GoalPair, itemLineCount, noteOf } from './goal-pairs.ts';
import { itemCellHeaders, numberCellHeaders, type TableIds } from './table-ids.ts';
import { TextLines } from './text-lines.tsx';

const BLOCKS: Block[] = ['review', 'plan'];

/** One numbered row of the form: the goal titles, then the items of both sides aligned by position. */
export function GoalRow({
  pair,
  ids,
  marks,
}: {
  pair: GoalPair;
  ids: TableIds;
  marks?: ReadonlyMap<string, string>;
}) {
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
            ids={ids}
            mark={b === 'plan' && pair.plan ? marks?.get(`${pair.plan.no}`) : undefined}
          />
        ))}
      </tr>
      {lines.map((i) => (
        <tr class="goal__item-row">
          {/* No rowspan: the number's scope="rowgroup" covers the whole goal, and rows stay free to break across printed pages. */}
          <td class="goal__no-cont" headers={numberCellHeaders(ids, pair.no)} />
          {BLOCKS.map((b) => (
            <ItemCells
              no={pair.no}
              block={b}
              ids={ids}
              item={pair[b]?.items[i]}
              mark={b === 'plan' ? marks?.get(`${pair.plan?.no}/${pair.plan?.items[i]?.no}`) : undefined}
            />
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The goal's title on one side. A side without a goal of this number still gets a header cell
 * saying so: its (empty) item cells below are then headed like every other side's.
 */
function GoalTitle({
  no,
  block,
  goal,
  ids,
  mark,
}: {
  no: number;
  block: Block;
  goal: Goal | undefined;
  ids: TableIds;
  mark?: string;
}) {
  return (
    <th
      class={`goal__title${goal ? '' : ' goal__title--empty'} block-start ${block}`}
      colspan={2}
      id={ids.goal(no, block)}
      headers={`${ids.block(block)} ${ids.row(no)}`}
    >
      {goal ? (
        <>
          <span class="goal__label">重点目標</span>
          <span class="goal__text">{goal.title}</span>
          {mark ? <span class="goal__mark">評価: {mark}</span> : null}
        </>
      ) : (
        <span class="visually-hidden">この年度のこの番号の重点目標はありません</span>
      )}
    </th>
  );
}

function ItemCells({
  no,
  block,
  ids,
  item,
  mark,
}: {
  no: number;
  block: Block;
  ids: TableIds;
  item: Item | undefined;
  mark?: string;
}) {
  const note = item ? noteOf(item, block) : undefined;
  return (
    <>
      <td class={`item block-start ${block}`} headers={itemCellHeaders(ids, no, block, 'item')}>
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
      <td class={`note ${block}`} headers={itemCellHeaders(ids, no, block, 'note')}>
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
