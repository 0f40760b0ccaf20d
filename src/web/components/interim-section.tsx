import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { PublicInterim } from '../../domain/publication/reader.ts';
import { circledNumber } from '../../views/circled-number.ts';
import { formatTokyo } from './datetime.ts';

/**
 * The 中間報告 of the plan year on the department's public 一覧表 page: each item's progress once the
 * phase is published; a sentence instead when it is not yet, or when the city keeps it internal.
 */
export function InterimSection({ interim, year }: { interim: PublicInterim; year: number }) {
  const title = `${formatFiscalYear(year)}の中間報告`;
  return (
    <section class="interim-report" aria-labelledby="interim-heading" id="interim">
      <h2 id="interim-heading">{title}</h2>
      {interim.status === 'internal' ? (
        <p>この自治体では、中間報告を公表していません（庁内での進捗確認にのみ使っています）。</p>
      ) : interim.status === 'unpublished' ? (
        <p>この年度の中間報告はまだ公表されていません。公表されるとここに取組ごとの進捗が表示されます。</p>
      ) : interim.rows.length === 0 ? (
        <p>公表された中間報告に、進捗の記載はありません。</p>
      ) : (
        <>
          {interim.publishedAt ? <p>公表日時: {formatTokyo(interim.publishedAt)}</p> : null}
          {/* Focusable so that keyboard users can scroll the table on a narrow screen. */}
          <section class="interim-scroll" tabindex={0} aria-label={`${title}の表`}>
            <table class="interim-table">
              <caption class="visually-hidden">{`${title}（取組ごとの進捗）`}</caption>
              <thead>
                <tr>
                  <th scope="col">重点目標</th>
                  <th scope="col">取組</th>
                  <th scope="col">進捗状況</th>
                </tr>
              </thead>
              <tbody>
                {interim.rows.map((r) => (
                  <tr>
                    <td>
                      {r.goalNo}. {r.goalTitle}
                    </td>
                    <th scope="row">
                      {circledNumber(r.itemNo)} {r.itemText}
                    </th>
                    <td>
                      {r.notStarted ? <strong class="interim-not-started">未着手</strong> : null}
                      {r.notStarted && r.progress !== '' ? ' ' : null}
                      {r.progress}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
