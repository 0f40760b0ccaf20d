import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { departmentIdOf, municipalityIdOf } from './seed.ts';

/** The demo city's municipality id. */
export function demoMunicipalityId(db: Kysely<Database>): Promise<number> {
  return municipalityIdOf(db, 'minatodai');
}

/** A top-level department of the demo city by name (総務部, 健康福祉部, …). */
export async function demoDepartmentId(db: Kysely<Database>, name: string): Promise<number> {
  return departmentIdOf(db, await demoMunicipalityId(db), name);
}
