import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, Phase, PhaseState } from '../db/schema.ts';
import { type Actor, systemActor } from '../domain/auth/actor.ts';
import { insertFailures } from '../domain/auth/rate-limit.repo.ts';
import { listUsers, updateUser } from '../domain/auth/user.repo.ts';
import { findTopDepartment, getDepartment } from '../domain/departments/department.repo.ts';
import { addDepartment } from '../domain/departments/organisation.service.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import {
  findMunicipality,
  insertMunicipality,
  listMunicipalities,
} from '../domain/municipalities/municipality.repo.ts';
import { phaseRowsOfYears } from '../domain/workflow/phase-schedule.repo.ts';
import { findPhaseStatus, setPhaseStatus } from '../domain/workflow/phase-status.repo.ts';
import { transition } from '../domain/workflow/transition.service.ts';
import { importSources } from '../importer/import.service.ts';
import { makeDocument, sourceOf } from './factories.ts';

/**
 * Test data through the application's own services and repositories, so no test writes SQL to set
 * itself up. Each helper names what a person (or the import) would have done; states only an old
 * version or another process leaves are in forced-state.repo.ts instead.
 */

/** A department's phase of a year: the address every workflow helper takes. */
export interface PhaseAt {
  departmentId: number;
  year: number;
  phase: Phase;
}

export interface SeededCity {
  municipalityId: number;
  code: string;
  /** Department id by name. */
  departments: Record<string, number>;
}

/**
 * A city as it starts: each department's 一覧表 (makeDocument: review of planYear-1, plan of
 * planYear) imported through the real importer, published unless `published` is false.
 */
export async function importCity(
  db: Db,
  options: {
    code?: string;
    name?: string;
    departments?: readonly string[];
    planYear?: number;
    published?: boolean;
  } = {},
): Promise<SeededCity> {
  const code = options.code ?? 'seed';
  const names = options.departments ?? ['総務部'];
  await importSources(
    db.kysely,
    [sourceOf(...names.map((department) => makeDocument({ department, planYear: options.planYear })))],
    { published: options.published ?? true, municipality: { code, name: options.name ?? `${code}市` } },
  );
  const municipalityId = await municipalityIdOf(db.kysely, code);
  const departments: Record<string, number> = {};
  for (const name of names) departments[name] = await departmentIdOf(db.kysely, municipalityId, name);
  return { municipalityId, code, departments };
}

/** A municipality with nothing in it yet (the repository the importer and setup use). */
export async function addMunicipality(db: Kysely<Database>, code: string, name: string): Promise<number> {
  return (await insertMunicipality(db, { code, name })).id;
}

/** The id of the municipality with this code, or of the only one there is. */
export async function municipalityIdOf(db: Kysely<Database>, code?: string): Promise<number> {
  if (code !== undefined) {
    const found = await findMunicipality(db, code);
    if (!found) throw new Error(`no municipality ${code}`);
    return found.id;
  }
  const all = await listMunicipalities(db);
  if (all.length !== 1 || !all[0]) throw new Error(`expected one municipality, found ${all.length}`);
  return all[0].id;
}

export async function departmentIdOf(
  db: Kysely<Database>,
  municipalityId: number,
  name: string,
): Promise<number> {
  const found = await findTopDepartment(db, municipalityId, name);
  if (!found) throw new Error(`no department ${name}`);
  return found.id;
}

export async function fiscalYearIdOf(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
): Promise<number> {
  const id = await findFiscalYearId(db, municipalityId, year);
  if (id === undefined) throw new Error(`fiscal year ${year} is not open`);
  return id;
}

/** A 課・センター under a department (or a department when parentId is null), as the settings page adds it. */
export async function addUnit(
  db: Kysely<Database>,
  municipalityId: number,
  parentId: number | null,
  name: string,
): Promise<number> {
  return addDepartment(db, systemActor(municipalityId), { name, parentId, displayOrder: null });
}

async function municipalityOfDepartment(db: Kysely<Database>, departmentId: number): Promise<number> {
  const department = await getDepartment(db, departmentId);
  if (!department) throw new Error(`no department ${departmentId}`);
  return department.municipality_id;
}

/** The planning office (企画, city-wide) acting without an account, as the seed helpers' default actor. */
export function planningOffice(municipalityId: number): Actor {
  return { userId: 0, login: 'planning', municipalityId, grants: [{ role: 'planning', departmentId: null }] };
}

/** The phase row's version: what a page shows and a transition must quote. */
export async function phaseVersion(db: Kysely<Database>, at: PhaseAt): Promise<number> {
  const municipalityId = await municipalityOfDepartment(db, at.departmentId);
  const fiscalYearId = await fiscalYearIdOf(db, municipalityId, at.year);
  const row = await findPhaseStatus(db, { departmentId: at.departmentId, fiscalYearId, phase: at.phase });
  if (!row) throw new Error(`no ${at.phase} ${at.year} row for department ${at.departmentId}`);
  return row.version;
}

