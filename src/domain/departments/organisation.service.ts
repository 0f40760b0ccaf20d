import type { Kysely } from 'kysely';
import type { Database, DepartmentRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import {
  deleteDepartment,
  departmentUses,
  findSibling,
  getDepartment,
  insertDepartment,
  listOrganisation,
  updateDepartment,
} from './department.repo.ts';

/**
 * The organisation as planning and admin keep it in the browser: 部局 and their 課・センター
 * (department rows with a parent). Renaming here corrects a name; a change of organisation
 * between years is a 組織改編 (domain/organisation), which keeps the goals' lineage.
 */
export interface OrganisationUnit {
  id: number;
  name: string;
  displayOrder: number | null;
  units: Array<{ id: number; name: string; displayOrder: number | null }>;
}

export const MAX_NAME = 50;
const manage = (actor: Actor) =>
  authorize(actor, 'organisation.manage', { municipalityId: actor.municipalityId });

export async function listOrganisationTree(db: Kysely<Database>, actor: Actor): Promise<OrganisationUnit[]> {
  authorize(actor, 'internal.read', { municipalityId: actor.municipalityId });
  const rows = await listOrganisation(db, actor.municipalityId);
  const brief = (r: DepartmentRow) => ({ id: r.id, name: r.name, displayOrder: r.display_order });
  return rows
    .filter((r) => r.parent_id === null)
    .map((d) => ({ ...brief(d), units: rows.filter((r) => r.parent_id === d.id).map(brief) }));
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || [...trimmed].length > MAX_NAME) {
    throw new AppError('INVALID_INPUT', `名称を${MAX_NAME}文字以内で入力してください。`, { field: 'name' });
  }
  return trimmed;
}

function checkOrder(order: number | null): number | null {
  if (order !== null && (!Number.isInteger(order) || order < 0 || order > 9999)) {
    throw new AppError('INVALID_INPUT', '表示順は0から9999までの整数で入力してください。', {
      field: 'displayOrder',
    });
  }
  return order;
}

async function requireUnit(db: Kysely<Database>, actor: Actor, id: number): Promise<DepartmentRow> {
  const found = await getDepartment(db, id);
  if (found?.municipality_id !== actor.municipalityId) {
    throw new AppError('NOT_FOUND', 'その部局・課は見つかりません。一覧から選び直してください。', {
      field: 'department',
    });
  }
  return found;
}

async function refuseTaken(
  db: Kysely<Database>,
  actor: Actor,
  parentId: number | null,
  name: string,
  id = 0,
) {
  const taken = await findSibling(db, actor.municipalityId, parentId, name);
  if (taken && taken.id !== id) {
    const where = parentId === null ? '部局' : 'この部局の課・センター';
    throw new AppError('CONFLICT', `「${name}」は${where}にすでにあります。別の名称を入力してください。`, {
      field: 'name',
    });
  }
}

/** A department (parentId null) or a 課・センター under one. */
export async function addDepartment(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; parentId: number | null; displayOrder: number | null },
): Promise<number> {
  manage(actor);
  const name = cleanName(input.name);
  const displayOrder = checkOrder(input.displayOrder);
  return db.transaction().execute(async (trx) => {
    if (input.parentId !== null) {
      const parent = await requireUnit(trx, actor, input.parentId);
      if (parent.parent_id !== null) {
        throw new AppError(
          'INVALID_INPUT',
          '課・センターは部局の下にだけ追加できます。部局を選んでください。',
          {
            field: 'parentId',
          },
        );
      }
    }
    await refuseTaken(trx, actor, input.parentId, name);
    const row = await insertDepartment(trx, {
      municipalityId: actor.municipalityId,
      ...input,
      name,
      displayOrder,
    });
    await appendAudit(trx, actor, {
      action: 'department.create',
      entityType: 'department',
      entityId: row.id,
      departmentId: input.parentId ?? row.id,
      summary: `${row.kind} ${name} created`,
      after: { name, parentId: input.parentId, displayOrder },
    });
    return row.id;
  });
}

/** Corrects the name and sets the display order; a real change of organisation is a 組織改編. */
export async function editDepartment(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: { name: string; displayOrder: number | null },
): Promise<void> {
  manage(actor);
  const name = cleanName(input.name);
  const displayOrder = checkOrder(input.displayOrder);
  await db.transaction().execute(async (trx) => {
    const row = await requireUnit(trx, actor, id);
    await refuseTaken(trx, actor, row.parent_id, name, id);
    const departmentId = row.parent_id ?? row.id;
    if (row.name !== name) {
      await updateDepartment(trx, id, { name });
      await appendAudit(trx, actor, {
        action: 'department.rename',
        entityType: 'department',
        entityId: id,
        departmentId,
        summary: `${row.kind} ${row.name} renamed to ${name}`,
        before: { name: row.name },
        after: { name },
      });
    }
    if (row.display_order !== displayOrder) {
      await updateDepartment(trx, id, { display_order: displayOrder });
      await appendAudit(trx, actor, {
        action: 'department.reorder',
        entityType: 'department',
        entityId: id,
        departmentId,
        summary: `${row.kind} ${name} display order set`,
        before: { name, displayOrder: row.display_order },
        after: { name, displayOrder },
      });
    }
  });
}

const USE_LABELS: Record<string, string> = {
  goals: '重点目標',
  imports: '取り込んだ一覧表',
  items: '担当している取組',
  grants: 'この部局の役割を持つアカウント',
  reorganisations: '組織改編の記録',
  workflow: '提出・承認の記録',
  units: '課・センター',
};

/**
 * Removes a department or sub-unit nothing refers to yet (one added by mistake). One with data stays:
 * its goals are the record, and a department that ends is recorded as a 組織改編 instead.
 */
export async function retireDepartment(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  manage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await requireUnit(trx, actor, id);
    const uses = await departmentUses(trx, id);
    const held = Object.entries(uses).filter(([, n]) => n > 0);
    if (held.length > 0) {
      const what = held.map(([k, n]) => `${USE_LABELS[k] ?? k}（${n}件）`).join('、');
      throw new AppError(
        'CONFLICT',
        `「${row.name}」には${what}があるため、廃止できません。部局の統合や廃止は「組織改編の記録」で記録してください。`,
        { field: 'department' },
        { cause: `department ${id} still in use` },
      );
    }
    await deleteDepartment(trx, id);
    await appendAudit(trx, actor, {
      action: 'department.retire',
      entityType: 'department',
      entityId: id,
      departmentId: row.parent_id,
      summary: `${row.kind} ${row.name} removed`,
      before: { name: row.name, parentId: row.parent_id },
    });
  });
}
