import type { Kysely } from 'kysely';
import type { BlockKind, Database, Phase } from '../../db/schema.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import { AppError } from '../../errors.ts';
import { evaluateDepartmentYear } from '../evaluation/evaluate.service.ts';
import type { GradeScale } from '../evaluation/grades.ts';
import { loadBlock, type StoredGoal } from '../goals/goal.repo.ts';
import { loadAssessments, NEEDS_REASON } from './final.repo.ts';
import { type InterimEntry, loadInterim } from './interim.repo.ts';
import { assessmentLabels } from './labels.ts';

/**
 * "Complete before submit": the one rule every way of submitting a phase (page, API, CLI) goes
 * through, because the transition service calls it. A published report with blank 達成状況 or
 * unexplained misses is what the city must never show its citizens.
 */

export type GapKind = 'no_goals' | 'no_items' | 'achievement' | 'assessment' | 'reason' | 'interim';

/** One thing missing, and where the editor fixes it: a page and the id of the field on it. */
export interface PhaseGap {
  kind: GapKind;
  page: 'editor' | 'interim' | 'final';
  /** For page 'editor': the block the field is in. */
  block?: BlockKind;
  /** Element id on that page (`item-12-note`, `reason-7`, `progress-34`). */
  anchor: string;
  /** Stable machine name of the field (`item.12.achievement`). */
  field: string;
  /** What to fill in, in Japanese. */
  message: string;
}

export class PhaseIncompleteError extends AppError {
  readonly gaps: PhaseGap[];
  /** Whose phase: what the links to the gaps' pages are built from. */
  readonly departmentId: number;
  readonly year: number;

  constructor(gaps: PhaseGap[], where: { departmentId: number; year: number }) {
    super(
      'PHASE_INCOMPLETE',
      `未入力の項目が${gaps.length}件あるため提出できません。次の項目を入力してから、もう一度提出してください：${gaps
        .map((g) => g.message)
        .join(' / ')}`,
      { field: gaps[0]?.field },
    );
    this.name = 'PhaseIncompleteError';
    this.gaps = gaps;
    this.departmentId = where.departmentId;
    this.year = where.year;
  }
}

export function isPhaseIncomplete(error: unknown): error is PhaseIncompleteError {
  return error instanceof PhaseIncompleteError;
}

/** The lowest band a result may fall in without explanation: the one a rate of 100 % reaches. */
export function passBandIndex(scale: GradeScale): number {
  const index = scale.bands.findIndex((b) => b.minRate <= 100);
  return index === -1 ? scale.bands.length - 1 : index;
}

export function isBelowPass(scale: GradeScale, grade: string): boolean {
  const index = scale.bands.findIndex((b) => b.label === grade);
  return index > passBandIndex(scale);
}

const blank = (s: string | null | undefined) => !s?.trim();

/** Interim: every planned item is reported, or explicitly marked 未着手. */
export function interimGaps(plan: StoredGoal[], interim: Map<number, InterimEntry>): PhaseGap[] {
  if (plan.length === 0) {
    return [
      {
        kind: 'no_goals',
        page: 'editor',
        block: 'plan',
        anchor: 'new-goal',
        field: 'plan',
        message: 'この年度の重点目標（計画）が登録されていません。目標設定で重点目標を登録してください。',
      },
    ];
  }
  return plan.flatMap((g) =>
    g.items
      .filter((i) => {
        const entry = interim.get(i.id);
        return !entry || (blank(entry.text) && !entry.notStarted);
      })
      .map(
        (i): PhaseGap => ({
          kind: 'interim',
          page: 'interim',
          anchor: `progress-${i.id}`,
          field: `item.${i.id}.interim`,
          message: `重点目標${g.no}・取組項目${i.no}の進捗を入力するか、「未着手」に印を付けてください。`,
        }),
      ),
  );
}

export interface FinalFacts {
  review: StoredGoal[];
  assessments: Map<number, { assessment: Assessment; reason: string }>;
  /** The computed grade of each review goal that has numeric targets behind it. */
  computed: Map<number, string>;
  scale: GradeScale | undefined;
}

