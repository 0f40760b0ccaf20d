import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';
import type { StaffHomeView, WaitingView } from './staff-home.presenter.ts';
import type { StaffLink } from './staff-menu.ts';

function Waiting({ entry }: { entry: WaitingView }) {
  return (
    <li class={entry.overdue ? 'home-task is-overdue' : 'home-task'}>
      <p class="home-task__main">
        <a href={entry.main.href}>{entry.main.label}</a>
      </p>
      <p class="home-task__facts">
        <span class={entry.returned ? 'home-tag home-tag--returned' : 'home-tag'}>{entry.statusLabel}</span>
        {entry.dueLabel ? <span>期限 {entry.dueLabel}</span> : null}
        {entry.overdue ? <strong class="home-late">期限を過ぎています</strong> : null}
      </p>
      {entry.returned ? (
        <div class="home-returned">
          <p>差し戻しの理由:</p>
          <p class="home-returned__comment">{entry.returnedComment ?? '（理由の記入はありません）'}</p>
        </div>
      ) : null}
      <p class="home-task__more">
        <a href={entry.panel.href}>
          手続きの画面<span class="visually-hidden">（{entry.panel.label}）</span>
        </a>
      </p>
    </li>
  );
}

function Links({ links }: { links: StaffLink[] }) {
  return (
    <ul class="staff-links">
      {links.map((l) => (
        <li>
          <a href={l.href}>{l.label}</a>
          <span class="hint">{l.description}</span>
        </li>
      ))}
    </ul>
  );
}

/** The staff home: my waiting work first, then what is late, my departments' year, and the menu. */
export function StaffHomePage({ view }: { view: StaffHomeView }) {
  return (
    <Layout title="職員メニュー" stylesheets={['/assets/staff.css']}>
      <div class="page staff-home">
        <h1 class="page-title">職員メニュー</h1>
        <p>
          {view.displayName}（{view.login}）としてログインしています。
        </p>
        <ul class="grant-list">
          {view.grants.map((g) => (
            <li>{g}</li>
          ))}
        </ul>

        <section aria-labelledby="home-waiting" class="home-section">
          <h2 id="home-waiting">あなたの対応待ち（{view.waiting.length}件）</h2>
          {view.waiting.length === 0 ? (
            <p class="home-empty">
              対応待ちの手続きはありません。提出や承認の依頼が届くと、ここと
              <a href="/staff/inbox">受信箱</a>に表示されます。
            </p>
          ) : (
            <ul class="home-tasks">
              {view.waiting.map((e) => (
                <Waiting entry={e} />
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="home-overdue" class="home-section">
          <h2 id="home-overdue">期限を過ぎている手続き（{view.overdue.length}件）</h2>
          {view.overdue.length === 0 ? (
            <p class="home-empty">期限を過ぎている手続きはありません。</p>
          ) : (
            <ul class="home-overdue">
              {view.overdue.map((o) => (
                <li>
                  <a href={o.link.href}>{o.link.label}</a>
                  <span class="hint">
                    期限 {o.dueLabel}・{o.statusLabel}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="home-progress" class="home-section">
          <h2 id="home-progress">{view.progress.yearLabel}の進み具合</h2>
          {view.progress.started ? null : view.progress.canOpenYear ? (
            <p class="home-empty">
              この年度の手続きはまだ始まっていません。
              <a href={view.progress.matrixHref}>全部局の進行状況</a>
              の画面で年度を開始してください。
            </p>
          ) : (
            <p class="home-empty">
              この年度の手続きはまだ始まっていません。企画担当が年度を開始すると、ここに進み具合が表示されます。
            </p>
          )}
          <table class="home-progress">
            <caption class="visually-hidden">部局ごとの目標設定・中間報告・期末報告の状況</caption>
            <thead>
              <tr>
                <th scope="col">部局</th>
                {view.progress.columns.map((c) => (
                  <th scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.progress.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={r.href}>{r.name}</a>
                  </th>
                  {r.cells.map((c) => (
                    <td class={c.overdue ? 'is-overdue' : undefined}>
                      {c.label}
                      {c.dueLabel ? <span class="home-due">期限 {c.dueLabel}</span> : null}
                      {c.overdue ? <strong class="home-late">期限超過</strong> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={view.progress.matrixHref}>全部局の進行状況を見る</a>
          </p>
        </section>

        <section aria-labelledby="home-work" class="home-section">
          <h2 id="home-work">日々の手続き</h2>
          <Links links={view.work} />
        </section>
        {view.settings.length > 0 ? (
          <section aria-labelledby="home-settings" class="home-section">
            <h2 id="home-settings">設定と管理</h2>
            <Links links={view.settings} />
          </section>
        ) : null}

        <form method="post" action="/logout">
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button-secondary">
            ログアウト
          </button>
        </form>
      </div>
    </Layout>
  );
}
