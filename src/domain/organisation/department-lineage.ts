import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReorganisationKind } from '../../db/tables/lineage.ts';
import { predecessorsOf } from './reorganisation.repo.ts';

export interface PredecessorDepartment {
  departmentId: number;
  name: string;
  /** The 組織改編 that handed this department's work on, and to whom. */
  kind: ReorganisationKind;
  effectiveYear: number;
  successorId: number;
  /** Only this department's entries of fiscal years before this belong to the lineage. */
  before: number;
  /** 1 for a direct predecessor, 2 for its predecessor, … */
  depth: number;
}

/** A department of a lineage and the fiscal years (before `before`, or all when null) it contributes. */
export interface LineageMember {
  id: number;
  before: number | null;
}

/**
 * Every department whose work led into this one through renames, merges and splits, nearest first,
 * so that last year's entries stay reachable from this year's department.
 */
export async function departmentLineage(
  db: Kysely<Database>,
  departmentId: number,
): Promise<PredecessorDepartment[]> {
  const found: PredecessorDepartment[] = [];
  const seen = new Set([departmentId]);
  let frontier = new Map<number, number>([[departmentId, Number.POSITIVE_INFINITY]]);
  for (let depth = 1; frontier.size > 0; depth += 1) {
    const rows = await predecessorsOf(db, [...frontier.keys()]);
    const next = new Map<number, number>();
    for (const row of rows) {
      // A department that also appears on the "to" side kept going; cycles end here too.
      if (seen.has(row.department_id)) continue;
      seen.add(row.department_id);
      const before = Math.min(frontier.get(row.successor_id) ?? Number.POSITIVE_INFINITY, row.effective_year);
      found.push({
        departmentId: row.department_id,
        name: row.name,
        kind: row.kind,
        effectiveYear: row.effective_year,
        successorId: row.successor_id,
        before,
        depth,
      });
      next.set(row.department_id, before);
    }
    frontier = next;
  }
  return found;
}

/** The department itself (all years) followed by its predecessors (their years before the change). */
export async function lineageMembers(db: Kysely<Database>, departmentId: number): Promise<LineageMember[]> {
  const predecessors = await departmentLineage(db, departmentId);
  return [
    { id: departmentId, before: null },
    ...predecessors.map((p) => ({ id: p.departmentId, before: p.before })),
  ];
}
