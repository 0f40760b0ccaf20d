import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow } from '../../db/tables/lineage.ts';
import { type LineageMember, lineageMembers } from '../organisation/department-lineage.ts';
import { type BlockSelection, blockYearsOfDepartment, loadGoalTexts } from './goal-texts.repo.ts';
import { deleteLinks, endsOf, insertSuggestions, linksBetween, updateSuggestion } from './link.repo.ts';
import { linkKey, type SuggestedLink, suggestLinks } from './match.ts';

export interface TableRef {
  municipalityId: number;
  departmentId: number;
  planYear: number;
}

/**
 * Recomputes the suggested links that touch one stored table (review Y-1 beside plan Y):
 * review Y-1 → plan Y (continues, absorbed), plan Y-1 → review Y-1 and plan Y → review Y (same).
 * The plan side of "same" also searches the department's predecessors (組織改編). Links a person
 * confirmed, rejected or set are kept and respected. A handful of queries: cheap enough for every import.
 */
export async function suggestLineageForTable(db: Kysely<Database>, table: TableRef): Promise<void> {
  const { municipalityId, planYear } = table;
  const self: LineageMember[] = [{ id: table.departmentId, before: null }];
  const lineage = await lineageMembers(db, table.departmentId);
  const block = (
    fiscalYear: number,
    kind: 'review' | 'plan',
    departments: LineageMember[],
  ): BlockSelection => ({
    municipalityId,
    fiscalYear,
    block: kind,
    departments,
  });
  await syncPairing(db, 'continues', block(planYear - 1, 'review', self), block(planYear, 'plan', self));
  await syncPairing(db, 'same', block(planYear - 1, 'plan', lineage), block(planYear - 1, 'review', self));
  await syncPairing(db, 'same', block(planYear, 'plan', lineage), block(planYear, 'review', self));
}

/** Every table of a department again: after a 組織改編 changed where its history lives. */
export async function refreshDepartmentLineage(
  db: Kysely<Database>,
  municipalityId: number,
  departmentId: number,
): Promise<void> {
  const rows = await blockYearsOfDepartment(db, departmentId);
  const planYears = new Set(rows.map((r) => (r.block === 'plan' ? r.year : r.year + 1)));
  for (const planYear of [...planYears].sort((a, b) => a - b)) {
    await suggestLineageForTable(db, { municipalityId, departmentId, planYear });
  }
}

async function syncPairing(
  db: Kysely<Database>,
  kind: 'continues' | 'same',
  fromBlock: BlockSelection,
  toBlock: BlockSelection,
): Promise<void> {
  const to = await loadGoalTexts(db, toBlock);
  if (to.length === 0) return;
  const from = await loadGoalTexts(db, fromBlock);
  if (from.length === 0) return;
  const existing = await linksBetween(
    db,
    from.map((g) => g.id),
    to.map((g) => g.id),
  );
  const decided = existing
    .filter((l) => l.status === 'confirmed' || l.status === 'manual')
    .map((l) => ({ kind: l.kind, ...endsOf(l) }));
  const rejected = new Set(existing.filter((l) => l.status === 'rejected').map((l) => linkKey(endsOf(l))));
  const suggestions = suggestLinks(from, to, kind, { decided, rejected });
  await reconcile(db, fromBlock.municipalityId, existing, suggestions);
}

/** Keeps suggestion rows (and their ids) that still hold, updates their scores, adds and drops the rest. */
async function reconcile(
  db: Kysely<Database>,
  municipalityId: number,
  existing: GoalLinkRow[],
  suggestions: SuggestedLink[],
): Promise<void> {
  const stored = new Map(existing.map((l) => [linkKey(endsOf(l)), l]));
  const wanted = new Set(suggestions.map(linkKey));
  await deleteLinks(
    db,
    existing.filter((l) => l.status === 'suggested' && !wanted.has(linkKey(endsOf(l)))).map((l) => l.id),
  );
  const fresh: SuggestedLink[] = [];
  for (const s of suggestions) {
    const row = stored.get(linkKey(s));
    if (!row) fresh.push(s);
    else if (row.status === 'suggested' && (row.score !== s.score || row.kind !== s.kind)) {
      await updateSuggestion(db, row.id, { kind: s.kind, score: s.score });
    }
  }
  await insertSuggestions(db, municipalityId, fresh);
}
