import type { ChainStage } from '../../db/tables/workflow.ts';
import type { ChainStep } from '../../domain/workflow/chain.ts';
import { MAX_STEPS } from '../../domain/workflow/chain.ts';
import { stageLabels } from '../../domain/workflow/labels.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { workflowUrls } from './format.ts';
import { WorkflowShell } from './shell.tsx';

export interface ChainView {
  csrfToken: string;
  unread: number;
  chain: ChainStep[];
  canConfigure: boolean;
  notice?: string;
  error?: string;
}

const stages: ChainStage[] = ['department', 'planning', 'extra'];

function StepRow({ index, step }: { index: number; step: ChainStep | undefined }) {
  return (
    <fieldset class="chain-step">
      <legend>{index + 1}段目</legend>
      <div class="field">
        <label for={`step-${index}-name`}>名称（空欄の段は使いません）</label>
        <input
          id={`step-${index}-name`}
          name={`name_${index}`}
          type="text"
          maxlength={30}
          value={step?.name ?? ''}
        />
      </div>
      <div class="field">
        <label for={`step-${index}-stage`}>段階と担当</label>
        <select id={`step-${index}-stage`} name={`stage_${index}`}>
          {stages.map((s) => (
            <option value={s} selected={(step?.stage ?? 'department') === s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function ChainPage({ view }: { view: ChainView }) {
  return (
    <WorkflowShell title="承認経路の設定" unread={view.unread} notice={view.notice} error={view.error}>
      <p>
        提出された報告は、上から順に承認されます。「部局内の承認」がすべて済むと「部局長承認済み」、「企画の受理」がすべて済むと「企画受理済み」になり、
        「公表前の決裁」（市長など）を記録してから公表します。
      </p>
      <h2>現在の承認経路</h2>
      <ol class="chain-list">
        {view.chain.map((s) => (
          <li>
            {s.name}（{stageLabels[s.stage]}）
          </li>
        ))}
      </ol>
      {view.canConfigure ? (
        <form method="post" action={workflowUrls.chain()} class="staff-form">
          <CsrfField token={view.csrfToken} />
          <h2>経路を変更する</h2>
          {Array.from({ length: MAX_STEPS }, (_, i) => (
            <StepRow index={i} step={view.chain[i]} />
          ))}
          <button type="submit" class="button-primary">
            承認経路を保存する
          </button>
        </form>
      ) : (
        <p class="hint">承認経路は企画担当または管理者が変更できます。</p>
      )}
    </WorkflowShell>
  );
}
