import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { presentIndex } from '../../presenters/catalog.presenter.ts';
import type { DepartmentRef, MunicipalityRef } from '../../views/view-models.ts';

export interface OpenDataYear {
  planYear: number;
  /** The departments with a published table this plan year, in department order. */
  departments: DepartmentRef[];
}

export interface OpenDataView {
  municipalities: Array<MunicipalityRef & { years: OpenDataYear[] }>;
}

/** Published tables only, newest plan year first: the same selection the public pages show. */
export async function presentOpenData(db: Kysely<Database>): Promise<OpenDataView> {
  const index = await presentIndex(db);
  return {
    municipalities: index.municipalities.map((m) => {
      const planYears = [...new Set(m.departments.flatMap((d) => d.planYears))].sort((a, b) => b - a);
      return {
        code: m.code,
        name: m.name,
        years: planYears.map((planYear) => ({
          planYear,
          departments: m.departments
            .filter((d) => d.planYears.includes(planYear))
            .map((d) => ({ id: d.id, name: d.name })),
        })),
      };
    }),
  };
}
