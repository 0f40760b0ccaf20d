import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { deleteLinks } from '../lineage/link.repo.ts';
import { refreshDepartmentLineage } from '../lineage/suggest.service.ts';
import {
  deleteReorganisationRow,
  departmentsOfMunicipality,
  insertReorganisation,
  listReorganisations,
  type Reorganisation,
  suggestedLinksAcross,
} from './reorganisation.repo.ts';

export const reorganisationInputSchema = z.object({
  kind: z.enum(['rename', 'merge', 'split']),
  /** The first fiscal year under the new organisation. */
  effectiveYear: z.number().int().min(1989).max(2200),
  from: z.array(z.number().int().positive()).min(1),
  to: z.array(z.number().int().positive()).min(1),
  note: z.string().trim().min(1).optional(),
});
export type ReorganisationInput = z.infer<typeof reorganisationInputSchema>;

const shapes = {
  rename: { from: (n: number) => n === 1, to: (n: number) => n === 1, says: 'one department to one' },
  merge: {
    from: (n: number) => n >= 2,
    to: (n: number) => n === 1,
    says: 'two or more departments into one',
  },
  split: { from: (n: number) => n === 1, to: (n: number) => n >= 2, says: 'one department into two or more' },
} as const;

/**
 * Records a 組織改編 and re-suggests the lineage of the departments it created, so that their
 * goals meet the goals their predecessors planned.
 */
export async function recordReorganisation(
  db: Kysely<Database>,
  actor: Actor,
  input: ReorganisationInput,
): Promise<Reorganisation> {
  const parsed = reorganisationInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '), {
      field: 'reorganisation',
    });
  }
  const event = parsed.data;
  const [from, to] = [[...new Set(event.from)], [...new Set(event.to)]];
  const shape = shapes[event.kind];
  if (!shape.from(from.length) || !shape.to(to.length)) {
    throw new AppError('INVALID_INPUT', `a ${event.kind} takes ${shape.says}`, { field: 'kind' });
  }
  const municipalityId = actor.municipalityId;
  authorize(actor, 'organisation.manage', { municipalityId });
  const departments = await departmentsOfMunicipality(db, municipalityId, [...from, ...to]);
  const missing = [...from, ...to].filter((id) => !departments.some((d) => d.id === id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `no department ${missing.join(', ')}`, { field: 'department' });
  }
  const run = async (trx: Kysely<Database>) => {
    const id = await insertReorganisation(trx, {
      municipalityId,
      kind: event.kind,
      effectiveYear: event.effectiveYear,
      note: event.note ?? null,
      from,
      to,
      createdBy: actor.login,
    });
    for (const departmentId of to) await refreshDepartmentLineage(trx, municipalityId, departmentId);
    const stored = (await listReorganisations(trx, municipalityId)).find((r) => r.id === id);
    if (!stored) throw new AppError('INTERNAL', `reorganisation ${id} vanished`);
    await appendAudit(trx, actor, {
      action: 'reorganisation.record',
      entityType: 'reorganisation',
      entityId: id,
      summary: `${event.kind} from ${event.effectiveYear}: ${from.join(', ')} → ${to.join(', ')}`,
      after: stored,
    });
    return stored;
  };
  return inTransaction(db, run);
}

/** Withdraws a recorded 組織改編 with the suggestions it caused; links a person decided stay. */
export async function deleteReorganisation(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'organisation.manage', { municipalityId: actor.municipalityId });
  // The record and the suggestions it caused go together, or not at all.
  const run = async (trx: Kysely<Database>) => {
    const [event] = (await listReorganisations(trx, actor.municipalityId)).filter((r) => r.id === id);
    if (!event) throw new AppError('NOT_FOUND', `no reorganisation ${id}`, { field: 'reorganisation' });
    const ids = (departments: Array<{ id: number }>) => departments.map((d) => d.id);
    const across = await suggestedLinksAcross(trx, ids(event.from), ids(event.to));
    // Links inside one department (one that kept going through a split) are not the event's doing.
    await deleteLinks(
      trx,
      across.filter((l) => l.fromDepartment !== l.toDepartment).map((l) => l.id),
    );
    await deleteReorganisationRow(trx, id);
    await appendAudit(trx, actor, {
      action: 'reorganisation.delete',
      entityType: 'reorganisation',
      entityId: id,
      summary: `withdrawn with ${across.length} suggested links`,
      before: event,
    });
  };
  await inTransaction(db, run);
}

export type { Reorganisation } from './reorganisation.repo.ts';
export { listReorganisations };
