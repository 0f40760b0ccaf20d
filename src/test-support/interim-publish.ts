import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor, Role } from '../domain/auth/actor.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { loadBlock } from '../domain/goals/goal.repo.ts';
import { saveInterimProgress } from '../domain/workflow/interim.service.ts';
import { transition } from '../domain/workflow/transition.service.ts';
import { openFiscalYear } from '../domain/workflow/year.service.ts';
import { fillPhase } from './phase-fill.ts';
import { phaseVersion } from './seed.ts';

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
  const goals = await loadBlock(db, { departmentId: key.departmentId, fiscalYearId: fy, block: 'plan' });
  const first = [...goals]
    .sort((a, b) => a.no - b.no)
    .flatMap((g) => [...g.items].sort((a, b) => a.no - b.no))[0];
  if (!first) throw new Error(`no plan item of department ${key.departmentId} in ${key.year}`);
  await saveInterimProgress(db, actor, { itemId: first.id, text: progress, version: 0 });
  const phaseKey = { departmentId: key.departmentId, year: key.year, phase: 'interim' as const };
  await fillPhase(db, actor, phaseKey);
  const steps: Array<keyof typeof by> = ['submit', 'approve', 'accept'];
  if (options.publish !== false) steps.push('publish');
  for (const action of steps) {
    const version = await phaseVersion(db, phaseKey);
    await transition(db, by[action], { ...phaseKey, action, version });
  }
  return { itemText: first.text };
}