/** Final: every item has its 達成状況, every goal its assessment, every miss its reason. */
export function finalGaps(facts: FinalFacts): PhaseGap[] {
  if (facts.review.length === 0) {
    return [
      {
        kind: 'no_goals',
        page: 'editor',
        block: 'review',
        anchor: 'new-goal',
        field: 'review',
        message: 'この年度の達成状況（振り返り）が登録されていません。重点目標と達成状況を入力してください。',
      },
    ];
  }
  const gaps: PhaseGap[] = [];
  for (const g of facts.review) {
    if (g.items.length === 0) {
      gaps.push({
        kind: 'no_items',
        page: 'editor',
        block: 'review',
        anchor: `goal-${g.id}`,
        field: `goal.${g.id}.items`,
        message: `重点目標${g.no}に取組項目と達成状況を入力してください。`,
      });
    }
    for (const i of g.items) {
      if (!blank(i.achievement)) continue;
      gaps.push({
        kind: 'achievement',
        page: 'editor',
        block: 'review',
        anchor: `item-${i.id}-note`,
        field: `item.${i.id}.achievement`,
        message: `重点目標${g.no}・取組項目${i.no}の達成状況を入力してください。`,
      });
    }
    const a = facts.assessments.get(g.id);
    if (!a) {
      gaps.push({
        kind: 'assessment',
        page: 'final',
        anchor: `assessment-${g.id}`,
        field: `goal.${g.id}.assessment`,
        message: `重点目標${g.no}の評価（達成・概ね達成・未達成）を入力してください。`,
      });
      continue;
    }
    if (!blank(a.reason)) continue;
    const grade = facts.computed.get(g.id);
    if (NEEDS_REASON.has(a.assessment)) {
      gaps.push(reasonGap(g, `評価が「${assessmentLabels[a.assessment]}」です`));
    } else if (grade !== undefined && facts.scale && isBelowPass(facts.scale, grade)) {
      gaps.push(reasonGap(g, `数値目標から計算した評価が「${grade}」です`));
    }
  }
  return gaps;
}

function reasonGap(g: StoredGoal, why: string): PhaseGap {
  return {
    kind: 'reason',
    page: 'final',
    anchor: `reason-${g.id}`,
    field: `goal.${g.id}.reason`,
    message: `重点目標${g.no}は${why}。達成できなかった理由を入力してください。`,
  };
}

export interface PhaseAddress {
  departmentId: number;
  fiscalYearId: number;
  /** Gregorian start year of the 年度 (what evaluation is keyed by). */
  year: number;
  phase: Phase;
}

/** The gaps of one phase of one department's year; empty when it may be submitted. */
export async function phaseGaps(db: Kysely<Database>, key: PhaseAddress): Promise<PhaseGap[]> {
  const { departmentId, fiscalYearId } = key;
  if (key.phase === 'interim') {
    const plan = await loadBlock(db, { departmentId, fiscalYearId, block: 'plan' });
    return interimGaps(plan, await loadInterim(db, departmentId, fiscalYearId));
  }
  if (key.phase !== 'final') return [];
  const review = await loadBlock(db, { departmentId, fiscalYearId, block: 'review' });
  const assessments = new Map(
    (await loadAssessments(db, departmentId, fiscalYearId)).flatMap((g) =>
      g.assessment ? [[g.goalId, g.assessment] as const] : [],
    ),
  );
  const computed = new Map<number, string>();
  let scale: GradeScale | undefined;
  if (review.length > 0) {
    const evaluation = await evaluateDepartmentYear(db, departmentId, key.year);
    scale = evaluation.scale;
    for (const goal of evaluation.goals) {
      // The numbers' own reading: the effective grade may be the department's rating itself.
      if (goal.reviewGoal && goal.computedGrade !== null && goal.items.some((i) => i.kind === 'numeric')) {
        computed.set(goal.reviewGoal.id, goal.computedGrade);
      }
    }
  }
  return finalGaps({ review, assessments, computed, scale });
}

/** Refuses the submission with every gap at once, so the editor fixes them in one pass. */
export async function assertPhaseComplete(db: Kysely<Database>, key: PhaseAddress): Promise<void> {
  const gaps = await phaseGaps(db, key);
  if (gaps.length > 0) throw new PhaseIncompleteError(gaps, key);
}
