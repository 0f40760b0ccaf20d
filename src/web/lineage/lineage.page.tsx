import type { DiffSegment } from '../../domain/lineage/diff.ts';
import { urls } from '../../views/view-models.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import { WordDiff } from '../components/word-diff.tsx';
import type { LineageMark, LineageStepView, LineageView } from './lineage.presenter.ts';

export const lineageStylesheet = '/assets/lineage.css';

const MARK_LABELS: Record<LineageMark, string> = { continued: '継続', new: '新規', ended: '終了' };

/** The department's goals year by year: how each carried on, began or ended, and how its wording changed. */
export function LineagePage({ view }: { view: LineageView }) {
  const { municipality, department } = view;
  const title = `${department.name} 重点目標の推移`;
  return (
    <Layout title={title} municipalityName={municipality.name} stylesheets={[lineageStylesheet]}>
      <div class="page lineage">
        <Breadcrumbs
          items={[
            { label: 'トップ', href: urls.home() },
            { label: municipality.name, href: urls.municipality(municipality.code) },
            { label: title },
          ]}
        />
        <h1 class="page-title">{title}</h1>
        <p>
          公表済みの一覧表（{view.years.map((y) => `${y}年度`).join('・') || 'なし'}
          ）から、重点目標を年度ごとにたどります。前年度からの文言の変更は、追加を下線、削除を取り消し線で示します。
        </p>
        {view.threads.length === 0 ? <p>公表済みの重点目標はありません。</p> : null}
        {view.threads.map((thread) => (
          <section class="lineage-thread">
            <h2>{thread.title}</h2>
            <ol class="lineage-steps">
              {thread.steps.map((s) => (
                <Step step={s} code={municipality.code} departmentId={department.id} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </Layout>
  );
}

function Step({ step, code, departmentId }: { step: LineageStepView; code: string; departmentId: number }) {
  return (
    <li class="lineage-step">
      <p class="lineage-step__head">
        <a href={urls.ichiranhyo(code, departmentId, step.tableYear)}>{step.year}年度</a> 重点目標{step.no}{' '}
        {step.marks.map((m) => (
          <span class={`lineage-mark lineage-mark--${m}`}>{MARK_LABELS[m]}</span>
        ))}
      </p>
      {step.diff ? <Diff segments={step.diff} /> : <p class="lineage-title">{step.title}</p>}
    </li>
  );
}

function Diff({ segments }: { segments: DiffSegment[] }) {
  if (segments.every((s) => s.op === 'same')) {
    return (
      <p class="lineage-title">
        {segments.map((s) => s.text).join('')} <span class="lineage-hint">（前年度から文言の変更なし）</span>
      </p>
    );
  }
  return (
    <p class="lineage-title lineage-diff">
      <WordDiff segments={segments} />
    </p>
  );
}
