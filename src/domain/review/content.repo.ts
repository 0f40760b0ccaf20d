import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';
import { loadBlock } from '../goals/goal.repo.ts';
import { loadAssessments } from '../workflow/final.repo.ts';
import { loadInterim } from '../workflow/interim.repo.ts';
import { assessmentLabels } from '../workflow/labels.ts';

/** One item as a reviewer reads it: its wording and the note the phase is about. */
export interface ContentItem {
  id: number;
  no: number;
  unit: string | null;
  text: string;
  /** 期限・数値目標等 (目標設定), 進捗 (中間報告) or 達成状況・達成度 (期末報告). */
  note: string;
  /** The goal or item it was copied from (last year's plan), when it was. */
  copiedFrom?: number | null;
}

export interface ContentGoal {
  id: number;
  no: number;
  title: string;
  items: ContentItem[];
  /** 期末報告: the department's assessment and its reason, as one line (「未達成：理由」). */
  assessment?: string;
  copiedFrom?: number | null;
}

/** What a phase submits: the block it governs, with the phase's own notes. */
export interface PhaseContent {
  goals: ContentGoal[];
}

/** The block whose content a phase reports: targets for 目標設定 and 中間報告, results for 期末報告. */
export const blockOfPhase = (phase: Phase) => (phase === 'final' ? 'review' : 'plan');

/** The content of one phase of a department's fiscal year as it stands now. */
export async function loadPhaseContent(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
  phase: Phase,
): Promise<PhaseContent> {
  const block = await loadBlock(db, { departmentId, fiscalYearId, block: blockOfPhase(phase) });
  const interim = phase === 'interim' ? await loadInterim(db, departmentId, fiscalYearId) : undefined;
  const assessments = phase === 'final' ? await loadAssessments(db, departmentId, fiscalYearId) : [];
  const copies = await copiedFrom(
    db,
    block.map((g) => g.id),
  );
  return {
    goals: block.map((g) => {
      const a = assessments.find((x) => x.goalId === g.id)?.assessment;
      return {
        id: g.id,
        no: g.no,
        title: g.title,
        copiedFrom: copies.goals.get(g.id) ?? null,
        ...(a ? { assessment: `${assessmentLabels[a.assessment]}：${a.reason}` } : {}),
        items: g.items.map((i) => ({
          id: i.id,
          no: i.no,
          unit: i.unitName,
          text: i.text,
          note: (interim ? interim.get(i.id)?.text : phase === 'final' ? i.achievement : i.target) ?? '',
          copiedFrom: copies.items.get(i.id) ?? null,
        })),
      };
    }),
  };
}

async function copiedFrom(db: Kysely<Database>, goalIds: number[]) {
  if (goalIds.length === 0) return { goals: new Map<number, number>(), items: new Map<number, number>() };
  const goals = await db
    .selectFrom('goal')
    .select(['id', 'copied_from_goal_id'])
    .where('id', 'in', goalIds)
    .where('copied_from_goal_id', 'is not', null)
    .execute();
  const items = await db
    .selectFrom('item')
    .select(['id', 'copied_from_item_id'])
    .where('goal_id', 'in', goalIds)
    .where('copied_from_item_id', 'is not', null)
    .execute();
  return {
    goals: new Map(goals.map((g) => [g.id, g.copied_from_goal_id as number])),
    items: new Map(items.map((i) => [i.id, i.copied_from_item_id as number])),
  };
}
