import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import type { BlockKind, Database, PhaseState } from '../../db/schema.ts';
import { can } from '../../domain/auth/policy.ts';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import { listTopDepartments } from '../../domain/departments/department.repo.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { phaseOfBlock } from '../../domain/workflow/phase-status.repo.ts';
import { editorUrls } from './editor.urls.ts';
import type { BlockCell, EditListView } from './editor.view.ts';
import { stateLabel, yearLabel } from './labels.ts';

interface BlockRow {
  department_id: number;
  year: number;
  block: BlockKind;
  n: number;
}

async function blockRows(db: Kysely<Database>, departmentIds: number[]): Promise<BlockRow[]> {
  if (departmentIds.length === 0) return [];
  // Grouped by department, so pieces of the department list never split a group.
  const rows = await inChunks(departmentIds, (chunk) =>
    db
      .selectFrom('goal')
      .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
      .select([
        'goal.department_id',
        'fiscal_year.year',
        'goal.block',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('goal.department_id', 'in', chunk)
      .groupBy(['goal.department_id', 'fiscal_year.year', 'goal.block'])
      .execute(),
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

async function states(db: Kysely<Database>, departmentIds: number[]) {
  if (departmentIds.length === 0) return new Map<string, PhaseState>();
  const rows = await inChunks(departmentIds, (chunk) =>
    db
      .selectFrom('phase_status')
      .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
      .select(['phase_status.department_id', 'fiscal_year.year', 'phase_status.phase', 'phase_status.status'])
      .where('phase_status.department_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [`${r.department_id}/${r.year}/${r.phase}`, r.status]));
}

/** The departments the actor may edit, each with its years (newest first) and what can be started. */
export async function presentEditList(
  db: Kysely<Database>,
  session: SessionContext,
  error?: string,
): Promise<EditListView> {
  const { actor } = session;
  const departments = (await listTopDepartments(db, actor.municipalityId)).filter((d) =>
    can(actor, 'goal.edit', { municipalityId: actor.municipalityId, departmentId: d.id }),
  );
  const ids = departments.map((d) => d.id);
  const rows = await blockRows(db, ids);
  const phaseStates = await states(db, ids);
  return {
    csrfToken: session.csrfToken,
    error,
    departments: departments.map((d) => {
      const mine = rows.filter((r) => r.department_id === d.id);
      const cell = (year: number, block: BlockKind): BlockCell | undefined => {
        const row = mine.find((r) => r.year === year && r.block === block);
        if (!row) return undefined;
        const state = phaseStates.get(`${d.id}/${year}/${phaseOfBlock(block)}`);
        return {
          block,
          href: editorUrls.block({ departmentId: d.id, year, block }),
          goalCount: row.n,
          stateLabel: stateLabel(state),
          editable: state === undefined || state === 'draft',
        };
      };
      const planYears = mine.filter((r) => r.block === 'plan').map((r) => r.year);
      // The year after the newest plan is listed too (or this 年度 when there is none), so it can be started.
      const next = planYears.length > 0 ? Math.max(...planYears) + 1 : fiscalYearOf(new Date());
      const years = [...new Set([...mine.map((r) => r.year), next])];
      return {
        id: d.id,
        name: d.name,
        years: years
          .sort((a, b) => b - a)
          .map((year) => {
            const plan = cell(year, 'plan');
            const review = cell(year, 'review');
            return {
              year,
              yearLabel: yearLabel(year),
              plan,
              review,
              // Only the coming year starts empty; past years without a plan stay as they were.
              newPlanHref:
                year === next && !plan
                  ? editorUrls.block({ departmentId: d.id, year, block: 'plan' })
                  : undefined,
              canCopyNextYear: plan !== undefined && cell(year + 1, 'plan') === undefined,
              canStartReview: plan !== undefined && review === undefined,
            };
          }),
      };
    }),
  };
}
