import type { Phase } from '../../db/schema.ts';
import { phaseLabels, phases } from '../../domain/workflow/labels.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary, type FieldError } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';

export const DEADLINES_URL = '/staff/settings/deadlines';

export interface DeadlinesView {
  year: number;
  yearLabel: string;
  opened: boolean;
  csrf: string;
  /** Form values as shown (stored, or as typed when refused). */
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string;
  /** Planning may open a phase early for one department; admins edit dates only. */
  departments?: Array<{ id: number; name: string }>;
  matrixHref: string;
}

function DateField({
  view,
  name,
  label,
  hint,
}: {
  view: DeadlinesView;
  name: string;
  label: string;
  hint: string;
}) {
  const id = name.replace('_', '-');
  const error = view.errors.find((e) => e.field === id)?.message;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="date"
        value={view.values[name] ?? ''}
        required={name.startsWith('due_')}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

const OPENS_HINT: Record<Phase, string> = {
  goal_setting: '',
  interim: '空欄なら、目標設定が公表された時点で作成できるようになります。',
  final: '空欄なら、中間報告を企画が受理した時点で作成できるようになります。',
};

function ScheduleForm({ view }: { view: DeadlinesView }) {
  return (
    <form method="post" action={DEADLINES_URL} class="staff-form" novalidate>
      <CsrfField token={view.csrf} />
      <input type="hidden" name="year" value={String(view.year)} />
      {phases.map((phase) => (
        <fieldset>
          <legend>{phaseLabels[phase]}</legend>
          <DateField
            view={view}
            name={`due_${phase}`}
            label={`${phaseLabels[phase]}の提出期限`}
            hint="この日の終わり（日本時間）までに企画へ届かないと期限超過になります。"
          />
          {phase === 'goal_setting' ? null : (
            <DateField
              view={view}
              name={`opens_${phase}`}
              label={`${phaseLabels[phase]}の受付開始日（任意）`}
              hint={`この日より前には作成・提出できません。${OPENS_HINT[phase]}`}
            />
          )}
        </fieldset>
      ))}
      <button type="submit" class="button-primary">
        期限と受付開始日を保存する
      </button>
    </form>
  );
}

function EarlyForm({ view }: { view: DeadlinesView }) {
  if (!view.departments) return null;
  return (
    <section aria-labelledby="early-title">
      <h2 id="early-title">部局ごとの前倒し受付</h2>
      <p>
        順番（目標設定の公表、中間報告の受理）や受付開始日を待たずに、1つの部局だけ手続きを開けます。記録は監査ログに残ります。
      </p>
      <form method="post" action={`${DEADLINES_URL}/open-early`} class="staff-form workflow-inline">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="year" value={String(view.year)} />
        <div class="field">
          <label for="early-department">部局</label>
          <select id="early-department" name="department">
            {view.departments.map((d) => (
              <option value={String(d.id)}>{d.name}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="early-phase">手続き</label>
          <select id="early-phase" name="phase">
            <option value="interim">{phaseLabels.interim}</option>
            <option value="final">{phaseLabels.final}</option>
          </select>
        </div>
        <button type="submit" class="button-secondary">
          この部局で前倒しして開く
        </button>
      </form>
    </section>
  );
}

/** 期限と受付開始日: one fiscal year's deadlines and opening days, for planning and admins. */
export function DeadlinesPage({ view }: { view: DeadlinesView }) {
  const title = `${view.yearLabel}の期限と受付開始日`;
  return (
    <Layout title={title} stylesheets={['/assets/staff.css', '/assets/workflow.css']}>
      <div class="page workflow">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{title}</h1>
        {view.notice ? (
          <div class="workflow-notice" role="status">
            <p>{view.notice}</p>
          </div>
        ) : null}
        <form method="get" action={DEADLINES_URL} class="staff-form workflow-inline">
          <div class="field">
            <label for="year">年度（西暦）</label>
            <input id="year" name="year" type="number" min="1989" max="2200" value={String(view.year)} />
          </div>
          <button type="submit" class="button-secondary">
            この年度を表示する
          </button>
        </form>
        <ErrorSummary
          id="deadline-errors"
          heading="保存できませんでした。次の項目を直してください。"
          errors={view.errors}
        />
        {view.opened ? (
          <>
            <p>
              中間報告は目標設定が公表されてから、期末報告・評価は中間報告を企画が受理してから作成できます。
              受付開始日を入れると、その日まではさらに待ちます。
            </p>
            <ScheduleForm view={view} />
            <EarlyForm view={view} />
          </>
        ) : (
          <p>
            この年度はまだ開始されていません。<a href={view.matrixHref}>全部局の進行状況</a>
            の画面で年度を開始してから設定してください。
          </p>
        )}
      </div>
    </Layout>
  );
}
