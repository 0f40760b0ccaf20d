import type { PairingChoices } from '../../domain/lineage/pairing.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { EditorLayout } from './editor-layout.tsx';

export interface PairingView {
  departmentName: string;
  /** 「令和8年度」. */
  planYearLabel: string;
  reviewYearLabel: string;
  choices: PairingChoices;
  editable: boolean;
  csrfToken: string;
  action: string;
  blockHref: string;
  /** Set after a save (Post/Redirect/Get). */
  saved: boolean;
}

/**
 * 「前年度との対応」: for each goal of the plan year, which goal of the year before it continues.
 * The 一覧表 shows the two side by side whatever their order; unset goals are paired by number.
 */
export function PairingPage({ view }: { view: PairingView }) {
  const title = `${view.departmentName} ${view.planYearLabel}の重点目標と前年度の対応`;
  const { plans, reviews } = view.choices;
  return (
    <EditorLayout title={title}>
      <h1 class="page-title">{title}</h1>
      {view.saved ? (
        <p class="flash" role="status" tabindex={-1} autofocus>
          前年度の重点目標との対応を保存しました。
        </p>
      ) : null}
      <p>
        一覧表では、各重点目標を、ここで指定した{view.reviewYearLabel}
        の重点目標（継続元）と左右に並べます。指定のない重点目標は、番号が同じものどうしを並べます。
      </p>
      {reviews.length === 0 ? (
        <p>{view.reviewYearLabel}の重点目標（実績の欄）がまだないため、対応は指定できません。</p>
      ) : null}
      {!view.editable ? (
        <p class="editor-notice">
          この年度の目標は提出・承認の手続き中か公表済みのため、対応は変更できません。
        </p>
      ) : null}
      {!view.editable || reviews.length === 0 ? (
        // Nothing can be changed: the pairing as it stands, without forms that could not be sent.
        <ul class="pairing-list">
          {plans.map((p) => {
            const from = reviews.find((r) => r.id === p.continuesFrom);
            return (
              <li>
                重点目標{p.no}「{p.title}」：
                {from
                  ? `${view.reviewYearLabel}の重点目標${from.no}「${from.title}」を引き継ぐ`
                  : '指定なし（番号で並べる）'}
              </li>
            );
          })}
        </ul>
      ) : (
        plans.map((p) => (
          <form method="post" action={view.action} class="staff-form pairing-form">
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="planGoal" value={String(p.id)} />
            <label for={`pairing-${p.id}`}>
              重点目標{p.no}「{p.title}」が引き継ぐ{view.reviewYearLabel}の重点目標
            </label>
            <select id={`pairing-${p.id}`} name="reviewGoal">
              <option value="" selected={p.continuesFrom === null}>
                指定しない（新規の重点目標、または番号で並べる）
              </option>
              {reviews.map((r) => (
                <option value={String(r.id)} selected={p.continuesFrom === r.id}>
                  重点目標{r.no}「{r.title}」
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="button-small">
              この対応を保存<span class="visually-hidden">（重点目標{p.no}）</span>
            </button>
          </form>
        ))
      )}
      <p>
        <a href={view.blockHref}>{view.planYearLabel}の目標の編集に戻る</a>
      </p>
    </EditorLayout>
  );
}
