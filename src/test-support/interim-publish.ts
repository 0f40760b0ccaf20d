import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor, Role } from '../domain/auth/actor.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { saveInterimProgress } from '../domain/workflow/interim.service.ts';
import { transition } from '../domain/workflow/transition.service.ts';
import { openFiscalYear } from '../domain/workflow/year.service.ts';
import { fillPhase } from './phase-fill.ts';

/**
 * A department's 中間報告 of a year, through the real services: the year opened (phases that
 * already have a status keep it), the first plan item's progress written as given, the first two
 * items marked 未着手 / filled by fillPhase, then submitted, approved, accepted and — unless
 * `publish` is false — published. Returns the first plan item's text.
 */
export async function reportInterim(
  db: Kysely<Database>,
  key: { municipalityId: number; departmentId: number; year: number },
  progress: string,
  options: { publish?: boolean } = {},
): Promise<{ itemText: string }> {
  const as = (role: Role, departmentId: number | null = key.departmentId): Actor => ({
    userId: 0,
    login: `interim-${role}`,
    municipalityId: key.municipalityId,
    grants: [{ role, departmentId }],
  });
  const actor = as('editor');
  const by = {
    submit: actor,
    approve: as('approver'),
    accept: as('planning', null),
    publish: as('planning', null),
  };
  await openFiscalYear(db, by.accept, { year: key.year });
  const fy = (await findFiscalYearId(db, key.municipalityId, key.year)) ?? -1;
  const first = await db
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.text'])
    .where('goal.department_id', '=', key.departmentId)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.no')
    .orderBy('item.no')
    .executeTakeFirstOrThrow();
  await saveInterimProgress(db, actor, { itemId: first.id, text: progress, version: 0 });
  const phaseKey = { departmentId: key.departmentId, year: key.year, phase: 'interim' as const };
  await fillPhase(db, actor, phaseKey);
  const steps: Array<keyof typeof by> = ['submit', 'approve', 'accept'];
  if (options.publish !== false) steps.push('publish');
  for (const action of steps) {
    const { version } = await db
      .selectFrom('phase_status')
      .select('version')
      .where('department_id', '=', key.departmentId)
      .where('fiscal_year_id', '=', fy)
      .where('phase', '=', 'interim')
      .executeTakeFirstOrThrow();
    await transition(db, by[action], { ...phaseKey, action, version });
  }
  return { itemText: first.text };
}
