import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { type Actor, systemActor } from '../auth/actor.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { defaultDeadlines } from './deadline-clock.ts';
import { insertEvent } from './history.repo.ts';
import { phases } from './labels.ts';
import { isOvertaken } from './phase-order.ts';
import { insertMissingDeadlines, yearPhaseRows } from './phase-schedule.repo.ts';
import { setPhaseStatus } from './phase-status.repo.ts';

/**
 * Every department of the city gets a row for each phase of the year (作成中 until it moves), so a
 * phase nobody started is visible, and counted late once its deadline passes. Rows that exist
 * (imported, published) are kept. Returns how many rows were created now.
 */
export async function createMissingPhases(
  trx: Kysely<Database>,
  actor: Actor,
  fiscalYearId: number,
  options: { skipOvertaken?: boolean } = {},
): Promise<number> {
  let created = 0;
  const rows = await yearPhaseRows(trx, fiscalYearId);
  for (const department of await listTopDepartments(trx, actor.municipalityId)) {
    const states = Object.fromEntries(
      rows.filter((r) => r.departmentId === department.id).map((r) => [r.phase, r.status]),
    );
    for (const phase of phases) {
      // On viewing, a phase the year has moved past (a later one accepted or published, as imported
      // history often is) is not added as a draft; planning's explicit 年度開始 still adds it.
      if (options.skipOvertaken && isOvertaken(phase, states)) continue;
      const key = { departmentId: department.id, fiscalYearId, phase };
      if (!(await setPhaseStatus(trx, key, 'draft', 'keep'))) continue;
      created += 1;
      await insertEvent(trx, actor, key, { action: 'open', from_status: null, to_status: 'draft' });
    }
  }
  return created;
}

/**
 * Called when a year is viewed (the matrix): a year that exists (opened, or created by an import)
 * gets the phases and default deadlines it lacks — departments added since, years that came in by
 * import. Idempotent, one transaction; the system, not the viewer, is recorded as having done it.
 */
export async function ensureYearPhases(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const fiscalYearId = await findFiscalYearId(trx, municipalityId, year);
    if (fiscalYearId === undefined) return 0;
    const system = systemActor(municipalityId);
    await insertMissingDeadlines(trx, fiscalYearId, defaultDeadlines(year), system.login);
    const created = await createMissingPhases(trx, system, fiscalYearId, { skipOvertaken: true });
    if (created > 0) {
      await appendAudit(trx, system, {
        action: 'fiscalYear.open',
        entityType: 'fiscal_year',
        entityId: fiscalYearId,
        summary: `fiscal year ${year}: ${created} missing phase drafts prepared`,
        after: { year, created },
      });
    }
    return created;
  });
}
