import type { Segment } from '../../search/highlight.ts';
import type { SearchHitView, SearchResultView } from './search.presenter.ts';

/** The original text, with the parts that matched in `<mark>` (hono/jsx escapes every segment). */
export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

export function SearchResults({ result, q }: { result: SearchResultView; q: string }) {
  return (
    <section class="search-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" class="search-results__heading">
        「{q.trim()}」の検索結果 <span class="search-results__count">{result.totalLabel}</span>
      </h2>
      {result.total === 0 ? (
        <NoHits />
      ) : (
        <>
          <p class="search-results__range">{rangeText(result)}</p>
          {result.capped ? <CappedNotice shown={result.total} /> : null}
          <ol class="search-hits" start={result.first}>
            {result.hits.map((hit) => (
              <Hit hit={hit} />
            ))}
          </ol>
          <Pagination result={result} />
        </>
      )}
    </section>
  );
}

/** 「120件中 1〜20件目を表示」; past the cap 「1,000件以上のうち 1〜20件目を表示」. */
function rangeText(result: SearchResultView): string {
  const of = result.capped ? `${result.totalLabel}のうち` : `${result.totalLabel}中`;
  return `${of} ${result.first}〜${result.last}件目を表示（新しい年度から順）`;
}

/** Counting and paging stop at the cap: say so, and how to reach the rest. */
function CappedNotice({ shown }: { shown: number }) {
  return (
    <p class="search-results__capped">
      {`見つかった項目が多いため、新しい年度から順に${shown.toLocaleString('ja-JP')}件目までを表示しています。それより古い項目は、語を増やすか、年度・部局・区分で絞り込んで探してください。`}
    </p>
  );
}

function NoHits() {
  return (
    <div class="search-empty">
      <p>一致する重点目標・取組項目は見つかりませんでした。</p>
      <ul>
        <li>語を短くするか、別の言い方で探してみてください（例：「移住定住」→「移住」）。</li>
        <li>空白で区切った語は、すべてを含むものだけが見つかります。語の数を減らしてみてください。</li>
        <li>年度・部局・区分・評価の絞り込みを「すべて」に戻してみてください。</li>
      </ul>
    </div>
  );
}

function Hit({ hit }: { hit: SearchHitView }) {
  return (
    <li class={`search-hit search-hit--${hit.block}`}>
      <p class="search-hit__meta">
        <span class="search-hit__year">{hit.yearLabel}</span>
        {hit.municipalityName ? <span>{hit.municipalityName}</span> : null}
        <span>{hit.departmentName}</span>
        <span class="search-hit__kind">{hit.kindLabel}</span>
        {hit.grade ? <span class="search-hit__grade">評価：{hit.grade}</span> : null}
      </p>
      <h3 class="search-hit__goal">
        <a href={hit.href}>
          <span class="search-hit__goal-no">重点目標{hit.goalNo}</span> <Marked segments={hit.goalTitle} />
        </a>
      </h3>
      {hit.item ? (
        <div class="search-hit__item">
          <p class="search-hit__text">
            <span class="search-hit__item-no">{hit.item.no}</span>
            {hit.item.unit ? (
              <span class="search-hit__unit">
                （<Marked segments={hit.item.unit} />）
              </span>
            ) : null}
            <Marked segments={hit.item.text} />
          </p>
          {hit.item.note ? (
            <p class="search-hit__note">
              <span class="search-hit__note-label">{hit.item.noteLabel}</span>
              <Marked segments={hit.item.note} />
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function Pagination({ result }: { result: SearchResultView }) {
  if (result.pages.length === 0) return null;
  return (
    <nav class="search-pages" aria-label="検索結果のページ">
      <ul>
        {result.prev ? (
          <li>
            <a href={result.prev} rel="prev">
              前のページ
            </a>
          </li>
        ) : null}
        {result.pages.map((p) => (
          <li>
            {p.current ? (
              <a href={p.href} aria-current="page" class="is-current">
                <span class="visually-hidden">ページ</span>
                {p.page}
              </a>
            ) : (
              <a href={p.href}>
                <span class="visually-hidden">ページ</span>
                {p.page}
              </a>
            )}
          </li>
        ))}
        {result.next ? (
          <li>
            <a href={result.next} rel="next">
              次のページ
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
