import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type DepartmentEvaluation, evaluateDepartmentYear } from '../../domain/evaluation/index.ts';
import { goalsByPolicy } from '../../domain/policies/goals-by-policy.ts';
import { openPublicReader } from '../../domain/publication/reader.ts';
import { AppError } from '../../errors.ts';
import type { MunicipalityRef } from '../../views/view-models.ts';

export interface PolicyGoalView {
  departmentId: number;
  departmentName: string;
  no: number;
  title: string;
  /** The goal's grade in words; null while the year's achievements are not public. */
  grade: string | null;
}

export interface PolicyNodeView {
  code: string;
  name: string;
  depth: number;
  goals: PolicyGoalView[];
}

export interface PoliciesView {
  municipality: MunicipalityRef;
  year: number;
  nodes: PolicyNodeView[];
}

/**
 * The comprehensive plan's policies with the year's goals tied to them, public blocks only: a goal
 * shows once its table is published, its grade once the achievements are (as on the dashboards).
 */
export async function presentPolicies(
  db: Kysely<Database>,
  code: string,
  year: number,
): Promise<PoliciesView> {
  const reader = await openPublicReader(db, code);
  const { municipality } = reader;
  const publication = await reader.publication();
  const evaluations = new Map<number, Promise<DepartmentEvaluation | undefined>>();
  const evaluationOf = (departmentId: number) => {
    const cached =
      evaluations.get(departmentId) ??
      evaluateDepartmentYear(db, departmentId, year).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
    evaluations.set(departmentId, cached);
    return cached;
  };
  const nodes: PolicyNodeView[] = [];
  for (const node of await goalsByPolicy(db, municipality.id, year)) {
    const goals: PolicyGoalView[] = [];
    for (const g of node.goals) {
      const state = publication.of(g.departmentId, g.fiscalYear);
      const side = state === 'none' ? null : (g.plan ?? (state === 'full' ? g.review : null));
      if (!side) continue;
      let grade: string | null = null;
      if (state === 'full' && g.plan) {
        const goal = (await evaluationOf(g.departmentId))?.goals.find((e) => e.id === g.plan?.goalId);
        grade = goal ? (goal.grade ?? '未評価') : null;
      }
      goals.push({
        departmentId: g.departmentId,
        departmentName: g.departmentName,
        no: side.no,
        title: side.title,
        grade,
      });
    }
    nodes.push({ code: node.code, name: node.name, depth: node.depth, goals });
  }
  return { municipality: { code: municipality.code, name: municipality.name }, year, nodes };
}
