import type { Phase } from '../../db/schema.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { yearHeading } from './format.ts';
import { WorkflowShell } from './shell.tsx';

export interface PublishConfirmView {
  title: string;
  unread: number;
  csrfToken: string;
  departmentName: string;
  year: number;
  phase: Phase;
  phaseLabel: string;
  statusLabel: string;
  canPublish: boolean;
  version: number;
  action: string;
  panelHref: string;
  contentHref: string;
}

export function PublishConfirmPage({ view }: { view: PublishConfirmView }) {
  const what = `${view.departmentName} ${yearHeading(view.year)}の${view.phaseLabel}`;
  return (
    <WorkflowShell title={view.title} unread={view.unread}>
      <section class="publish-confirm" aria-labelledby="publish-confirm-title">
        <h2 id="publish-confirm-title">{what}を公表しますか？</h2>
        <p>状況: {view.statusLabel}</p>
        <p>
          公表すると、この内容が市民向けのページとオープンデータに掲載されます。公表後に直すには、企画担当が差し戻す必要があります。
        </p>
        <p>
          <a href={view.contentHref}>公表する内容を確認する</a>
        </p>
        {view.canPublish ? (
          <form method="post" action={view.action} class="staff-form">
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="version" value={String(view.version)} />
            <input type="hidden" name="action" value="publish" />
            <input type="hidden" name="confirmed" value="1" />
            <div class="field">
              <label for="publish-comment">コメント（任意）</label>
              <textarea id="publish-comment" name="comment" rows={1} />
            </div>
            <button type="submit" class="button-primary">
              公表する
            </button>{' '}
            <a href={view.panelHref}>公表せずに手続きの画面へ戻る</a>
          </form>
        ) : (
          <p>
            いまは公表できません（公表できるのは企画が受理し、必要な決裁を記録した後で、企画担当だけです）。
            <a href={view.panelHref}>手続きの画面へ戻る</a>
          </p>
        )}
      </section>
    </WorkflowShell>
  );
}
