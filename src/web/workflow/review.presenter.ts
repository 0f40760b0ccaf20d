import type { Actor } from '../../domain/auth/actor.ts';
import { can } from '../../domain/auth/policy.ts';
import type { GoalEvaluation } from '../../domain/evaluation/index.ts';
import type { GoalChange } from '../../domain/review/content-diff.ts';
import type { ContentGoal, PhaseReview } from '../../domain/review/review.service.ts';
import { phaseLabels, stateLabels } from '../../domain/workflow/labels.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { formatRate, quantityText, TARGET_STATUS_LABELS } from '../../views/evaluation-labels.ts';
import { yearPairLabel } from '../../views/year-label.ts';
import { editorUrls } from '../editor/editor.urls.ts';
import { formatInstant, workflowUrls, yearHeading } from './format.ts';

export interface ResultRow {
  item: string;
  target: string;
  actual: string;
  rate: string;
  grade: string;
}

export interface ResultGoal {
  no: number;
  title: string;
  grade: string;
  /** The department's own assessment (期末報告・評価), when given. */
  selfAssessment?: string;
  rows: ResultRow[];
}

export interface ReviewView {
  title: string;
  unread: number;
  statusLabel: string;
  phaseLabel: string;
  noteLabel: string;
  links: Array<{ href: string; label: string }>;
  table?: { document: IchiranDocument; tableLabel: string; otherBlockHidden: boolean };
  /** 中間報告: the plan items with the progress reported on each. */
  interim?: ContentGoal[];
  sinceReturn?: { comment: string; by: string; at: string; changes: GoalChange[] };
  sinceLastYear?: { yearLabel: string; changes: GoalChange[] };
  results?: ResultGoal[];
}

const NOTE_LABELS = {
  goal_setting: '期限・数値目標等',
  interim: '進捗（中間報告）',
  final: '達成状況・達成度',
};

function resultsOf(goals: GoalEvaluation[], content: ContentGoal[]): ResultGoal[] {
  return goals.map((g) => {
    const own = content.find((c) => c.id === g.reviewGoal?.id)?.assessment;
    return {
      no: g.no,
      title: g.title,
      // The numbers' own reading: beside it the page shows the department's rating.
      grade: g.computedGrade ?? '未評価',
      ...(own ? { selfAssessment: own } : {}),
      rows: g.items.flatMap((i): ResultRow[] => {
        const item = `${i.no}. ${i.text}`;
        if (i.targets.length === 0) {
          return [
            {
              item,
              target: '（数値目標なし）',
              actual: i.reviewItem?.achievement ?? '（報告なし）',
              rate: '—',
              grade: i.grade ?? '未評価',
            },
          ];
        }
        return i.targets.map((t) => ({
          item,
          target: quantityText(t.target),
          actual: t.actual ? quantityText(t.actual) : '未報告',
          rate: formatRate(t.rate),
          grade: t.grade ?? TARGET_STATUS_LABELS[t.status],
        }));
      }),
    };
  });
}

/** The review page's view: labels, links by role, and the changes in the order a reviewer reads them. */
export function presentReview(actor: Actor, review: PhaseReview, unread: number): ReviewView {
  const { department, year, phase } = review;
  const scope = { municipalityId: department.municipalityId, departmentId: department.id };
  const links = [
    { href: workflowUrls.panel(department.id, year), label: '手続きの画面（承認・差し戻し）へ戻る' },
  ];
  if (can(actor, 'goal.edit', scope) && phase !== 'interim') {
    const block = phase === 'final' ? 'review' : 'plan';
    links.push({
      href: editorUrls.block({ departmentId: department.id, year, block }),
      label: '編集画面を開く',
    });
  }
  if (can(actor, 'evaluation.edit', scope) && phase !== 'goal_setting') {
    const href = phase === 'interim' ? workflowUrls.interim : workflowUrls.final;
    links.push({ href: href(department.id, year), label: `${phaseLabels[phase]}の入力画面を開く` });
  }
  return {
    title: `${department.name} ${yearHeading(year)} ${phaseLabels[phase]}の内容確認`,
    unread,
    statusLabel: review.status ? stateLabels[review.status] : '未開始',
    phaseLabel: phaseLabels[phase],
    noteLabel: NOTE_LABELS[phase],
    links,
    table: review.table
      ? {
          document: review.table.document,
          tableLabel: yearPairLabel(review.table.planYear),
          otherBlockHidden: review.table.otherBlockHidden,
        }
      : undefined,
    interim: phase === 'interim' ? review.content.goals : undefined,
    sinceReturn: review.sinceReturn
      ? {
          comment: review.sinceReturn.comment ?? '',
          by: review.sinceReturn.by,
          at: formatInstant(review.sinceReturn.at),
          changes: review.sinceReturn.changes,
        }
      : undefined,
    sinceLastYear: review.sinceLastYear
      ? { yearLabel: yearHeading(review.sinceLastYear.year), changes: review.sinceLastYear.changes }
      : undefined,
    results: review.results ? resultsOf(review.results, review.content.goals) : undefined,
  };
}
