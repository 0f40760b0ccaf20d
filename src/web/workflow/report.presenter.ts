import type { Phase } from '../../db/schema.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { can } from '../../domain/auth/policy.ts';
import { stateLabels } from '../../domain/workflow/labels.ts';
import type { ReportData } from '../../domain/workflow/pages.service.ts';
import type { ReturnNote } from '../components/return-notice.tsx';
import { formatInstant, yearHeading } from './format.ts';
import { reviewUrls } from './review.urls.ts';

export interface ReportItem {
  id: number;
  no: number;
  unitName: string | null;
  text: string;
  /** 期限・数値目標等 (plan) or 達成状況・達成度 (review). */
  detail: string | null;
  /** Final report: the plan's 期限・数値目標等 this 達成状況 answers ('' when none was written). */
  answers?: string;
  progress?: { text: string; notStarted: boolean; version: number; quantities: string[] };
}

export interface ReportGoal {
  id: number;
  no: number;
  title: string;
  items: ReportItem[];
  assessment?: { value: Assessment; reason: string; version: number };
}

export interface ReportView {
  departmentId: number;
  year: number;
  title: string;
  unread: number;
  statusLabel: string;
  editable: boolean;
  goals: ReportGoal[];
  /** The 差し戻し that reopened this report, while it is a draft again. */
  returnNote?: ReturnNote;
}

/** The 中間報告 (plan items + progress) or 期末評価 (review goals + assessments) of a department's year (loadReport). */
export function presentReport(
  actor: Actor,
  department: { id: number; name: string; municipality_id: number },
  year: number,
  phase: Extract<Phase, 'interim' | 'final'>,
  data: ReportData,
): ReportView {
  const { status, answers, interim, assessments } = data;
  const scope = { municipalityId: department.municipality_id, departmentId: department.id };
  const goals: ReportGoal[] = data.goals.map((g) => {
    const a = assessments.find((x) => x.goalId === g.id)?.assessment;
    return {
      id: g.id,
      no: g.no,
      title: g.title,
      assessment: a ? { value: a.assessment, reason: a.reason, version: a.version } : undefined,
      items: g.items.map((i) => {
        const p = interim.get(i.id);
        return {
          id: i.id,
          no: i.no,
          unitName: i.unitName,
          text: i.text,
          detail: phase === 'interim' ? i.target : i.achievement,
          ...(answers ? { answers: answers.get(i.id) ?? '' } : {}),
          progress: p
            ? {
                text: p.text,
                notStarted: p.notStarted,
                version: p.version,
                quantities: p.quantities.map((q) => q.text),
              }
            : undefined,
        };
      }),
    };
  });
  return {
    departmentId: department.id,
    year,
    title: `${department.name} ${yearHeading(year)} ${phase === 'interim' ? '中間報告' : '期末報告・評価'}`,
    unread: data.unread,
    statusLabel: status ? stateLabels[status] : '未開始',
    editable: status === 'draft' && can(actor, 'evaluation.edit', scope),
    goals,
    returnNote: data.returnNote
      ? {
          ...data.returnNote,
          at: formatInstant(data.returnNote.at),
          reviewHref: reviewUrls.phase(department.id, year, phase),
        }
      : undefined,
  };
}
