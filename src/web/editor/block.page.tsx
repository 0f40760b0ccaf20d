import { CsrfField } from '../components/csrf-field.tsx';
import { ReturnNotice } from '../components/return-notice.tsx';
import { FlashNotice } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView } from './editor.view.ts';
import { EditorLayout } from './editor-layout.tsx';
import { AddGoalForm, GoalEditor } from './goal-editor.tsx';
import { yearLabel } from './labels.ts';
import { PairingLink } from './pairing-notice.tsx';
import { OrphanProblem } from './problem-notice.tsx';
import { ReadOnlyBlock } from './read-only-block.tsx';

/** Is the refused form still on the page? If not (row deleted, block locked) the input is shown on its own. */
function problemHasForm(view: BlockView): boolean {
  const target = view.problem?.target;
  if (!target || view.readOnlyReason) return false;
  if (target === 'new-goal') return true;
  const id = Number(/(\d+)(?:-\d+)?$/.exec(target)?.[1]);
  if (target.startsWith('goal-') || target.startsWith('new-item-'))
    return view.goals.some((g) => g.id === id);
  return view.goals.some((g) => g.items.some((i) => i.id === id));
}

function CopyActions({ view }: { view: BlockView }) {
  const { departmentId, year } = view.address;
  if (view.readOnlyReason && !view.canCopyNextYear && !view.canStartReview) return null;
  return (
    <div class="copy-actions">
      {view.canCopyNextYear ? (
        <form method="post" action={editorUrls.copyNextYear(departmentId, year)} class="inline-form">
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button-secondary">
            この目標から{yearLabel(year + 1)}の目標を作成
          </button>
        </form>
      ) : null}
      {view.canStartReview ? (
        <form method="post" action={editorUrls.startReview(departmentId, year)} class="inline-form">
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button-secondary">
            {view.yearLabel}の年度末報告（達成状況）を開始
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function BlockPage({ view }: { view: BlockView }) {
  const title = `${view.departmentName} ${view.yearLabel} ${view.blockLabel}`;
  const editable = view.readOnlyReason === undefined;
  return (
    <EditorLayout title={view.problem ? `保存できませんでした: ${title}` : title}>
      <h1 class="page-title">
        <span class="page-title__department">{view.departmentName}</span> {view.yearLabel} {view.blockLabel}
      </h1>
      <p class="block-state">
        状態:{' '}
        <span class="status-tag" data-editable={editable ? 'yes' : 'no'}>
          {view.stateLabel}
        </span>
        {editable ? ' — 編集できます。' : null}
      </p>
      {view.returnNote ? <ReturnNotice note={view.returnNote} /> : null}
      {view.readOnlyReason ? (
        <div class="editor-notice" role="note">
          <p>{view.readOnlyReason}</p>
        </div>
      ) : null}
      <p>
        <a href={view.otherBlock.href}>{view.otherBlock.label}へ</a>
      </p>
      <PairingLink view={view} />
      <FlashNotice flash={view.flash} anchor={undefined} />
      {view.problem && !problemHasForm(view) ? (
        <OrphanProblem problem={view.problem} noteLabel={view.noteLabel} />
      ) : null}
      <CopyActions view={view} />
      {view.goals.length === 0 ? <p>この{view.blockLabel}にはまだ重点目標がありません。</p> : null}
      {editable ? (
        <>
          {view.goals.map((goal, i) => (
            <GoalEditor view={view} goal={goal} first={i === 0} last={i === view.goals.length - 1} />
          ))}
          <AddGoalForm view={view} />
        </>
      ) : (
        <ReadOnlyBlock view={view} />
      )}
    </EditorLayout>
  );
}
