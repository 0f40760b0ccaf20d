import type { Change, GoalChange } from '../../domain/review/content-diff.ts';
import { IchiranhyoTable } from '../../views/ichiranhyo-table.tsx';
import { WordDiff } from '../components/word-diff.tsx';
import type { ResultGoal, ReviewView } from './review.presenter.ts';
import { reviewUrls } from './review.urls.ts';
import { WorkflowShell } from './shell.tsx';

const CHANGE_LABELS: Record<Change, string> = {
  added: '追加',
  removed: '削除',
  changed: '変更',
  same: '変更なし',
};

/** Goals and items that changed, word by word; unchanged ones are left out so the changes stand out. */
function Changes({ changes, noteLabel }: { changes: GoalChange[]; noteLabel: string }) {
  const shown = changes.filter((g) => g.change !== 'same');
  if (shown.length === 0) return <p>文言の変更はありません。</p>;
  return (
    <ul class="review-changes">
      {shown.map((g) => (
        <li class={`review-change review-change--${g.change}`}>
          <p class="review-change__head">
            重点目標{g.no} <span class="review-tag">{CHANGE_LABELS[g.change]}</span>
          </p>
          <p class="review-diff">
            <WordDiff segments={g.title} />
          </p>
          {g.assessment.some((s) => s.op !== 'same') ? (
            <p class="review-diff">
              自己評価: <WordDiff segments={g.assessment} />
            </p>
          ) : null}
          {g.items.some((i) => i.change !== 'same') ? (
            <ul class="review-items">
              {g.items
                .filter((i) => i.change !== 'same')
                .map((i) => (
                  <li>
                    <span class="review-item-no">
                      取組項目{i.no} <span class="review-tag">{CHANGE_LABELS[i.change]}</span>
                    </span>
                    <span class="review-diff">
                      <WordDiff segments={i.text} />
                    </span>
                    {i.note.some((s) => s.text !== '') ? (
                      <span class="review-diff review-note">
                        {noteLabel}: <WordDiff segments={i.note} />
                      </span>
                    ) : null}
                  </li>
                ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Results({ goals }: { goals: ResultGoal[] }) {
  if (goals.length === 0) return <p>この年度の数値目標はありません。</p>;
  return (
    <>
      {goals.map((g) => (
        <div class="review-result">
          <h3>
            重点目標{g.no} {g.title}
          </h3>
          <p>
            計算した評価: <strong>{g.grade}</strong>
            {' ／ '}部局の自己評価: {g.selfAssessment ?? '未入力'}
          </p>
          <table class="workflow-table">
            <caption class="visually-hidden">重点目標{g.no}の数値目標と実績</caption>
            <thead>
              <tr>
                <th scope="col">取組項目</th>
                <th scope="col">数値目標</th>
                <th scope="col">実績</th>
                <th scope="col">達成率</th>
                <th scope="col">評価（計算）</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr>
                  <td>{r.item}</td>
                  <td>{r.target}</td>
                  <td>{r.actual}</td>
                  <td>{r.rate}</td>
                  <td>{r.grade}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

function Interim({ view }: { view: ReviewView }) {
  const goals = view.interim ?? [];
  if (goals.length === 0) return <p>この年度の目標はまだありません。</p>;
  return (
    <table class="workflow-table review-interim">
      <caption class="visually-hidden">取組項目ごとの中間報告</caption>
      <thead>
        <tr>
          <th scope="col">重点目標</th>
          <th scope="col">取組項目</th>
          <th scope="col">{view.noteLabel}</th>
        </tr>
      </thead>
      <tbody>
        {goals.flatMap((g) =>
          g.items.map((i) => (
            <tr>
              <td>
                {g.no}. {g.title}
              </td>
              <td>
                {i.no}. {i.text}
              </td>
              <td>{i.note === '' ? '（未入力）' : i.note}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

function Published({ view }: { view: ReviewView }) {
  if (view.interim) return <Interim view={view} />;
  if (!view.table) return <p>この段階の内容はまだありません。</p>;
  return (
    <>
      <p>
        {view.table.tableLabel}の一覧表として公表されます。
        {view.table.otherBlockHidden
          ? 'もう一方の欄は、まだ公表されていない（または作成されていない）ため空欄で表示しています。'
          : ''}
      </p>
      <IchiranhyoTable document={view.table.document} lineagePairs={view.table.lineagePairs} />
    </>
  );
}

/** Read-only: the block as it will be published, what changed, and (期末) targets beside results. */
export function ReviewPage({ view }: { view: ReviewView }) {
  return (
    <WorkflowShell title={view.title} unread={view.unread} stylesheets={[reviewUrls.stylesheet()]}>
      <dl class="workflow-facts">
        <dt>状況</dt>
        <dd>{view.statusLabel}</dd>
      </dl>
      <ul class="review-links">
        {view.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
      {view.sinceReturn ? (
        <section aria-labelledby="since-return-title" class="review-section">
          <h2 id="since-return-title">差し戻した版からの変更</h2>
          <div class="review-return-comment">
            <p>
              {view.sinceReturn.at}に{view.sinceReturn.by}が差し戻しました。理由:
            </p>
            <p class="comment">{view.sinceReturn.comment}</p>
          </div>
          <Changes changes={view.sinceReturn.changes} noteLabel={view.noteLabel} />
        </section>
      ) : null}
      <section aria-labelledby="published-title" class="review-section">
        <h2 id="published-title">公表される内容</h2>
        <Published view={view} />
      </section>
      {view.results ? (
        <section aria-labelledby="results-title" class="review-section">
          <h2 id="results-title">数値目標と実績・評価</h2>
          <Results goals={view.results} />
        </section>
      ) : null}
      {view.sinceLastYear ? (
        <section aria-labelledby="last-year-title" class="review-section">
          <h2 id="last-year-title">{view.sinceLastYear.yearLabel}の目標からの変更</h2>
          <Changes changes={view.sinceLastYear.changes} noteLabel={view.noteLabel} />
        </section>
      ) : null}
    </WorkflowShell>
  );
}
