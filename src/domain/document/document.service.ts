import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import {
  type Block,
  comparatorSchema,
  type Goal,
  type IchiranDocument,
  type Item,
} from '../../format/document.schema.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { loadBlock, type StoredGoal } from '../goals/goal.repo.ts';
import { linksBetween } from '../lineage/link.repo.ts';
import { isBlockPublished } from '../publication/publication.repo.ts';
import { type LineagePairs, lineagePairsOf } from './lineage-pairs.ts';
import { latestWarnings, planBlockYears } from './source-document.repo.ts';

/**
 * Required, never defaulted: without drafts a block whose phase is not published reads as empty.
 * Callers go through the publication module's readers (publicReader / staffReader), not here.
 */
export interface BlockAccess {
  includeDrafts: boolean;
}

/** A stored 一覧表 as loaded: the interchange document, and what the form shows beside it. */
export interface LoadedTable {
  document: IchiranDocument;
  /** Which review goal each plan goal continues by decided lineage (goals of `document`). */
  lineagePairs: LineagePairs;
}

/** The stored 一覧表 of one department: the review block of planYear-1 beside the plan block of planYear. */
export async function loadTable(
  db: Kysely<Database>,
  department: { id: number; municipality_id: number; name: string },
  planYear: number,
  access: BlockAccess,
): Promise<LoadedTable> {
  const [review, plan] = await Promise.all([
    loadYearBlock(db, department, planYear - 1, 'review', access),
    loadYearBlock(db, department, planYear, 'plan', access),
  ]);
  if (review.size === 0 && plan.size === 0) {
    throw new AppError('NOT_FOUND', `no table for ${department.name}, plan year ${planYear}`, {
      field: 'planYear',
    });
  }
  // Only goals this audience sees are loaded, so a pairing never points at an unpublished goal.
  const lineagePairs = lineagePairsOf(
    await linksBetween(db, [...review.keys()], [...plan.keys()]),
    review,
    plan,
  );
  const document: IchiranDocument = {
    department: department.name,
    review: { fiscalYear: planYear - 1, goals: [...review.values()] },
    plan: { fiscalYear: planYear, goals: [...plan.values()] },
    // Import warnings are notes for the staff who checked the file: never on a public page or export.
    warnings: access.includeDrafts ? await latestWarnings(db, department.id, planYear) : [],
  };
  return { document, lineagePairs };
}

/** The interchange document alone (loadTable without the pairing): for JSON, CSV and checks. */
export async function loadDocument(
  db: Kysely<Database>,
  department: { id: number; municipality_id: number; name: string },
  planYear: number,
  access: BlockAccess,
): Promise<IchiranDocument> {
  return (await loadTable(db, department, planYear, access)).document;
}

async function loadYearBlock(
  db: Kysely<Database>,
  department: { id: number; municipality_id: number },
  year: number,
  block: Block,
  access: BlockAccess,
): Promise<Map<number, Goal>> {
  const fiscalYearId = await findFiscalYearId(db, department.municipality_id, year);
  if (fiscalYearId === undefined) return new Map();
  if (!access.includeDrafts && !(await isBlockPublished(db, department.id, fiscalYearId, block))) {
    return new Map();
  }
  const goals = await loadBlock(db, { departmentId: department.id, fiscalYearId, block });
  // Keyed by goal id, in block order (a Map keeps insertion order).
  return new Map(goals.map((g) => [g.id, toGoal(g, block)]));
}

export function toGoal(goal: StoredGoal, block: Block): Goal {
  return {
    no: goal.no,
    title: goal.title,
    items: goal.items.map((i): Item => {
      const note = block === 'plan' ? i.target : i.achievement;
      return {
        no: i.no,
        ...(i.unitName === null ? {} : { unit: i.unitName }),
        text: i.text,
        ...(note === null ? {} : block === 'plan' ? { target: note } : { achievement: note }),
        quantities: i.quantities.map((q) => ({
          value: q.value,
          unit: q.unit,
          comparator: comparatorSchema.parse(q.comparator),
          ...(q.span_text === null ? {} : { text: q.span_text }),
        })),
      };
    }),
  };
}

/** Plan years for which a department has a table: its plan blocks, and the year after each review block. */
export async function listPlanYears(
  db: Kysely<Database>,
  departmentId: number,
  access: BlockAccess,
): Promise<number[]> {
  const rows = await planBlockYears(db, departmentId, access.includeDrafts);
  const years = new Set(rows.map((r) => (r.block === 'plan' ? r.year : r.year + 1)));
  return [...years].sort((a, b) => a - b);
}
