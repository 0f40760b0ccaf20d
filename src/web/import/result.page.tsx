import type { ImportResult } from '../../importer/import.service.ts';
import { yearPairLabel } from '../../views/year-label.ts';
import { Layout } from '../components/layout.tsx';

const kindLabel = { added: '追加', changed: '変更', removed: '削除' } as const;
const blockLabel = { review: '達成状況', plan: '数値目標' } as const;

export function ResultPage({
  result,
  refused = [],
}: {
  /** One import, or several confirmed together (each with its own id, listed on the history page). */
  result: Omit<ImportResult, 'importId'>;
  /** Files of a several-file upload that were not stored, and why (the others were). */
  refused?: { name: string; message: string }[];
}) {
  return (
    <Layout title="取り込みました" stylesheets={['/assets/staff.css', '/assets/import.css']}>
      <div class="page">
        <h1 class="page-title">取り込みました</h1>
        {refused.length > 0 ? (
          <div class="form-error" role="alert">
            <p>次のファイルは保存できませんでした。内容を直してから、もう一度取り込んでください。</p>
            <ul>
              {refused.map((r) => (
                <li>
                  <strong>{r.name}</strong>: {r.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result.documents.map((d) => {
          const count = (k: keyof typeof kindLabel) => d.changes.filter((c) => c.kind === k).length;
          return (
            <section>
              <h2>
                {d.department} {yearPairLabel(d.planYear)}
              </h2>
              <p role="status">
                {d.published ? '公表済みとして保存しました' : '作成中として保存しました'}（
                {d.replaced ? '既存の内容を置き換え' : '新規'}）: 追加 {count('added')} 件、変更{' '}
                {count('changed')} 件、削除 {count('removed')} 件
              </p>
              {d.published ? null : (
                <p>公表するには、部局で提出し、承認・企画の受理・公表の手続きを進めてください。</p>
              )}
              <ul>
                {d.changes.map((c) => (
                  <li>
                    {kindLabel[c.kind]}: {blockLabel[c.block]} {c.fiscalYear}年度 重点目標{c.goalNo}
                    {c.itemNo === undefined ? '' : ` 取組${c.itemNo}`}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        <p>
          <a href="/staff/import">続けて取り込む</a> ・{' '}
          <a href="/staff/import/history">取り込み履歴（間違えたときは取り消せます）</a> ・{' '}
          <a href="/staff">職員メニューへ</a>
        </p>
      </div>
    </Layout>
  );
}
