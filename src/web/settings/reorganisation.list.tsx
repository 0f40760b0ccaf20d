import type { Reorganisation } from '../../domain/organisation/reorganisation.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { formatTokyo } from '../components/datetime.ts';
import { yearLabel } from './reorganisation.fields.tsx';
import { KIND_LABEL } from './reorganisation.form.ts';

export const REORGANISATIONS_URL = '/staff/settings/reorganisations';
export const deleteUrl = (id: number) => `${REORGANISATIONS_URL}/${id}/delete`;

const names = (departments: Array<{ name: string }>) => departments.map((d) => d.name).join('、');

/** The recorded 組織改編, oldest first, each with what it changed and (for planning) a delete button. */
export function ReorganisationList(props: { events: Reorganisation[]; csrf: string; canManage: boolean }) {
  return (
    <section aria-labelledby="reorg-list-heading">
      <h2 id="reorg-list-heading">記録済みの組織改編</h2>
      {props.events.length === 0 ? (
        <p id="reorg-none">記録された組織改編はまだありません。</p>
      ) : (
        <>
          {props.canManage ? (
            <p class="hint" id="reorg-delete-hint">
              記録を削除すると、その改編をもとに提案された目標のつながりのうち、まだ確認されていないものも取り消されます。確認済みのつながりは残ります。
            </p>
          ) : null}
          <ul class="reorg-list">
            {props.events.map((e) => {
              const heading = `reorg-${e.id}-heading`;
              return (
                <li class="reorg-event" id={`reorg-${e.id}`}>
                  <h3 id={heading}>
                    {yearLabel(e.effectiveYear)}　{KIND_LABEL[e.kind]}
                  </h3>
                  <dl class="reorg-facts">
                    <dt>改編前</dt>
                    <dd>{names(e.from)}</dd>
                    <dt>改編後</dt>
                    <dd>{names(e.to)}</dd>
                    {e.note ? (
                      <>
                        <dt>備考</dt>
                        <dd class="comment">{e.note}</dd>
                      </>
                    ) : null}
                    <dt>記録</dt>
                    <dd>
                      {e.createdBy}（{formatTokyo(e.createdAt)}）
                    </dd>
                  </dl>
                  {props.canManage ? (
                    <form method="post" action={deleteUrl(e.id)} class="reorg-delete">
                      <CsrfField token={props.csrf} />
                      <button
                        type="submit"
                        class="button-secondary"
                        aria-describedby={`${heading} reorg-delete-hint`}
                      >
                        この記録を削除
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
