import { circledNumber } from '../../views/circled-number.ts';
import type { BlockView } from './editor.view.ts';

/** A block that cannot be edited now, shown as text with the quantities read from its notes. */
export function ReadOnlyBlock({ view }: { view: BlockView }) {
  return (
    <>
      {view.goals.map((goal) => (
        <section
          class="editor-goal editor-goal--read-only"
          id={`goal-${goal.id}`}
          aria-labelledby={`goal-${goal.id}-heading`}
        >
          <h2 id={`goal-${goal.id}-heading`}>
            重点目標{goal.no}　{goal.title}
          </h2>
          {goal.items.map((item) => (
            <article class="editor-item" id={`item-${item.id}`}>
              <h3>
                取組項目{circledNumber(item.no)}
                {item.unitName ? `（${item.unitName}）` : ''}
              </h3>
              <dl class="read-only-fields">
                <dt>具体的な重点取組項目</dt>
                <dd class="pre">{item.text}</dd>
                <dt>{view.noteLabel}</dt>
                <dd class="pre">{item.note || '（未記入）'}</dd>
                <dt>数量</dt>
                <dd>
                  {item.quantities.length === 0
                    ? 'なし'
                    : item.quantities
                        .map(
                          (q) =>
                            `${q.value.toLocaleString('ja-JP')}${q.unit}${q.comparator === '=' ? '' : q.comparatorLabel}`,
                        )
                        .join('、')}
                </dd>
              </dl>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
