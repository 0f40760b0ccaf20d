import type { GradeScale, ItemEvaluation } from '../../domain/evaluation/index.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { evaluationUrls } from './evaluation.urls.ts';

interface Props {
  departmentId: number;
  year: number;
  item: ItemEvaluation;
  scale: GradeScale;
  csrf: string;
}

/** A qualitative item has no figure to compare: the department grades it on the city's scale. */
export function AssessmentForm({ departmentId, year, item, scale, csrf }: Props) {
  const current = item.selfAssessment;
  const gradeId = `grade-${item.id}`;
  const commentId = `comment-${item.id}`;
  return (
    <form
      method="post"
      action={evaluationUrls.assessment(departmentId, year, item.id)}
      class="eval-form eval-assessment staff-form"
    >
      <CsrfField token={csrf} />
      <p class="eval-hint">
        数値目標のない取組です。
        {current
          ? `現在の自己評価: ${current.grade}${current.inScale ? '' : '（現在の評価区分にないため未評価）'}`
          : '自己評価は未入力です（未評価）。'}
      </p>
      <div class="field">
        <label for={gradeId}>自己評価</label>
        <select id={gradeId} name="grade" required>
          {scale.bands.map((b) => (
            <option value={b.label} selected={current?.grade === b.label}>
              {b.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={commentId}>コメント（任意）</label>
        <textarea id={commentId} name="comment" rows={2} maxlength={2000}>
          {current?.comment ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button-primary">
        自己評価を保存
      </button>
    </form>
  );
}
