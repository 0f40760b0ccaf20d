import type { Role } from '../auth/actor.ts';

/** Roles as a clerk names them: on refusals (whom to ask) and wherever a page names a role. */
export const roleLabels: Record<Role, string> = {
  admin: '管理者',
  planning: '企画担当（全庁）',
  editor: '編集担当',
  approver: '承認者（部局長）',
  viewer: '閲覧者',
};

/** Department roles act for one department; the others city-wide. */
export const departmentRoles: ReadonlySet<Role> = new Set(['editor', 'approver']);
