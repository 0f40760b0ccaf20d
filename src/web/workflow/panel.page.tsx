import { CsrfField } from '../components/csrf-field.tsx';
import { workflowUrls } from './format.ts';
import { GapList } from './gap-list.tsx';
import type { PanelView, PhaseView } from './panel.types.ts';
import { WorkflowShell } from './shell.tsx';

function Deadline({ p }: { p: PhaseView }) {
  if (!p.dueLabel) return <>未設定</>;
  if (p.overdue) {
    return (
      <>
        {p.dueLabel} <strong class="overdue">期限超過</strong>
      </>
    );
  }
  const left =
    p.daysLeft !== undefined && p.daysLeft >= 0 && p.status !== 'published' ? `（あと${p.daysLeft}日）` : '';
  return (
    <>
      {p.dueLabel}
      {left}
    </>
  );
}

function commentLabel(action: string, p: PhaseView): string {
  if (action !== 'return') return 'コメント（任意）';
  return p.status === 'published'
    ? '差し戻しの理由（必須・公表を取り下げて作成中に戻します）'
    : '差し戻しの理由（必須）';
}

function ActionForms({ view, p }: { view: PanelView; p: PhaseView }) {
  if (p.actions.length === 0) return <p class="hint">この段階で、あなたが行える操作はありません。</p>;
  const action = workflowUrls.transition(view.departmentId, view.year, p.phase);
  const keep = view.errorPhase === p.phase ? view.comment : undefined;
  return (
    <div class="workflow-actions">
      {p.actions.map((a) => {
        const id = `${p.phase}-${a.action}-comment`;
        if (a.action === 'publish') return <PublishLink view={view} p={p} label={a.label} />;
        return (
          <form
            method="post"
            action={action}
            class={`staff-form workflow-action workflow-action--${a.action}`}
          >
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="version" value={String(p.version)} />
            <input type="hidden" name="action" value={a.action} />
            <div class="field">
              <label for={id}>{commentLabel(a.action, p)}</label>
              <textarea
                id={id}
                name="comment"
                rows={a.action === 'return' ? 3 : 1}
                required={a.action === 'return'}
              >
                {a.action === 'return' ? (keep ?? '') : ''}
              </textarea>
            </div>
            <button type="submit" class={a.action === 'return' ? 'button-secondary' : 'button-primary'}>
              {a.label}
            </button>
          </form>
        );
      })}
    </div>
  );
}

/** 公表 goes through a confirmation page first: publishing cannot be undone by the department. */
function PublishLink({ view, p, label }: { view: PanelView; p: PhaseView; label: string }) {
  return (
    <form
      method="get"
      action={workflowUrls.publishConfirm(view.departmentId, view.year, p.phase)}
      class="staff-form workflow-action workflow-action--publish"
    >
      <input type="hidden" name="version" value={String(p.version)} />
      <button type="submit" class="button-primary">
        {label}…
      </button>
    </form>
  );
}

function PhaseSection({ view, p }: { view: PanelView; p: PhaseView }) {
  return (
    <section class="workflow-phase" id={`phase-${p.phase}`} aria-labelledby={`phase-${p.phase}-title`}>
      <h2 id={`phase-${p.phase}-title`}>{p.label}</h2>
      <dl class="workflow-facts">
        <dt>状況</dt>
        <dd class={`status status--${p.status}`}>{p.statusLabel}</dd>
        <dt>次に必要なこと</dt>
        <dd>{p.waitingFor}</dd>
        <dt>期限</dt>
        <dd>
          <Deadline p={p} />
        </dd>
      </dl>
      {p.reviewHref ? (
        <p>
          <a href={p.reviewHref} class="review-link">
            {p.label}の内容を確認する（公表される形・変更点）
          </a>
        </p>
      ) : null}
      {p.reportHref ? (
        <p>
          <a href={p.reportHref}>
            {p.phase === 'interim' ? '中間報告（進捗）を見る・入力する' : '期末評価を見る・入力する'}
          </a>
        </p>
      ) : null}
      <ActionForms view={view} p={p} />
    </section>
  );
}

export function PanelPage({ view }: { view: PanelView }) {
  return (
    <WorkflowShell title={view.title} unread={view.unread} notice={view.notice} error={view.error}>
      {view.gaps ? <GapList gaps={view.gaps} /> : null}
      <p class="workflow-years">
        <a href={workflowUrls.panel(view.departmentId, view.year - 1)}>前年度</a>
        <a href={workflowUrls.panel(view.departmentId, view.year + 1)}>翌年度</a>
        <a href={workflowUrls.matrix(view.year)}>全部局の進行状況</a>
      </p>
      {view.phases.length === 0 ? (
        <p>
          この年度の手続きはまだ開始されていません。
          {view.canOpen ? '「年度の進行状況」から年度を開始できます。' : '企画担当が年度を開始します。'}
        </p>
      ) : (
        <div class="workflow-phases">
          {view.phases.map((p) => (
            <PhaseSection view={view} p={p} />
          ))}
        </div>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">履歴とコメント</h2>
        {view.history.length === 0 ? (
          <p>履歴はまだありません。</p>
        ) : (
          <table class="workflow-table">
            <caption class="visually-hidden">操作の履歴（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">手続き</th>
                <th scope="col">操作</th>
                <th scope="col">操作後の状況</th>
                <th scope="col">担当</th>
                <th scope="col">コメント</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h) => (
                <tr>
                  <td>{h.at}</td>
                  <td>{h.phaseLabel}</td>
                  <td>
                    {h.actionLabel}
                    {h.stepName ? `（${h.stepName}）` : ''}
                  </td>
                  <td>{h.toLabel}</td>
                  <td>{h.actor}</td>
                  <td class="comment">{h.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </WorkflowShell>
  );
}