/**
 * 差し戻し through the real workflow (what the planning office does to withdraw a published phase):
 * the phase is draft again, with its history, snapshot and audit as after a real return.
 */
export async function returnPhase(
  db: Kysely<Database>,
  at: PhaseAt,
  options: { actor?: Actor; comment?: string } = {},
): Promise<void> {
  const municipalityId = await municipalityOfDepartment(db, at.departmentId);
  const fiscalYearId = await fiscalYearIdOf(db, municipalityId, at.year);
  const row = await findPhaseStatus(db, { departmentId: at.departmentId, fiscalYearId, phase: at.phase });
  if (!row) throw new Error(`no ${at.phase} ${at.year} row for department ${at.departmentId}`);
  if (row.status === 'draft') return;
  await transition(db, options.actor ?? planningOffice(municipalityId), {
    ...at,
    action: 'return',
    version: row.version,
    comment: options.comment ?? '修正のため差し戻します',
  });
}

/** Every phase of a department (every year) returned to draft: nothing of it is public any more. */
export async function returnEveryPhase(
  db: Kysely<Database>,
  departmentId: number,
  years: readonly number[],
): Promise<void> {
  for (const year of years) {
    for (const phase of ['goal_setting', 'interim', 'final'] as const) {
      const municipalityId = await municipalityOfDepartment(db, departmentId);
      const fiscalYearId = await findFiscalYearId(db, municipalityId, year);
      if (fiscalYearId === undefined) continue;
      if (await findPhaseStatus(db, { departmentId, fiscalYearId, phase })) {
        await returnPhase(db, { departmentId, year, phase });
      }
    }
  }
}

/**
 * Puts a phase into `status` the way the importer records history (setPhaseStatus, overwriting),
 * without walking the workflow: for tests of the readers of phase states, not of the workflow.
 * A phase with no row gets one.
 */
export async function setPhaseState(db: Kysely<Database>, at: PhaseAt, status: PhaseState): Promise<void> {
  const municipalityId = await municipalityOfDepartment(db, at.departmentId);
  const fiscalYearId = await fiscalYearIdOf(db, municipalityId, at.year);
  await setPhaseStatus(
    db,
    { departmentId: at.departmentId, fiscalYearId, phase: at.phase },
    status,
    'overwrite',
  );
}

/** Which phase rows setPhasesWhere changes: every field left out matches all. */
export interface PhaseFilter {
  /** The city; by default the department's, or the test database's only city. */
  municipalityId?: number;
  departmentId?: number;
  year?: number;
  phase?: Phase;
}

/**
 * Every stored phase row that matches `filter` put into `status` (setPhaseState each): for tests of
 * what readers show when phases are withdrawn or published. Returns how many rows it set.
 */
export async function setPhasesWhere(
  db: Kysely<Database>,
  filter: PhaseFilter,
  status: PhaseState,
): Promise<number> {
  const municipalityId =
    filter.municipalityId ??
    (filter.departmentId === undefined
      ? await municipalityIdOf(db)
      : await municipalityOfDepartment(db, filter.departmentId));
  const rows = await phaseRowsOfYears(
    db,
    municipalityId,
    filter.year === undefined ? undefined : [filter.year],
    filter.departmentId === undefined ? undefined : [filter.departmentId],
  );
  const matching = rows.filter((r) => filter.phase === undefined || r.phase === filter.phase);
  for (const r of matching) {
    await setPhaseState(db, { departmentId: r.departmentId, year: r.year, phase: r.phase }, status);
  }
  return matching.length;
}

/** The name an account shows (in the audit trail, the staff bar). */
export async function setDisplayName(db: Kysely<Database>, userId: number, name: string): Promise<void> {
  await updateUser(db, userId, { display_name: name });
}

/** An e-mail address on an account (operators set it; there is no page for it). */
export async function setEmail(db: Kysely<Database>, userId: number, email: string | null): Promise<void> {
  await updateUser(db, userId, { email });
}

/** The same e-mail address on every account of the municipality. */
export async function setEveryEmail(
  db: Kysely<Database>,
  municipalityId: number,
  email: string,
): Promise<void> {
  for (const user of await listUsers(db, municipalityId)) await setEmail(db, user.id, email);
}

/** A failed sign-in under `key`, as the login throttle records it. */
export async function failedLogin(db: Kysely<Database>, key: string, at: string): Promise<void> {
  await insertFailures(db, [key], at);
}
